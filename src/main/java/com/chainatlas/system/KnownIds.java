package com.chainatlas.system;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers 404 for a chain id nobody has, on list endpoints that would otherwise answer 200 with an empty list
 * (a mistyped id looks exactly like "no data" otherwise). One indexed lookup in a read transaction (served by any
 * cluster member), remembered until the data changes: every list request asks it.
 */
@Component
public class KnownIds {

    private final Neo4jClient neo4j;
    private final TransactionTemplate readTransaction;
    private final GenerationCache<String, Boolean> chains;

    KnownIds(Neo4jClient neo4j, PlatformTransactionManager transactions, DataGeneration generation) {
        this.neo4j = neo4j;
        this.readTransaction = new TransactionTemplate(transactions);
        this.readTransaction.setReadOnly(true);
        this.chains = new GenerationCache<>(generation, 256);
    }

    /** Nothing when {@code chain} is blank (no filter) or exists; 404 otherwise. */
    public void requireChain(String chain) {
        if (chain == null || chain.isBlank()) {
            return;
        }
        String id = Limits.text("产业链", "chain", chain, Limits.ID);
        if (!chains.get(id, () -> exists(id))) {
            throw ApiProblem.notFound("产业链", "Chain", id);
        }
    }

    private boolean exists(String id) {
        return Boolean.TRUE.equals(readTransaction.execute(status -> neo4j.query(
                        "MATCH (c:Chain {id: $id}) RETURN count(c) > 0 AS found").bind(id).to("id")
                .fetchAs(Boolean.class).one().orElse(false)));
    }
}
