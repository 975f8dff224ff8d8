package com.chainatlas.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.chainatlas.ingest.DataImportedEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Keeps snapshots in step with the database. The import publishes {@link DataImportedEvent} after its data is
 * committed and before it marks the job DONE; this listener runs in that thread and invalidates the touched
 * chains at once ({@link SnapshotRegistry#invalidate}: a build already reading is not kept), so when a job says
 * DONE no request can get pre-import figures. The rebuilds then run on the snapshot executor, so the next request
 * rarely waits. An import not tied to a chain (enterprises, supplies) invalidates every chain. When the event names
 * the enterprises the import touched, the rebuild is a delta of just them ({@link SnapshotRegistry}, issue 14).
 */
@Component
class SnapshotRefreshOnImport {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRefreshOnImport.class);

    private final SnapshotRegistry registry;
    private final TaskExecutor executor;
    private final ApplicationEventPublisher events;

    SnapshotRefreshOnImport(SnapshotRegistry registry,
                            @Qualifier(SnapshotExecutorConfiguration.NAME) TaskExecutor executor,
                            ApplicationEventPublisher events) {
        this.registry = registry;
        this.executor = executor;
        this.events = events;
    }

    @EventListener
    public void onImport(DataImportedEvent event) {
        onChange(event.chainIds(), event.enterpriseKeys(), false);
    }

    /**
     * The data of these chains changed (here or, seen through {@link DataVersions}, on another instance); empty:
     * any chain may have changed. Invalidates now, rebuilds in the background what was built.
     */
    void onChange(Set<String> changed) {
        onChange(changed, null, false);
    }

    /**
     * As {@link #onChange(Set)}; {@code touched}: the enterprises the change was limited to (null: unknown), so the
     * rebuild can be a delta; with {@code onlyBuilt}, rebuilds only chains this instance had built.
     */
    void onChange(Set<String> changed, Set<String> touched, boolean onlyBuilt) {
        Set<String> chains = new LinkedHashSet<>(changed);
        if (chains.isEmpty()) {
            registry.versions().forEach(v -> chains.add(v.chainId())); // rebuild what was built before
            registry.invalidateAll(touched);
        } else {
            if (onlyBuilt) {
                chains.retainAll(registry.versions().stream().map(DiagnosisModel.SnapshotInfo::chainId).toList());
            }
            // a build in progress of any of them is not kept either
            changed.forEach(chainId -> registry.invalidate(chainId, touched));
        }
        List<String> rebuild = new ArrayList<>(chains);
        executor.execute(() -> {
            for (String chainId : rebuild) {
                SnapshotRebuiltEvent rebuilt;
                try {
                    rebuilt = new SnapshotRebuiltEvent(chainId, registry.get(chainId).version());
                } catch (RuntimeException e) {
                    log.warn("Snapshot of chain {} not rebuilt after import: {}", chainId, e.getMessage());
                    continue;
                }
                // at once: a request for the next chain builds that snapshot itself (registry lock) if it comes first
                events.publishEvent(rebuilt);
            }
        });
    }
}
