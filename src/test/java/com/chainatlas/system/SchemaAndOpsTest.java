package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

@ChainAtlasIntegrationTest
class SchemaAndOpsTest {

    @LocalServerPort
    int port;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    CypherMigrations migrations;

    @Test
    void everyNaturalKeyHasAUniquenessConstraint() {
        List<String> constraints = List.copyOf(neo4j.query("""
                SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
                WHERE type = 'UNIQUENESS'
                RETURN labelsOrTypes[0] + '.' + properties[0] AS key
                """).fetchAs(String.class).all());
        assertThat(constraints).contains("Chain.id", "Segment.id", "Product.id", "Technology.id", "Enterprise.uscc",
                "Institution.id", "Region.code", "Project.id");
    }

    @Test
    void migrationsAreRecordedAndRerunningIsANoOp() {
        long recorded = neo4j.query("MATCH (m:__Migration) RETURN count(m)").fetchAs(Long.class).one().orElseThrow();
        assertThat(recorded).isEqualTo(CypherMigrations.discover().size()).isGreaterThanOrEqualTo(2);
        assertThat(migrations.apply()).isZero();
    }

    @Test
    void healthIncludesNeo4jAndNothingElseOfActuatorIsExposed() {
        Api api = new Api(port);
        JsonNode health = api.ok("/actuator/health");
        assertThat(health.get("components").get("neo4j").get("status").asString()).isEqualTo("UP");
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/heapdump")) {
            assertThat(api.get(hidden).status()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void openApiDescribesTheReadApi() {
        JsonNode doc = new Api(port).ok("/v3/api-docs");
        assertThat(doc.get("paths").propertyNames()).contains("/api/chains", "/api/chains/{id}", "/api/enterprises",
                "/api/enterprises/{uscc}", "/api/regions/tree", "/api/regions/{code}", "/api/institutions");
    }
}
