package com.chainatlas.analysis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The one executor for background snapshot builds (start-up warm-up, rebuilds after imports): one thread, so
 * builds never compete with each other for the two cores, and a bounded queue. A build that does not fit is
 * dropped, which is harmless: the snapshot was invalidated, so the next request builds it. Spring manages its
 * life cycle (no hand-made threads, no common pool). Boot's own {@code applicationTaskExecutor} stays as it is
 * ({@code spring.task.execution.mode=force}).
 */
@Configuration(proxyBeanMethods = false)
class SnapshotExecutorConfiguration {

    static final String NAME = "snapshotExecutor";
    private static final Logger log = LoggerFactory.getLogger(SnapshotExecutorConfiguration.class);

    @Bean(NAME)
    ThreadPoolTaskExecutor snapshotExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(16);
        executor.setThreadNamePrefix("snapshot-");
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setRejectedExecutionHandler((task, pool) ->
                log.info("Background snapshot build dropped (queue full); the next request builds it"));
        return executor;
    }
}
