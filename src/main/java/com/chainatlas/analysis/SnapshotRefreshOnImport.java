package com.chainatlas.analysis;

import java.util.List;
import java.util.Set;

import com.chainatlas.ingest.DataImportedEvent;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Keeps snapshots in step with the database. The import publishes {@link DataImportedEvent} after its data is
 * committed and before it marks the job DONE; this listener runs in that thread and rebuilds the touched chains
 * that this instance has built ({@link SnapshotRegistry#rebuildKeepingCurrent}: requests keep the current snapshot
 * meanwhile, a build already reading is not kept), so when a job says DONE the figures have changed and no request
 * waited. An import not tied to a chain (enterprises, supplies) concerns every chain. When the event names the
 * enterprises the import touched, the rebuild is a delta of just them (issue 14).
 */
@Component
class SnapshotRefreshOnImport {

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

    /**
     * In the import's thread, before the job says DONE: the chains this instance has built are rebuilt (a delta of
     * the touched enterprises where possible) while requests keep the current snapshot, then swapped in; so DONE
     * means the figures changed, and no request waits for the rebuild.
     */
    @EventListener
    public void onImport(DataImportedEvent event) {
        List<String> before = builtChains();
        registry.rebuildKeepingCurrent(event.chainIds(), event.enterpriseKeys());
        announce(before, event.chainIds());
    }

    /**
     * The data of these chains changed on another instance (seen through {@link DataVersions}); empty: any chain
     * may have changed. Rebuilds, in the background, what this instance had built; requests keep the current
     * snapshot meanwhile.
     */
    void onChange(Set<String> changed) {
        executor.execute(new SnapshotExecutorConfiguration.Droppable() {
            @Override
            public void run() {
                List<String> before = builtChains();
                registry.rebuildKeepingCurrent(changed, null);
                announce(before, changed);
            }

            @Override
            public void dropped() { // no rebuild queued: drop the outdated snapshots, the next request builds them
                if (changed.isEmpty()) {
                    registry.invalidateAll();
                } else {
                    changed.forEach(registry::invalidate);
                }
            }
        });
    }

    private List<String> builtChains() {
        return registry.versions().stream().map(DiagnosisModel.SnapshotInfo::chainId).toList();
    }

    /** Tells the warm-up (rankings) which of the chains that were built have a new snapshot. */
    private void announce(List<String> built, Set<String> changed) {
        for (String chainId : built) {
            if (changed.isEmpty() || changed.contains(chainId)) {
                registry.current(chainId).ifPresent(s -> events.publishEvent(new SnapshotRebuiltEvent(chainId, s.version())));
            }
        }
    }
}
