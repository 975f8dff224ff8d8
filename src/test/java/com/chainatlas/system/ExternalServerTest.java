package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.chainatlas.ChainAtlasApplication;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * With {@code spring.neo4j.uri} set, the app uses that server (here a Neo4j harness on its own port) and
 * starts no embedded database.
 */
class ExternalServerTest {

    static Neo4j server;

    @BeforeAll
    static void startServer() {
        server = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void usesTheConfiguredServerAndStartsNothingEmbedded() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ChainAtlasApplication.class).run(
                "--server.port=0", "--spring.neo4j.uri=" + server.boltURI(), "--chainatlas.demo.enabled=false")) {
            assertThat(app.getBeanNamesForType(DatabaseManagementService.class)).isEmpty();
            Neo4jClient neo4j = app.getBean(Neo4jClient.class);
            neo4j.query("CREATE (:Chain {id: 'EXTERNAL-PROBE'})").run();

            // The write landed in the harness's database, seen through its own API, not through the app.
            GraphDatabaseService db = server.defaultDatabaseService();
            try (var tx = db.beginTx()) {
                assertThat(tx.findNode(org.neo4j.graphdb.Label.label("Chain"), "id", "EXTERNAL-PROBE")).isNotNull();
                assertThat(tx.findNodes(org.neo4j.graphdb.Label.label("Region")).stream().count()).isEqualTo(3348);
            }
        }
    }
}
