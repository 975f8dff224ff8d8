package com.chainatlas.targeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

import com.chainatlas.targeting.linkprediction.SupplyLinkPredictor;
import com.chainatlas.targeting.linkprediction.SupplyNetwork;
import com.chainatlas.targeting.linkprediction.SupplyRelation;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One link predictor per chain over the chain's supply network (customers in the chain), cached under the
 * chain's analysis-snapshot version so it is rebuilt exactly when the data behind the snapshot changes.
 */
@Component
@Transactional(readOnly = true) // a read transaction: served by any cluster member
class SupplyTiePredictions {

    /** The predictor of one snapshot version, built once however many requests ask for it at the same time. */
    private record Cached(long version, FutureTask<Optional<SupplyLinkPredictor>> task) {
    }

    private final Neo4jClient neo4j;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicInteger builds = new AtomicInteger();

    SupplyTiePredictions(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The chain's predictor, or null when the chain has no supply relations to learn from. */
    SupplyLinkPredictor predictor(String chainId, long snapshotVersion) {
        Cached c = cache.compute(chainId, (k, old) -> old != null && old.version() == snapshotVersion ? old
                : new Cached(snapshotVersion, new FutureTask<>(() -> Optional.ofNullable(build(chainId)))));
        c.task().run(); // only the first caller trains; the others wait for its result below
        try {
            return c.task().get().orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the supply model was trained", e);
        } catch (ExecutionException e) {
            cache.remove(chainId, c); // a failed build is not kept: the next request tries again
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** How many models were trained since start (for tests). */
    int builds() {
        return builds.get();
    }

    private SupplyLinkPredictor build(String chainId) {
        builds.incrementAndGet();
        List<SupplyRelation> relations = relations(chainId);
        return relations.isEmpty() ? null : new SupplyLinkPredictor(SupplyNetwork.of(relations));
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
