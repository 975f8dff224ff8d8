package com.chainatlas.system;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This instance's count of data changes (imports, 挂链 accepts, sample-data removal — here, or noticed from another
 * instance through the data-version poll), so that read caches can key on it: a change moves it, and what was
 * cached before is never served again. Before the application is ready it is -1 and nothing may be cached, since
 * start-up runners (migrations, demo data) are still writing without announcing it.
 */
@Component
public class DataGeneration {

    private final AtomicLong generation = new AtomicLong();
    private volatile boolean ready;

    /** The current generation, or -1 (do not cache) before the application is ready. */
    public long current() {
        return ready ? generation.get() : -1;
    }

    /** Data changed: call after it is committed. */
    public void advance() {
        generation.incrementAndGet();
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        generation.incrementAndGet();
        ready = true;
    }
}
