package com.chainatlas.targeting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The one thread that computes rankings in the background while requests are shown the previous data's ranking
 * ({@link TargetService#rank}). One thread: the point is to keep the recomputation after an import from taking
 * every core the requests need. A full queue refuses the task and the request computes the ranking itself.
 */
@Configuration(proxyBeanMethods = false)
class RankingExecutorConfiguration {

    static final String NAME = "rankingExecutor";

    @Bean(NAME)
    ThreadPoolTaskExecutor rankingExecutor() {
        return oneThread("ranking-", 64); // a full queue throws RejectedExecutionException: the request computes it itself
    }

    static final String WARM_UP = "rankingWarmUpExecutor";

    /**
     * The warm-up after a data change ({@link RankingWarmUp}) on a thread of its own, not the one above: it waits for
     * computations that may be queued there, which on a shared single thread would wait for itself.
     */
    @Bean(WARM_UP)
    ThreadPoolTaskExecutor rankingWarmUpExecutor() {
        return oneThread("ranking-warm-", 16);
    }

    /** One daemon thread with a bounded queue; what is queued at shutdown is dropped (caches, nothing to keep). */
    private static ThreadPoolTaskExecutor oneThread(String namePrefix, int queue) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(queue);
        executor.setThreadNamePrefix(namePrefix);
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
