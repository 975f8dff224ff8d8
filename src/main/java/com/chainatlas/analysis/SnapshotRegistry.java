package com.chainatlas.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.chainatlas.system.ReadSessions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Holds one {@link ChainSnapshot} per chain (快照注册表). A snapshot is built on the first request for its chain
 * (concurrent first requests wait for one build) or in the background ({@link SnapshotWarmUp},
 * {@link SnapshotRefreshOnImport}); requests during a rebuild keep using the previous snapshot until the new one is
 * swapped in.
 *
 * <p><b>"Data changed" has one owner: per-chain epochs.</b> {@link #invalidate(String)} (after an import wrote a
 * chain) and {@link #invalidateAll()} (after an import not tied to a chain) advance the chain's epoch and drop its
 * snapshot, atomically. A build notes the epoch before it reads the database and is kept only if the epoch is
 * unchanged when it finishes; otherwise it read data an import was replacing, is discarded, and is read again (a
 * few times; the last read still answers its caller but is not kept). So after an import has called
 * {@code invalidate} no request can see a snapshot read before it, however builds and imports interleave.
 * Invalidation never waits for a build in progress (it does not take the per-chain build lock).
 *
 * <p><b>Deltas.</b> An invalidation that names the enterprises it touched ({@link #invalidate(String, Collection)})
 * keeps the chain's last kept snapshot as a base and collects the touched keys since; the next build then reads
 * only those enterprises and applies them to the base ({@link Source#loadDelta}, {@link SnapshotDelta}) instead of
 * reading the whole chain. The epoch rule is the same for both kinds of build: a delta build during which another
 * invalidation came in is discarded and read again with the keys collected meanwhile (they are kept until a build
 * is kept), so a kept snapshot has re-read every enterprise touched since its base. An invalidation without keys
 * (unknown change, chain structure, another instance's import), more than {@link #MAX_DELTA} keys, or a failed
 * delta read falls back to a full read.
 *
 * <p>Versions come from one counter for all chains, so a response's {@code snapshot.version} never repeats.
 */
@Component
public class SnapshotRegistry {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRegistry.class);
    /** Reads of one build request before giving up keeping one (imports kept landing meanwhile). */
    static final int MAX_READS = 3;
    /** Touched enterprises up to which a build reads a delta rather than the whole chain. */
    static final int MAX_DELTA = 50_000;

    /** Where snapshots are read from: the database ({@link SnapshotLoader}), or rows in memory in tests. */
    interface Source {
        ChainSnapshot load(String chainId, long version);

        /** {@code base} with these enterprises read again; by default (sources without deltas) a full read. */
        default ChainSnapshot loadDelta(ChainSnapshot base, Collection<String> touched, long version) {
            return load(base.chainId(), version);
        }

        List<String> chainIds();

        String chainOfSegment(String segmentId);
    }

    private final Source loader;
    private final ConcurrentHashMap<String, ChainSnapshot> snapshots = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();
    /** Guards {@link #epochs}, {@link #allEpoch} and every put into / removal from {@link #snapshots}. */
    private final Object swap = new Object();
    private final Map<String, Long> epochs = new HashMap<>();
    private long allEpoch;
    /** Per chain, the last kept snapshot a delta can start from, and the enterprises touched since (both or none). */
    private final Map<String, ChainSnapshot> bases = new HashMap<>();
    private final Map<String, Set<String>> touchedSince = new HashMap<>();

    /** Told of every kept snapshot ({@link SnapshotBuiltEvent}); a no-op for registries made in tests. */
    private final org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    SnapshotRegistry(ReadSessions reads,
                     @Qualifier(SnapshotExecutorConfiguration.DELTA_READS) java.util.concurrent.Executor deltaReads,
                     org.springframework.context.ApplicationEventPublisher events) {
        // read sessions with the instance's bookmarks (outside a request): a rebuild sees the import
        this(new SnapshotLoader(reads::open, deltaReads), events);
    }

    SnapshotRegistry(Source loader) {
        this(loader, event -> { });
    }

    SnapshotRegistry(Source loader, org.springframework.context.ApplicationEventPublisher events) {
        this.loader = loader;
        this.events = events;
    }

    /** The chain's current snapshot, building it if there is none (404 problem for an unknown chain). */
    public ChainSnapshot get(String chainId) {
        ChainSnapshot s = snapshots.get(chainId);
        if (s != null) {
            return s;
        }
        synchronized (lock(chainId)) {
            s = snapshots.get(chainId);
            return s != null ? s : build(chainId);
        }
    }

    /** Rebuilds the chain's snapshot now and swaps it in (unless an import lands meanwhile). Returns it. */
    public ChainSnapshot refresh(String chainId) {
        synchronized (lock(chainId)) {
            synchronized (swap) {
                forgetBase(chainId); // an explicit refresh reads everything
            }
            try {
                return build(chainId);
            } catch (RuntimeException e) {
                invalidate(chainId); // e.g. the chain was deleted
                throw e;
            }
        }
    }

    /** The chain's data changed: drops its snapshot, and any build in progress will not be kept. */
    public void invalidate(String chainId) {
        invalidate(chainId, null);
    }

    /**
     * The chain's data changed, only for these enterprises (null: unknown): drops its snapshot, any build in
     * progress will not be kept, and the next build may read just them.
     */
    public void invalidate(String chainId, Collection<String> touched) {
        synchronized (swap) {
            epochs.merge(chainId, 1L, Long::sum);
            snapshots.remove(chainId);
            noteTouched(chainId, touched);
        }
    }

    /**
     * The data of these chains changed (empty: of any chain; {@code touched}: only these enterprises, null:
     * unknown): builds the next snapshot of each chain that has one <em>now, on the calling thread, while requests
     * keep getting the current one</em>, and swaps it in; a chain without a snapshot is only invalidated (its next
     * request builds it). A build already reading is not kept. Requests never wait for this rebuild (dropping the
     * snapshot first made every request of the chain wait for it: 8 s stalls under load); the import calls it
     * before it says DONE, so DONE still means the figures changed. Where the new snapshot could not be kept (the
     * data kept changing, or the build failed) the old one is dropped, never kept as current.
     */
    public void rebuildKeepingCurrent(Collection<String> chainIds, Collection<String> touched) {
        List<String> built;
        synchronized (swap) {
            if (chainIds.isEmpty()) {
                allEpoch++;
                built = List.copyOf(snapshots.keySet());
                for (String chainId : List.copyOf(bases.keySet())) {
                    noteTouched(chainId, touched);
                }
            } else {
                built = new ArrayList<>();
                for (String chainId : chainIds) {
                    epochs.merge(chainId, 1L, Long::sum);
                    noteTouched(chainId, touched);
                    if (snapshots.containsKey(chainId)) {
                        built.add(chainId);
                    }
                }
            }
        }
        for (String chainId : built) {
            ChainSnapshot before = snapshots.get(chainId);
            try {
                synchronized (lock(chainId)) {
                    build(chainId);
                }
            } catch (RuntimeException e) {
                log.warn("Snapshot of chain {} not rebuilt after a change: {}", chainId, e.toString());
            }
            synchronized (swap) {
                if (before != null && snapshots.get(chainId) == before) {
                    snapshots.remove(chainId); // not replaced: the next request builds it rather than see old figures
                }
            }
        }
    }

    /** Any chain's data may have changed: drops every snapshot, and no build in progress will be kept. */
    public void invalidateAll() {
        invalidateAll(null);
    }

    /** As {@link #invalidateAll()}, the change being only of these enterprises (null: unknown). */
    public void invalidateAll(Collection<String> touched) {
        synchronized (swap) {
            allEpoch++;
            snapshots.clear();
            for (String chainId : List.copyOf(bases.keySet())) {
                noteTouched(chainId, touched);
            }
        }
    }

    /** Caller holds {@link #swap}. */
    private void noteTouched(String chainId, Collection<String> touched) {
        Set<String> since = touchedSince.get(chainId);
        if (since == null) {
            return; // no base: the next build reads everything anyway
        }
        if (touched == null || since.size() + touched.size() > MAX_DELTA) {
            forgetBase(chainId);
            return;
        }
        since.addAll(touched);
        if (since.size() > MAX_DELTA) {
            forgetBase(chainId);
        }
    }

    /** Caller holds {@link #swap}. */
    private void forgetBase(String chainId) {
        bases.remove(chainId);
        touchedSince.remove(chainId);
    }

    /** The chain's epoch: it grows with every invalidation that concerns the chain. */
    long epoch(String chainId) {
        synchronized (swap) {
            return allEpoch + epochs.getOrDefault(chainId, 0L);
        }
    }

    /** The snapshot if one is built (no build). */
    public Optional<ChainSnapshot> current(String chainId) {
        return Optional.ofNullable(snapshots.get(chainId));
    }

    /** Versions of the snapshots built so far. */
    public List<DiagnosisModel.SnapshotInfo> versions() {
        List<DiagnosisModel.SnapshotInfo> result = new ArrayList<>();
        snapshots.values().forEach(s -> result.add(s.info()));
        result.sort(Comparator.comparing(DiagnosisModel.SnapshotInfo::chainId));
        return List.copyOf(result);
    }

    /** Builds every chain of the database that has no snapshot yet (start-up warm-up). */
    public void warmAll() {
        for (String chainId : loader.chainIds()) {
            get(chainId);
        }
    }

    /** The chain a segment belongs to (from built snapshots, else the database), or null. */
    public String chainOfSegment(String segmentId) {
        for (ChainSnapshot s : snapshots.values()) {
            if (s.segmentIndex(segmentId) >= 0) {
                return s.chainId();
            }
        }
        return loader.chainOfSegment(segmentId);
    }

    /** Reads the chain and keeps the snapshot if no invalidation of it came in meanwhile (caller holds the lock). */
    private ChainSnapshot build(String chainId) {
        ChainSnapshot s = null;
        for (int read = 1; read <= MAX_READS; read++) {
            long epoch;
            ChainSnapshot base;
            Set<String> touched;
            synchronized (swap) {
                epoch = epoch(chainId);
                base = bases.get(chainId);
                touched = base == null ? null : Set.copyOf(touchedSince.get(chainId));
            }
            s = base == null ? loader.load(chainId, versions.incrementAndGet()) : delta(chainId, base, touched);
            s.extendRanking(); // the 延链 model is fitted here, once per version, not on a request
            boolean kept = false;
            synchronized (swap) {
                if (epoch(chainId) == epoch) {
                    snapshots.put(chainId, s);
                    bases.put(chainId, s);
                    touchedSince.put(chainId, new HashSet<>());
                    log.info("Snapshot of chain {} v{}{}: {} segments, {} enterprises, {} supply relations in {} ms",
                            chainId, s.version(), base == null ? "" : " (delta of " + touched.size() + " enterprises)",
                            s.segmentCount(), s.enterpriseCount(), s.supplyCount(), s.info().buildMillis());
                    kept = true;
                }
            }
            if (kept) {
                events.publishEvent(new SnapshotBuiltEvent(chainId, s.version()));
                return s;
            }
            log.info("Snapshot of chain {} v{} discarded: the data changed while it was read (read {} of {})",
                    chainId, s.version(), read, MAX_READS);
        }
        return s;
    }

    /** A delta build; a failed one falls back to a full read (and forgets the base). */
    private ChainSnapshot delta(String chainId, ChainSnapshot base, Set<String> touched) {
        try {
            return loader.loadDelta(base, touched, versions.incrementAndGet());
        } catch (RuntimeException e) {
            log.warn("Delta of chain {} ({} enterprises) failed, reading it whole: {}", chainId, touched.size(), e.toString());
            synchronized (swap) {
                if (bases.get(chainId) == base) {
                    forgetBase(chainId);
                }
            }
            return loader.load(chainId, versions.incrementAndGet());
        }
    }

    private Object lock(String chainId) {
        return locks.computeIfAbsent(chainId, k -> new Object());
    }
}
