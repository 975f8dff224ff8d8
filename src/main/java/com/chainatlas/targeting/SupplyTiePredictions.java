package com.chainatlas.targeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.chainatlas.targeting.linkprediction.SupplyLinkPredictor;
import com.chainatlas.targeting.linkprediction.SupplyNetwork;
import com.chainatlas.targeting.linkprediction.SupplyRelation;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * One link predictor per chain over the chain's supply network (customers in the chain), cached under the
 * chain's analysis-snapshot version so it is rebuilt exactly when the data behind the snapshot changes.
 */
@Component
class SupplyTiePredictions {

    private record Cached(long version, SupplyLinkPredictor predictor) {
    }

    private final Neo4jClient neo4j;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SupplyTiePredictions(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The chain's predictor, or null when the chain has no supply relations to learn from. */
    SupplyLinkPredictor predictor(String chainId, long snapshotVersion) {
        Cached c = cache.get(chainId);
        if (c == null || c.version() != snapshotVersion) {
            List<SupplyRelation> relations = relations(chainId);
            c = new Cached(snapshotVersion, relations.isEmpty() ? null : new SupplyLinkPredictor(SupplyNetwork.of(relations)));
            cache.put(chainId, c);
        }
        return c.predictor();
    }

    private List<SupplyRelation> relations(String chainId) {
        List<SupplyRelation> relations = new ArrayList<>();
        neo4j.query("""
                MATCH (a:Enterprise)-[:SUPPLIES]->(b:Enterprise)
                WHERE EXISTS { (b)-[:IN_SEGMENT]->(:Segment {chainId: $chain}) } AND a <> b
                RETURN a.uscc AS supplier, b.uscc AS customer
                """).bind(chainId).to("chain").fetch().all()
                .forEach(row -> relations.add(new SupplyRelation((String) row.get("customer"), (String) row.get("supplier"))));
        return relations;
    }
}
