package com.chainatlas.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the in-process Neo4j started when no external server is configured.
 *
 * @param dataDir       where the database files live (created if missing)
 * @param boltPort      loopback Bolt port; 0 picks a free one (tests)
 * @param pageCache     page cache size, Neo4j notation (e.g. 512m)
 */
@ConfigurationProperties("chainatlas.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("data/neo4j") String dataDir,
        @DefaultValue("7687") int boltPort,
        @DefaultValue("512m") String pageCache) {
}
