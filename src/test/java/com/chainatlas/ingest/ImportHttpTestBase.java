package com.chainatlas.ingest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Shared set-up of the import tests that go through HTTP: a client on the app's port, and the test graph
 * (ids prefixed ZT) removed before and after each test so the shared demo database stays as it was.
 * Subclasses carry {@code @ChainAtlasIntegrationTest}.
 */
abstract class ImportHttpTestBase {

    @LocalServerPort
    int port;

    @Autowired
    Neo4jClient neo4j;

    ImportClient client;

    @BeforeEach
    void setUpClientAndCleanGraph() {
        client = new ImportClient(port);
        TestGraph.clean(neo4j);
    }

    @AfterEach
    void cleanGraph() {
        TestGraph.clean(neo4j);
    }
}
