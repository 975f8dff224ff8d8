package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.chainatlas.ChainAtlasApplication;
import com.chainatlas.chain.ChainService;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/** Against the official Neo4j 5 LTS image; skipped where no Docker engine runs (as on the dev machines). */
@Testcontainers(disabledWithoutDocker = true)
class Neo4jContainerTest {

    @Container
    static Neo4jContainer neo4j = new Neo4jContainer("neo4j:5.26").withAdminPassword("chainatlas-test");

    @Test
    void migratesAndLoadsDemoDataIntoAServer() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ChainAtlasApplication.class).run(
                "--server.port=0", "--spring.neo4j.uri=" + neo4j.getBoltUrl(),
                "--spring.neo4j.authentication.username=neo4j",
                "--spring.neo4j.authentication.password=chainatlas-test")) {
            assertThat(app.getBean(ChainService.class).chains()).extracting(c -> c.chain().id()).contains("NEV", "IC");
        }
    }
}
