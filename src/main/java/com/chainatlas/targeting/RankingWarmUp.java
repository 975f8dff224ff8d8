package com.chainatlas.targeting;

import com.chainatlas.analysis.SnapshotRebuiltEvent;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After an import every cached ranking of the chain is dead (keyed by the old snapshot version), and the clients
 * asking for them would all recompute at once — the 429s and the multi-second tail of the load test. So the
 * rankings asked most recently are recomputed right after the new snapshot is built, on a warm-up thread of their own; a request for one of them meanwhile is shown the previous ranking or waits for this computation instead of
 * starting its own (the ranking cache computes each key once) and needs no place among the expensive requests.
 *
 * <p>Never in the publisher's thread: the import publishes the event before it says DONE, and at 1M enterprises a
 * chain's rankings wait minutes for its target facts (measured: DONE 5 minutes after the snapshots were swapped).
 */
@Component
class RankingWarmUp {

    /** Rankings of one chain warmed after its data changed (the ranking cache holds 32 of all chains). */
    static final int WARMED_PER_CHAIN = 16;

    private static final Logger log = LoggerFactory.getLogger(RankingWarmUp.class);

    private final TargetService targets;
    private final Executor background;

    RankingWarmUp(TargetService targets, @Qualifier(RankingExecutorConfiguration.WARM_UP) Executor background) {
        this.targets = targets;
        this.background = background;
    }

    @EventListener
    public void onRebuilt(SnapshotRebuiltEvent event) {
        try {
            background.execute(() -> warm(event));
        } catch (RejectedExecutionException e) { // a full queue: requests compute what they ask for
            log.warn("Rankings of chain {} not warmed: the ranking queue is full", event.chainId());
        }
    }

    private void warm(SnapshotRebuiltEvent event) {
        long start = System.nanoTime();
        try {
            int warmed = targets.warm(event.chainId(), WARMED_PER_CHAIN);
            if (warmed > 0) {
                log.info("Warmed {} rankings of chain {} in {} ms", warmed, event.chainId(), (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.warn("Rankings of chain {} not warmed: {}", event.chainId(), e.getMessage());
        }
    }
}
