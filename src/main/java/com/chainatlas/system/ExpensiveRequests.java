package com.chainatlas.system;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds how many CPU- or IO-heavy requests (rankings, diagnosis, exports, reports) run at once, per kind, so a
 * crowd of clients cannot starve imports and everything else. A request that finds no free place within a short
 * wait is refused with 429 and Retry-After instead of queueing without end.
 */
@Component
public class ExpensiveRequests {

    private static final Logger log = LoggerFactory.getLogger(ExpensiveRequests.class);

    /** Work that may throw an IOException (a download). */
    public interface Work<T> {
        T get() throws IOException;
    }

    private final int permits;
    private final long waitMillis;
    private final long retryAfterSeconds;
    private final Map<String, Semaphore> kinds = new ConcurrentHashMap<>();

    ExpensiveRequests(@Value("${chainatlas.limits.expensive-concurrency:0}") int permits,
                      @Value("${chainatlas.limits.expensive-wait-ms:2000}") long waitMillis,
                      @Value("${chainatlas.limits.retry-after-seconds:5}") long retryAfterSeconds) {
        // default: one per core, at least two
        this.permits = permits > 0 ? permits : Math.max(2, Runtime.getRuntime().availableProcessors());
        this.waitMillis = waitMillis;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int permits() {
        return permits;
    }

    /** Runs {@code work} holding one of the places of {@code kind}; 429 when none frees up in time. */
    public <T> T run(String kind, Work<T> work) throws IOException {
        Semaphore s = kinds.computeIfAbsent(kind, k -> new Semaphore(permits, true));
        boolean acquired;
        try {
            acquired = s.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            log.warn("Too many concurrent {} requests ({} running): refused with 429", kind, permits);
            throw ApiProblem.tooBusy("服务器繁忙：同时进行的计算或导出请求过多，请 " + retryAfterSeconds + " 秒后重试",
                    "Too many concurrent " + kind + " requests; retry after " + retryAfterSeconds + " s", retryAfterSeconds);
        }
        try {
            return work.get();
        } finally {
            s.release();
        }
    }

    /**
     * Where a computation runs: {@link #OPEN} runs it right away, {@link ExpensiveRequests#gate} in one of the places
     * of a kind. Services pass it to their caches so that only a real computation (a cache miss) takes a place and a
     * cache hit is never refused with 429.
     */
    public interface Gate {
        <T> T call(java.util.function.Supplier<T> work);

        Gate OPEN = new Gate() {
            @Override
            public <T> T call(java.util.function.Supplier<T> work) {
                return work.get();
            }
        };
    }

    /** A {@link Gate} through the places of {@code kind}. */
    public Gate gate(String kind) {
        return new Gate() {
            @Override
            public <T> T call(java.util.function.Supplier<T> work) {
                return ExpensiveRequests.this.call(kind, work);
            }
        };
    }

    /** {@link #run} for work without checked exceptions. */
    public <T> T call(String kind, java.util.function.Supplier<T> work) {
        try {
            return run(kind, work::get);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
