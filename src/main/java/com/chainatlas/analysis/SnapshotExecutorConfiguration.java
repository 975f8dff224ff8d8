package com.chainatlas.analysis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executors of snapshot work, managed by Spring (no hand-made threads, no common pool).
 * {@link #NAME}: the one executor for background snapshot builds (start-up warm-up, rebuilds after imports): one
 * thread, so builds never compete with each other for the two cores, and a bounded queue. A task that does not fit
 * is dropped; one that would leave an outdated snapshot current says what to do instead ({@link Droppable}).
 * {@link #DELTA_READS}: the parallel parts of a large delta read. Boot's own {@code applicationTaskExecutor} stays as
 * it is ({@code spring.task.execution.mode=force}).
 */
@Configuration(proxyBeanMethods = false)
class SnapshotExecutorConfiguration {

    static final String NAME = "snapshotExecutor";
    static final String DELTA_READS = "snapshotDeltaReadExecutor";
    private static final Logger log = LoggerFactory.getLogger(SnapshotExecutorConfiguration.class);

    /** Work on {@link #NAME} that must not be dropped silently. */
    interface Droppable extends Runnable {
        /** Called instead of {@link #run()} when the queue is full. */
        void dropped();
    }

    @Bean(NAME)
    ThreadPoolTaskExecutor snapshotExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(16);
        executor.setThreadNamePrefix("snapshot-");
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setRejectedExecutionHandler((task, pool) -> {
            if (task instanceof Droppable d) {
                d.dropped();
            }
            log.info("Background snapshot work dropped (queue full); the next request builds what it needs");
        });
        return executor;
    }

    /**
     * The parallel parts of a large delta read ({@link SnapshotLoader#loadDelta}): its own small pool, because the
     * build that waits for them may itself run on the one-thread {@link #NAME} executor. Bounded: a part that finds
     * the pool and queue full runs in the building thread (slower, never dropped: the build needs every part).
     */
    @Bean(DELTA_READS)
    ThreadPoolTaskExecutor snapshotDeltaReadExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(SnapshotLoader.READ_PARTS);
        executor.setMaxPoolSize(SnapshotLoader.READ_PARTS);
        executor.setQueueCapacity(4 * SnapshotLoader.READ_PARTS);
        executor.setThreadNamePrefix("snapshot-delta-read-");
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setRejectedExecutionHandler(new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());
        return executor;
    }
}
