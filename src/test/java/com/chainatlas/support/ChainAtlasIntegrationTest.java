package com.chainatlas.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real embedded Neo4j with the demo data, on a random HTTP port and a free
 * Bolt port. Every test class carrying exactly this annotation shares one application context (and one fresh
 * database under {@code target/it-neo4j/run-<uuid>}), so the demo data is generated once per test run. Tests must
 * not change the demo data; write test data with ids of their own and remove it afterwards.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public @interface ChainAtlasIntegrationTest {
}
