package com.chainatlas.ingest;

import com.chainatlas.system.ClusterLease;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the web server takes requests (lifecycle phase 0; the web server starts in a later
 * phase), completes or discards imports that a crash interrupted; see {@link ImportService#recover()}. Only while
 * holding the import worker's lease (an instance restarted after a kill has the same name and holds it again at once).
 */
@Component
class ImportRecovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);

    private final ImportService service;
    private final ClusterLease lease;
    private final ImportSettings settings;
    private volatile boolean running;

    ImportRecovery(ImportService service, ClusterLease lease, ImportSettings settings) {
        this.service = service;
        this.lease = lease;
        this.settings = settings;
    }

    @Override
    public void start() {
        try {
            // only the import worker may complete journals: another instance may be publishing one right now
            if (!lease.tryHold(ImportJobs.LEASE, settings.leaseTtl())) {
                log.info("Import lease held by {}: crashed imports are completed by whoever holds it",
                        lease.holder(ImportJobs.LEASE));
                running = true;
                return;
            }
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
