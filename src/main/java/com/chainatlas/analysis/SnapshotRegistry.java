package com.chainatlas.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Holds one {@link ChainSnapshot} per chain (快照注册表). A snapshot is built on the first request for its chain
 * (concurrent first requests wait for one build) or at start-up by {@link SnapshotWarmUp}; requests during a
 * rebuild keep using the previous snapshot until the new one is swapped in.
 *
 * <p><b>Importers</b>: after writing a chain's segments, enterprises, memberships or supply relations, call
 * {@link #refresh(String)} (rebuild now) or {@link #invalidate(String)} (rebuild on next request).
 *
 * <p>Versions come from one counter for all chains, so a response's {@code snapshot.version} never repeats.
 */
@Component
public class SnapshotRegistry {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRegistry.class);

    private final SnapshotLoader loader;
    private final ConcurrentHashMap<String, ChainSnapshot> snapshots = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();

    @Autowired
    SnapshotRegistry(Driver driver, @Value("${spring.data.neo4j.database:}") String database) {
        this(new SnapshotLoader(driver, database));
    }

    SnapshotRegistry(SnapshotLoader loader) {
        this.loader = loader;
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

    /** Rebuilds the chain's snapshot now and swaps it in; call after an import. Returns the new snapshot. */
    public ChainSnapshot refresh(String chainId) {
        synchronized (lock(chainId)) {
            try {
                return build(chainId);
            } catch (RuntimeException e) {
                snapshots.remove(chainId); // e.g. the chain was deleted
                throw e;
            }
        }
    }

    /** Drops the chain's snapshot; the next request rebuilds it. */
    public void invalidate(String chainId) {
        snapshots.remove(chainId);
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

    private ChainSnapshot build(String chainId) {
        ChainSnapshot s = loader.load(chainId, versions.incrementAndGet());
        snapshots.put(chainId, s);
        log.info("Snapshot of chain {} v{}: {} segments, {} enterprises, {} supply relations in {} ms", chainId,
                s.version(), s.segmentCount(), s.enterpriseCount(), s.supplyCount(), s.info().buildMillis());
        return s;
    }

    private Object lock(String chainId) {
        return locks.computeIfAbsent(chainId, k -> new Object());
    }
}
