package com.chainatlas.targeting;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

import com.chainatlas.analysis.ChainSnapshot;
import com.chainatlas.analysis.SnapshotBuiltEvent;
import com.chainatlas.analysis.SnapshotRegistry;
import com.chainatlas.signal.ExpansionSignals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One {@link ChainFacts} per chain, for its current snapshot version. Made in the background right after each
 * snapshot build, on the snapshot executor (one thread: it never competes with builds for the cores); a request that
 * arrives first waits for that one computation instead of starting its own (compute-once), as do concurrent first
 * requests. A failed computation is not kept: the next request tries again.
 */
@Component
class ChainFactsCache {

    private static final Logger log = LoggerFactory.getLogger(ChainFactsCache.class);

    private record Cached(long version, FutureTask<ChainFacts> task) {
    }

    private final SnapshotRegistry snapshots;
    private final TargetCandidates candidates;
    private final SupplyTiePredictions predictions;
    private final ExpansionSignals signals;
    private final Executor executor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicInteger builds = new AtomicInteger();

    ChainFactsCache(SnapshotRegistry snapshots, TargetCandidates candidates, SupplyTiePredictions predictions,
                    ExpansionSignals signals, @Qualifier("snapshotExecutor") Executor executor) {
        this.snapshots = snapshots;
        this.candidates = candidates;
        this.predictions = predictions;
        this.signals = signals;
        this.executor = executor;
    }

    /** After every kept build: make the new version's facts now, off the request path. */
    @EventListener
    public void onBuilt(SnapshotBuiltEvent event) {
        executor.execute(() -> snapshots.current(event.chainId()).filter(s -> s.version() == event.version()).ifPresent(s -> {
            try {
                of(s);
            } catch (RuntimeException e) {
                log.warn("Target facts of chain {} v{} not prepared: {}", event.chainId(), event.version(), e.getMessage());
            }
        }));
    }

    /** The facts of this snapshot; made once per version (callers arriving meanwhile wait for it). */
    ChainFacts of(ChainSnapshot snapshot) {
        String chainId = snapshot.chainId();
        long version = snapshot.version();
        Cached c = cache.compute(chainId, (k, old) -> old != null && old.version() >= version ? old
                : new Cached(version, new FutureTask<>(() -> build(snapshot))));
        if (c.version() != version) { // an older snapshot than the cached one: made for this caller, not kept
            return build(snapshot);
        }
        c.task().run(); // only the first caller computes; the others wait for its result below
        try {
            return c.task().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the target facts were made", e);
        } catch (ExecutionException e) {
            cache.remove(chainId, c);
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** How many facts were made since start (for tests). */
    int builds() {
        return builds.get();
    }

    @SuppressWarnings("unchecked")
    private ChainFacts build(ChainSnapshot s) {
        builds.incrementAndGet();
        long t0 = System.nanoTime();
        int n = s.enterpriseCount();
        int[] employees = new int[n];
        int[] patents = new int[n];
        int[] cooperations = new int[n];
        List<String>[] tags = new List[n];
        Arrays.fill(employees, ChainFacts.UNKNOWN);
        Arrays.fill(patents, ChainFacts.UNKNOWN);
        candidates.attributes(s.chainId(), a -> {
            int e = s.indexOf(a.uscc(), a.regionCode());
            if (e < 0) {
                return; // not in this snapshot (invalid region code, or joined the chain after it was read)
            }
            employees[e] = a.employees() == null ? ChainFacts.UNKNOWN : a.employees();
            patents[e] = a.patents() == null ? ChainFacts.UNKNOWN : a.patents();
            cooperations[e] = a.cooperations();
            tags[e] = a.tags().isEmpty() ? List.of() : List.copyOf(a.tags());
        });
        long t1 = System.nanoTime();
        var events = Map.copyOf(signals.eventsOfChain(s.chainId()));
        long t2 = System.nanoTime();
        SupplyTieModel model = predictions.model(s);
        long t3 = System.nanoTime();
        String profile = String.format(java.util.Locale.ROOT, "%d ms: attributes %d ms, events %d ms, supply-tie model %d ms",
                (t3 - t0) / 1_000_000, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        log.info("Target facts of chain {} v{} ({} members): {}", s.chainId(), s.version(), n, profile);
        return new ChainFacts(s, model, employees, patents, cooperations, tags, events, profile);
    }
}
