package com.chainatlas.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cluster-wide locks as leases in the database: {@code (:ClusterLease {name, holder, expiresAt})}. An instance holds a
 * lease until it releases it or stops renewing it; then, after the time to live, another instance may take it (so a
 * crashed or killed instance's lock expires by itself). Times are the database's clock ({@code timestamp()}), so the
 * instances' clocks need not agree. Each attempt first writes the node, which takes its write lock: two instances
 * trying at once are serialised and exactly one wins.
 *
 * <p>Leases taken with {@link #acquire} are renewed by the scheduler every few seconds; the import queue renews its
 * own lease on its tick.
 */
@Component
public class ClusterLease {

    private static final Logger log = LoggerFactory.getLogger(ClusterLease.class);

    private final Neo4jClient neo4j;
    private final String me;
    /** Leases this instance holds and renews on the scheduler, with their time to live. */
    private final Map<String, Duration> renewed = new ConcurrentHashMap<>();
    private volatile boolean schema;

    @Autowired
    ClusterLease(Neo4jClient neo4j, InstanceIdentity identity) {
        this(neo4j, identity.id());
    }

    public ClusterLease(Neo4jClient neo4j, String instanceId) {
        this.neo4j = neo4j;
        this.me = instanceId;
    }

    public String instanceId() {
        return me;
    }

    /** Takes or renews the lease for {@code ttl}; true when this instance holds it now. */
    public boolean tryHold(String name, Duration ttl) {
        ensureSchema();
        boolean held = neo4j.query("""
                MERGE (l:ClusterLease {name: $name})
                SET l.lastAttemptBy = $me
                WITH l, timestamp() AS now
                WITH l, now, (l.holder IS NULL OR l.holder = $me OR l.expiresAt < now) AS free
                SET l.holder = CASE WHEN free THEN $me ELSE l.holder END,
                    l.expiresAt = CASE WHEN free THEN now + $ttl ELSE l.expiresAt END
                RETURN free
                """).bindAll(Map.of("name", name, "me", me, "ttl", ttl.toMillis()))
                .fetchAs(Boolean.class).one().orElse(false);
        if (!held) {
            renewed.remove(name);
        }
        return held;
    }

    /**
     * Waits up to {@code wait} for the lease and keeps it renewed until {@link #release}; false if another instance
     * kept it all that time.
     */
    public boolean acquire(String name, Duration ttl, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (tryHold(name, ttl)) {
                renewed.put(name, ttl);
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Gives the lease up (if this instance holds it), so another instance need not wait for it to expire. */
    public void release(String name) {
        renewed.remove(name);
        neo4j.query("MATCH (l:ClusterLease {name: $name, holder: $me}) SET l.holder = null, l.expiresAt = null")
                .bindAll(Map.of("name", name, "me", me)).run();
    }

    /** Who holds the lease now (null: nobody, or it expired). */
    public String holder(String name) {
        return neo4j.query("""
                MATCH (l:ClusterLease {name: $name}) WHERE l.expiresAt >= timestamp() RETURN l.holder
                """).bind(name).to("name").fetchAs(String.class).one().orElse(null);
    }

    @Scheduled(fixedDelay = 5_000)
    void renewHeld() {
        renewed.forEach((name, ttl) -> {
            try {
                if (!tryHold(name, ttl)) {
                    log.error("Lease {} was lost to another instance while held", name);
                }
            } catch (RuntimeException e) {
                log.warn("Could not renew lease {}: {}", name, e.getMessage());
            }
        });
    }

    /** The lease's uniqueness constraint, before the migrations (which run under a lease) have created it. */
    private void ensureSchema() {
        if (schema) {
            return;
        }
        try {
            neo4j.query("CREATE CONSTRAINT cluster_lease_name IF NOT EXISTS FOR (l:ClusterLease) REQUIRE l.name IS UNIQUE").run();
        } catch (RuntimeException e) { // another instance created it at the same moment
            log.debug("cluster_lease_name constraint: {}", e.getMessage());
        }
        schema = true;
    }
}
