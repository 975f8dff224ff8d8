package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.chainatlas.ChainAtlasApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/** Data written to the embedded database survives a restart, and the demo data is not written again. */
class EmbeddedRestartTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesRestartAndDemoIsLoadedOnce() {
        long enterprises;
        try (ConfigurableApplicationContext first = start()) {
            Neo4jClient neo4j = first.getBean(Neo4jClient.class);
            enterprises = count(neo4j, "MATCH (e:Enterprise) RETURN count(e)");
            assertThat(enterprises).isGreaterThan(5000);
            neo4j.query("CREATE (:Chain {id: 'RESTART-PROBE', name: '重启探针'})").run();
        }
        try (ConfigurableApplicationContext second = start()) {
            Neo4jClient neo4j = second.getBean(Neo4jClient.class);
            assertThat(count(neo4j, "MATCH (c:Chain {id: 'RESTART-PROBE'}) RETURN count(c)")).isEqualTo(1);
            assertThat(count(neo4j, "MATCH (e:Enterprise) RETURN count(e)")).isEqualTo(enterprises);
            assertThat(count(neo4j, "MATCH (d:Dataset {id: 'demo'}) RETURN count(d)")).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments: they outrank application.yml (builder "properties" would not).
        return new SpringApplicationBuilder(ChainAtlasApplication.class).run(
                "--server.port=0", "--chainatlas.embedded.bolt-port=0", "--chainatlas.embedded.page-cache=64m",
                "--chainatlas.embedded.data-dir=" + dir.toAbsolutePath(), "--spring.neo4j.uri=");
    }

    private static long count(Neo4jClient neo4j, String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }
}
