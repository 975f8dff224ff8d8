package com.chainatlas.project;

import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger version {@code (:LedgerVersion {id: 'ledger', epoch})}: advanced in the same transaction as every write
 * to projects, leads, contacts and ledger settings, so a cached answer keyed by it is never served after a committed
 * write — on this instance or any other reading the same database (one indexed read per request tells).
 *
 * <p>The epoch is advanced just before commit ({@link TransactionSynchronization#beforeCommit}), once per
 * transaction: the version node is then always the last lock a ledger write takes, so two writers never wait for
 * each other in opposite orders (a deadlock), and a 10,000-row import advances it once per chunk, not per row.
 */
@Component
public class LedgerVersion {

    static final String ADVANCE = """
            MERGE (v:LedgerVersion {id: 'ledger'})
            SET v.epoch = coalesce(v.epoch, 0) + 1, v.changedAt = datetime()
            RETURN v.epoch AS epoch
            """;

    private final Neo4jClient neo4j;

    public LedgerVersion(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The current epoch (0 before the first write). */
    @Transactional(readOnly = true)
    public long current() {
        return neo4j.query("MATCH (v:LedgerVersion {id: 'ledger'}) RETURN v.epoch AS epoch")
                .fetchAs(Long.class).one().orElse(0L);
    }

    /**
     * The current transaction changed the ledger: the epoch advances before it commits (at once when no
     * transaction is synchronised, e.g. an auto-commit write of a hand-built writer).
     */
    public void changed() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            advance();
            return;
        }
        // one per transaction: the list is that of the current transaction (a suspended outer one keeps its own)
        if (TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(Advance.class::isInstance)) {
            TransactionSynchronizationManager.registerSynchronization(new Advance());
        }
    }

    private final class Advance implements TransactionSynchronization {
        @Override
        public void beforeCommit(boolean readOnly) {
            advance();
        }
    }

    long advance() {
        return neo4j.query(ADVANCE).bindAll(Map.of()).fetchAs(Long.class).one().orElseThrow();
    }
}
