package com.chainatlas.system;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers 404 for a chain id nobody has, on list endpoints that would otherwise answer 200 with an empty list
 * (a mistyped id looks exactly like "no data" otherwise). One indexed lookup.
 */
@Component
@Transactional(readOnly = true) // a read transaction: served by any cluster member
public class KnownIds {

    private final Neo4jClient neo4j;

    KnownIds(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Nothing when {@code chain} is blank (no filter) or exists; 404 otherwise. */
    public void requireChain(String chain) {
        if (chain == null || chain.isBlank()) {
            return;
        }
        String id = Limits.text("产业链", "chain", chain, Limits.ID);
        boolean found = neo4j.query("MATCH (c:Chain {id: $id}) RETURN count(c) > 0 AS found").bind(id).to("id")
                .fetchAs(Boolean.class).one().orElse(false);
        if (!found) {
            throw ApiProblem.notFound("产业链", "Chain", id);
        }
    }
}
