package com.chainatlas.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.chainatlas.analysis.SnapshotRebuiltEvent;
import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The ranking warm-up after a data change runs on its own thread, never in the thread that announces the new
 * snapshot: the import announces it before DONE, and a warm-up there held DONE for minutes at 1M enterprises.
 */
@ChainAtlasIntegrationTest
class RankingWarmUpTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    @Qualifier(RankingExecutorConfiguration.WARM_UP)
    ThreadPoolTaskExecutor warmUp;

    @Test
    void theAnnouncementReturnsAtOnceAndTheWarmUpRunsOnItsOwnThread() throws Exception {
        assertThat(new Api(port).get("/api/targets?chain=NEV&region=340100").status()).isEqualTo(200); // a recent ranking
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        warmUp.execute(() -> {
            holding.countDown();
            try {
                hold.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            events.publishEvent(new SnapshotRebuiltEvent("NEV", 0));
            // returned although the warm-up thread is held: the warm-up waits in its queue
            assertThat(warmUp.getThreadPoolExecutor().getQueue()).hasSize(1);
        } finally {
            hold.countDown();
        }
        long end = System.currentTimeMillis() + 60_000;
        while ((warmUp.getThreadPoolExecutor().getQueue().size() > 0 || warmUp.getActiveCount() > 0)
                && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertThat(warmUp.getThreadPoolExecutor().getCompletedTaskCount()).isGreaterThanOrEqualTo(2);
    }
}
