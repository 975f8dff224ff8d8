package com.chainatlas.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the web server takes requests (lifecycle phase 0; the web server starts in a later
 * phase), completes or discards imports that a crash interrupted; see {@link ImportService#recover()}.
 */
@Component
class ImportRecovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);

    private final ImportService service;
    private volatile boolean running;

    ImportRecovery(ImportService service) {
        this.service = service;
    }

    @Override
    public void start() {
        try {
            int completed = service.recover();
            if (completed > 0) {
                log.info("Completed {} interrupted import(s)", completed);
            }
        } catch (RuntimeException e) {
            log.error("Import recovery failed; it is retried before the next import", e);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
