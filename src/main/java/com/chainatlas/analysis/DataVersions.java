package com.chainatlas.analysis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.chainatlas.ingest.DataImportedEvent;
import com.chainatlas.system.DataGeneration;
import com.chainatlas.system.ReadSessions;
import com.chainatlas.system.ScopedBookmarks;

import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Data versions in the database, so that every app instance notices what another one changed:
 * {@code (:DataVersion {chainId, epoch})} per chain, and {@code chainId: '*'} for changes not tied to a chain.
 *
 * <p>Every {@link DataImportedEvent} (imports, 挂链 accept, sample data removal, a completed crashed import) advances
 * the epochs of its chains in the publisher's thread, i.e. after the data is committed and before the import job
 * says DONE. Each instance polls the epochs ({@code chainatlas.snapshots.poll-interval}, default 2 s, on Spring's
 * scheduler: one small read of chains + 1 nodes) and invalidates the chains whose epoch moved; its own changes it
 * has already invalidated through the event, so they are not rebuilt twice. Another instance's change is rebuilt
 * whole (the epoch does not carry the touched enterprises; only the importing instance applies a delta). Caches keyed by snapshot version
 * (ranking cache, link predictions, as-of views, target facts) follow, since a rebuilt snapshot has a new version.
 *
 * <p>When the poll sees a change, the bookmark of its read joins the instance's chain ({@link ScopedBookmarks#follow}),
 * so the rebuild it triggers reads at least up to the epoch it saw (on a cluster, also from a secondary); a poll that
 * saw nothing new hands out nothing (a read's bookmark may name a transaction still being applied).
 */
@Component
public class DataVersions implements SmartLifecycle {

    static final String ALL = "*";
    private static final Logger log = LoggerFactory.getLogger(DataVersions.class);

    private final Neo4jClient neo4j;
    private final ReadSessions reads;
    private final ScopedBookmarks bookmarks;
    private final SnapshotRefreshOnImport refresh;
    private final DataGeneration generation;
    /** The epoch this instance has taken into account, per chain (and {@link #ALL}). */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private volatile boolean primed;
    private volatile boolean running;

    DataVersions(Neo4jClient neo4j, ReadSessions reads, ScopedBookmarks bookmarks, SnapshotRefreshOnImport refresh,
                 DataGeneration generation) {
        this.neo4j = neo4j;
        this.reads = reads;
        this.bookmarks = bookmarks;
        this.refresh = refresh;
        this.generation = generation;
    }

    /** Advances the epochs of the event's chains (all chains when it names none). Never throws. */
    @EventListener
    public void onImport(DataImportedEvent event) {
        Set<String> chains = event.chainIds().isEmpty() ? Set.of(ALL) : event.chainIds();
        generation.advance(); // the data is committed: this instance's read caches start afresh
        try {
            for (Map<String, Object> row : advance(chains)) {
                String chain = (String) row.get("chainId");
                long epoch = ((Number) row.get("epoch")).longValue();
                // only when no other instance moved it in between: otherwise the poll sees (and rebuilds) theirs
                seen.compute(chain, (k, old) -> old == null && epoch == 1 || old != null && old == epoch - 1 ? epoch : old);
            }
        } catch (RuntimeException e) {
            log.error("Could not advance the data version of {}; other instances see the change only at the next one",
                    chains, e);
        }
    }

    private List<Map<String, Object>> advance(Set<String> chains) {
        return List.copyOf(neo4j.query("""
                UNWIND $chains AS chain
                MERGE (v:DataVersion {chainId: chain})
                SET v.changedAt = datetime()
                SET v.epoch = coalesce(v.epoch, 0) + 1
                RETURN v.chainId AS chainId, v.epoch AS epoch
                """).bind(List.copyOf(chains)).to("chains").fetch().all());
    }

    /** Reads the epochs and invalidates the chains another instance changed. Returns those chains. */
    @Scheduled(fixedDelayString = "${chainatlas.snapshots.poll-interval:2s}",
            initialDelayString = "${chainatlas.snapshots.poll-interval:2s}")
    public Set<String> poll() {
        if (!running) {
            return Set.of();
        }
        Set<String> changed = new LinkedHashSet<>();
        Set<Bookmark> readAt;
        try (Session session = reads.open()) { // auto-commit: no driver retries while the database is down
            List<Record> rows = session.run("MATCH (v:DataVersion) RETURN v.chainId AS chainId, v.epoch AS epoch").list();
            readAt = session.lastBookmarks();
            for (Record row : rows) {
                String chain = row.get("chainId").asString();
                long epoch = row.get("epoch").asLong();
                Long old = seen.get(chain);
                seen.merge(chain, epoch, Math::max);
                if (primed && (old == null || old < epoch)) {
                    changed.add(chain);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Data version poll failed: {}", e.getMessage());
            return Set.of();
        }
        primed = true;
        if (!changed.isEmpty()) {
            bookmarks.follow(readAt);
            generation.advance();
            log.info("Data changed on another instance: {}", changed);
            refresh.onChange(changed.contains(ALL) ? Set.of() : changed); // another instance's change: rebuild what we built
        }
        return changed;
    }

    /** Notes the current epochs before the web server takes requests (a snapshot built after this is checked). */
    @Override
    public void start() {
        running = true;
        poll();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return -10; // before ImportRecovery (0) and the web server
    }
}
