package com.chainatlas.system;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The start-up writers (schema migrations, regions, demo data) run under the cluster lease {@value #NAME}, so two
 * instances starting at once do not both apply a migration or both load the demo data: the second waits, then finds
 * the work done. Taken before the migrations (order -100), given up after the demo data (order 50; the snapshot
 * warm-up, 100, needs no lease).
 */
@Configuration(proxyBeanMethods = false)
class StartupLease {

    static final String NAME = "startup";
    private static final Logger log = LoggerFactory.getLogger(StartupLease.class);

    @Bean
    @Order(-100)
    ApplicationRunner takeStartupLease(ClusterLease lease) {
        return args -> {
            if (!lease.acquire(NAME, Duration.ofSeconds(60), Duration.ofMinutes(10))) {
                throw new IllegalStateException("Another instance (" + lease.holder(NAME)
                        + ") kept the start-up lease for 10 minutes");
            }
            log.debug("Holding the start-up lease");
        };
    }

    @Bean
    @Order(50)
    ApplicationRunner releaseStartupLease(ClusterLease lease) {
        return (ApplicationArguments args) -> lease.release(NAME);
    }
}
