package com.chainatlas.analysis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Builds every chain's snapshot in the background after start-up (after migrations and demo data), on the
 * snapshot executor, so the first diagnosis is instant without delaying start. Off with
 * {@code chainatlas.snapshots.warm-up=false}.
 */
@Component
@Order(100)
class SnapshotWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SnapshotWarmUp.class);

    private final SnapshotRegistry registry;
    private final TaskExecutor executor;
    private final boolean enabled;

    SnapshotWarmUp(SnapshotRegistry registry, @Qualifier(SnapshotExecutorConfiguration.NAME) TaskExecutor executor,
                   @Value("${chainatlas.snapshots.warm-up:true}") boolean enabled) {
        this.registry = registry;
        this.executor = executor;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        executor.execute(() -> {
            try {
                registry.warmAll();
            } catch (RuntimeException e) {
                log.warn("Snapshot warm-up failed; snapshots will be built on first request: {}", e.getMessage());
            }
        });
    }
}
