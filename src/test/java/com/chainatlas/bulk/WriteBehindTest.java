package com.chainatlas.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WriteBehindTest {

    private static BulkRow row(int n) {
        return new BulkRow(n, Map.of(), false);
    }

    @Test
    void writesEveryRowInOrder() {
        List<Integer> written = new ArrayList<>();
        try (WriteBehind w = new WriteBehind("t", r -> written.add(r.rowNumber()))) {
            for (int i = 0; i < 5_500; i++) {
                w.accept(row(i));
            }
        }
        assertEquals(5_500, written.size());
        for (int i = 0; i < written.size(); i++) {
            assertEquals(i, written.get(i));
        }
    }

    /**
     * The write of the last batch fails after close has queued it and the end mark: close must rethrow, not wait for
     * a writer that dropped the end mark (it did: the failure handler cleared the queue, end mark included).
     */
    @Test
    void aFailureInTheLastBatchIsRethrownByClose() {
        IllegalStateException failure = new IllegalStateException("disk full");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            WriteBehind w = new WriteBehind("t", r -> {
                if (r.rowNumber() == 2_499) {
                    pause(); // close has queued the last batch and the end mark by now
                    throw failure;
                }
            });
            for (int i = 0; i < 2_500; i++) {
                w.accept(row(i));
            }
            assertEquals(failure, assertThrows(IllegalStateException.class, w::close));
        });
    }

    @Test
    void aFailureEarlyStopsTheProducerWithIt() {
        IllegalStateException failure = new IllegalStateException("disk full");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            WriteBehind w = new WriteBehind("t", r -> {
                if (r.rowNumber() == 10) {
                    throw failure;
                }
            });
            IllegalStateException seen = assertThrows(IllegalStateException.class, () -> {
                for (int i = 0; i < 1_000_000; i++) {
                    w.accept(row(i));
                }
                w.close();
            });
            assertEquals(failure, seen);
        });
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
