package com.chainatlas.analysis;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.chainatlas.ingest.DataImportedEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps snapshots in step with the database: after an import the touched chains' snapshots are dropped
 * at once (no request sees stale figures) and rebuilt in the background (the next request rarely waits).
 * An import not tied to a chain (enterprises, supplies) drops every built snapshot.
 */
@Component
class SnapshotRefreshOnImport {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRefreshOnImport.class);

    private final SnapshotRegistry registry;

    SnapshotRefreshOnImport(SnapshotRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    public void onImport(DataImportedEvent event) {
        Set<String> chains = new LinkedHashSet<>(event.chainIds());
        if (chains.isEmpty()) {
            registry.versions().forEach(v -> chains.add(v.chainId()));
        }
        chains.forEach(registry::invalidate);
        CompletableFuture.runAsync(() -> chains.forEach(chainId -> {
            try {
                registry.get(chainId);
            } catch (RuntimeException e) {
                log.warn("Snapshot of chain {} not rebuilt after import: {}", chainId, e.getMessage());
            }
        }));
    }
}
