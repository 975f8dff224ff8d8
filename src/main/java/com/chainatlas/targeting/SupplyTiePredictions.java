package com.chainatlas.targeting;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

import com.chainatlas.analysis.ChainSnapshot;
import com.chainatlas.analysis.SnapshotRegistry;
import com.chainatlas.targeting.linkprediction.LinkPredictionMethod;
import com.chainatlas.targeting.linkprediction.SupplyLinkPredictor;
import com.chainatlas.targeting.linkprediction.SupplyTieNetwork;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One link predictor per chain (one supply network, 一张供应网络): built from the chain's analysis snapshot — its
 * enterprises and supply arrays, not a second read of Neo4j — and cached under the snapshot's version, so the
 * predictions and the diagnosis always share one version and an import (a new snapshot) rebuilds both.
 * The network holds the supply relations between enterprises of the chain, as the snapshot does.
 */
@Component
@Transactional(readOnly = true) // a read transaction: served by any cluster member
class SupplyTiePredictions {

    /** The method used for 预测关联 in the target score: the winner of the per-customer evaluation. */
    static final LinkPredictionMethod METHOD = LinkPredictionMethod.RECOMMENDED;

    /** The model of one snapshot version, built once however many requests ask for it at the same time. */
    private record Cached(long version, FutureTask<SupplyTieModel> task) {
    }

    private final SnapshotRegistry snapshots;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicInteger builds = new AtomicInteger();
    private final Map<Long, AtomicInteger> buildsByVersion = new ConcurrentHashMap<>();

    SupplyTiePredictions(SnapshotRegistry snapshots) {
        this.snapshots = snapshots;
    }

    /** The model of the chain's current snapshot (building the snapshot if there is none). */
    SupplyTieModel model(String chainId) {
        return model(snapshots.get(chainId));
    }

    /** The model built from this snapshot; trained once per snapshot version. */
    SupplyTieModel model(ChainSnapshot snapshot) {
        String chainId = snapshot.chainId();
        long version = snapshot.version();
        Cached c = cache.compute(chainId, (k, old) -> old != null && old.version() == version ? old
                : new Cached(version, new FutureTask<>(() -> build(snapshot))));
        c.task().run(); // only the first caller trains; the others wait for its result below
        try {
            return c.task().get();
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

    /** How many models were trained for this snapshot version (for tests). */
    int builds(long snapshotVersion) {
        AtomicInteger n = buildsByVersion.get(snapshotVersion);
        return n == null ? 0 : n.get();
    }

    private SupplyTieModel build(ChainSnapshot s) {
        builds.incrementAndGet();
        buildsByVersion.computeIfAbsent(s.version(), v -> new AtomicInteger()).incrementAndGet();
        if (s.supplyCount() == 0) {
            return new SupplyTieModel(s.chainId(), s.version(), null);
        }
        int n = s.enterpriseCount();
        String[] ids = new String[n];
        int[] start = new int[n + 1];
        int[] supplier = new int[s.supplyCount()];
        int m = 0;
        for (int e = 0; e < n; e++) {
            ids[e] = s.usccOf(e);
            for (int k = s.supplyStart(e); k < s.supplyStart(e + 1); k++) {
                if (s.supplySupplier(k) != e) { // a firm supplying itself says nothing about ties
                    supplier[m++] = s.supplySupplier(k);
                }
            }
            start[e + 1] = m;
        }
        SupplyTieNetwork network = SupplyTieNetwork.ofCompressedRows(ids, start, java.util.Arrays.copyOf(supplier, m));
        return new SupplyTieModel(s.chainId(), s.version(), new SupplyLinkPredictor(network, METHOD));
    }
}
