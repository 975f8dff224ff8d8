package com.chainatlas.project;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * The projects and leads written get {@code ledgerEpoch} = the new epoch, so a reader that has the ledger up to
 * epoch E reads only what changed since ({@link LedgerMirror}).
 */
@Component
public class LedgerVersion {

    static final String ADVANCE = """
            MERGE (v:LedgerVersion {id: 'ledger'})
            SET v.epoch = coalesce(v.epoch, 0) + 1, v.changedAt = datetime()
            WITH v
            CALL (v) { UNWIND $projects AS id MATCH (p:Project {id: id}) SET p.ledgerEpoch = v.epoch }
            CALL (v) { UNWIND $leads AS id MATCH (l:Lead {id: id}) SET l.ledgerEpoch = v.epoch }
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

    /** A project was written in the current transaction (its node gets the new epoch, see {@link LedgerMirror}). */
    public void projectChanged(String id) {
        changed(id, null);
    }

    /** A lead or its contact log was written in the current transaction. */
    public void leadChanged(String id) {
        changed(null, id);
    }

    /**
     * The current transaction changed the ledger (or its settings): the epoch advances before it commits (at once
     * when no transaction is synchronised, e.g. an auto-commit write of a hand-built writer).
     */
    public void changed() {
        changed(null, null);
    }

    private void changed(String project, String lead) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            advance(project == null ? List.of() : List.of(project), lead == null ? List.of() : List.of(lead));
            return;
        }
        // one per transaction: the list is that of the current transaction (a suspended outer one keeps its own)
        Advance a = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Advance.class::isInstance).map(Advance.class::cast).findFirst().orElse(null);
        if (a == null) {
            a = new Advance();
            TransactionSynchronizationManager.registerSynchronization(a);
        }
        if (project != null) {
            a.projects.add(project);
        }
        if (lead != null) {
            a.leads.add(lead);
        }
    }

    private final class Advance implements TransactionSynchronization {
        final Set<String> projects = new LinkedHashSet<>();
        final Set<String> leads = new LinkedHashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            advance(List.copyOf(projects), List.copyOf(leads));
        }
    }

    long advance(List<String> projects, List<String> leads) {
        return neo4j.query(ADVANCE).bindAll(Map.of("projects", projects, "leads", leads))
                .fetchAs(Long.class).one().orElseThrow();
    }
}
