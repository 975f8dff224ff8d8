package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.neo4j.configuration.Config;

/**
 * docker-compose.yml checked without Docker: each Neo4j container's neo4j.conf is rendered the way the image's
 * entrypoint renders it ({@link Neo4jImageSettings}) and validated by Neo4j 5.26's own {@link Config} in strict
 * mode (the default, as at server start), so an unknown setting such as {@code PASSWORD} or a bad value fails
 * here instead of in a container. Enterprise-only settings (not declared by the Community jars on this
 * classpath) must be in {@link #ENTERPRISE_SETTINGS}.
 */
class ComposeSettingsTest {

    /**
     * Enterprise Edition settings used by the cluster profile or set by the image's Enterprise defaults, as named in
     * the Neo4j 5.26 Operations Manual (configuration settings reference; discovery service v2 from 5.23).
     */
    static final Set<String> ENTERPRISE_SETTINGS = Set.of(
            "server.discovery.advertised_address",
            "server.cluster.advertised_address",
            "server.cluster.raft.advertised_address",
            "server.routing.advertised_address",
            "initial.server.mode_constraint",
            "initial.dbms.default_primaries_count",
            "dbms.cluster.minimum_initial_system_primaries_count",
            "dbms.cluster.discovery.version",
            "dbms.cluster.discovery.v2.endpoints");

    static final Map<String, String> ENV = Map.of(
            "NEO4J_PASSWORD", "compose-test-secret",
            "NEO4J_ACCEPT_LICENSE_AGREEMENT", "yes");

    static ComposeFile compose(Map<String, String> env) throws IOException {
        return new ComposeFile(Files.readString(Path.of("docker-compose.yml")), env);
    }

    /** Validates the rendered settings; returns the names Neo4j Community does not declare. */
    static Set<String> validate(String image, Map<String, String> conf) {
        Set<String> declared = Config.defaults().getDeclaredSettings().keySet();
        Map<String, String> community = new LinkedHashMap<>();
        conf.forEach((name, value) -> {
            if (declared.contains(name) || !Neo4jImageSettings.enterprise(image)) {
                community.put(name, value);
            }
        });
        // Throws IllegalArgumentException on an unknown name or an unparsable value (strict validation is on).
        Config.newBuilder().setRaw(community).build();
        Set<String> rest = new java.util.TreeSet<>(conf.keySet());
        rest.removeAll(community.keySet());
        return rest;
    }

    @Test
    void everyNeo4jContainerRendersOnlySettingsNeo4jKnows() throws IOException {
        ComposeFile compose = compose(ENV);
        int neo4jServices = 0;
        for (ComposeFile.Service service : compose.services().values()) {
            if (!service.image().startsWith("neo4j:")) {
                continue;
            }
            neo4jServices++;
            Map<String, String> conf = Neo4jImageSettings.render(service.image(), service.hostname(),
                    service.environment());
            assertThat(conf).as(service.name()).doesNotContainKeys("PASSWORD", "password");
            assertThat(conf.values()).as(service.name() + ": the password is not written into neo4j.conf")
                    .doesNotContain(ENV.get("NEO4J_PASSWORD"), "neo4j/" + ENV.get("NEO4J_PASSWORD"));
            Set<String> enterpriseOnly = validate(service.image(), conf);
            assertThat(ENTERPRISE_SETTINGS).as(service.name() + ": enterprise-only settings").containsAll(enterpriseOnly);
            assertThat(service.environment()).as(service.name()).containsKey("NEO4J_AUTH");
            if (Neo4jImageSettings.enterprise(service.image())) {
                assertThat(service.environment().get("NEO4J_ACCEPT_LICENSE_AGREEMENT")).isEqualTo("yes");
                assertThat(conf).containsEntry("dbms.cluster.discovery.version", "V2_ONLY")
                        .containsEntry("server.default_advertised_address", service.hostname());
            }
        }
        assertThat(neo4jServices).as("the single server and three cluster primaries").isEqualTo(4);
    }

    @Test
    void theEnterpriseListNamesNothingCommunityDeclares() {
        // A name Community declares belongs to the strict check above, not to this hand-kept list.
        assertThat(Config.defaults().getDeclaredSettings().keySet()).doesNotContainAnyElementsOf(ENTERPRISE_SETTINGS);
    }

    @Test
    void theCheckRefusesTheOldPasswordVariableAndBadValues() {
        // The compose file before issue 14 set NEO4J_PASSWORD on the Neo4j container for its healthcheck.
        Map<String, String> old = Neo4jImageSettings.render("neo4j:5.26-community", "neo4j", Map.of(
                "NEO4J_AUTH", "neo4j/compose-test-secret", "NEO4J_PASSWORD", "compose-test-secret",
                "NEO4J_server_memory_pagecache_size", "1G"));
        assertThat(old).containsEntry("PASSWORD", "compose-test-secret");
        assertThatThrownBy(() -> validate("neo4j:5.26-community", old))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PASSWORD");

        Map<String, String> badValue = Neo4jImageSettings.render("neo4j:5.26-community", "neo4j",
                Map.of("NEO4J_server_memory_heap_max__size", "two gigabytes"));
        assertThatThrownBy(() -> validate("neo4j:5.26-community", badValue))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void variableNamesBecomeSettingsAsTheEntrypointNamesThem() {
        assertThat(Neo4jImageSettings.settingName("NEO4J_server_memory_heap_max__size"))
                .isEqualTo("server.memory.heap.max_size");
        assertThat(Neo4jImageSettings.settingName("NEO4J_dbms_cluster_discovery_v2_endpoints"))
                .isEqualTo("dbms.cluster.discovery.v2.endpoints");
        assertThat(Neo4jImageSettings.settingName("NEO4J_PASSWORD")).isEqualTo("PASSWORD");
        // Control variables and empty values are not written.
        assertThat(Neo4jImageSettings.render("neo4j:5.26-community", "h",
                Map.of("NEO4J_AUTH", "neo4j/x", "NEO4J_server_bolt_enabled", "")))
                .containsOnlyKeys("server.memory.pagecache.size", "server.default_listen_address");
    }

    @Test
    void healthchecksUseOnlyVariablesTheContainerHas() throws IOException {
        Pattern shellVariable = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
        for (ComposeFile.Service service : compose(ENV).services().values()) {
            String check = service.healthcheck();
            Matcher m = shellVariable.matcher(check);
            while (m.find()) {
                assertThat(service.environment()).as(service.name() + " healthcheck: " + check).containsKey(m.group(1));
            }
        }
    }

    @Test
    void requiredVariablesFailWithTheirRuleAndPortsStayOnLoopback() throws IOException {
        assertThatThrownBy(() -> compose(Map.of("NEO4J_ACCEPT_LICENSE_AGREEMENT", "yes")))
                .isInstanceOf(ComposeFile.MissingVariable.class)
                .hasMessageContaining("NEO4J_PASSWORD").hasMessageContaining("at least 8 characters");
        assertThatThrownBy(() -> compose(Map.of("NEO4J_PASSWORD", "compose-test-secret")))
                .isInstanceOf(ComposeFile.MissingVariable.class).hasMessageContaining("licence");

        ComposeFile compose = compose(ENV);
        for (ComposeFile.Service service : compose.services().values()) {
            for (String port : service.ports()) {
                assertThat(port).as(service.name()).startsWith("127.0.0.1:");
            }
        }
        Map<String, String> open = new LinkedHashMap<>(ENV);
        open.put("CHAINATLAS_BIND", "0.0.0.0");
        assertThat(compose(open).service("app").ports()).containsExactly("0.0.0.0:8080:8080");
    }

    @Test
    void clusterProfileRoutesTwoAppsThroughNginxToThreePrimaries() throws IOException {
        ComposeFile compose = compose(ENV);
        for (String name : List.of("core1", "core2", "core3", "app1", "app2", "lb")) {
            assertThat(compose.service(name).profiles()).as(name).containsExactly("cluster");
        }
        for (String name : List.of("neo4j", "app")) {
            assertThat(compose.service(name).profiles()).as(name + " is in the default profile").isEmpty();
        }
        for (String app : List.of("app", "app1", "app2")) {
            assertThat(compose.service(app).environment().get("NEO4J_URI")).as(app).startsWith("neo4j://");
        }
        String endpoints = compose.service("core1").environment().get("NEO4J_dbms_cluster_discovery_v2_endpoints");
        assertThat(endpoints.split(",")).containsExactly("core1:6000", "core2:6000", "core3:6000");

        String nginx = Files.readString(Path.of("deploy/nginx.conf"));
        assertThat(nginx).contains("server app1:8080", "server app2:8080", "proxy_pass http://chainatlas");
        assertThat(compose.service("lb").spec().get("volumes").toString()).contains("./deploy/nginx.conf");
    }

    @Test
    void imageBuildsTheJarAndRunsAsAnUnprivilegedUser() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        List<String> stages = dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(stages).hasSize(2);
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(runtime).containsPattern("\nUSER (?!root|0[: \n])\\S+").contains("COPY --from=build");
        assertThat(dockerfile).doesNotContain("COPY target/");

        List<String> ignored = Files.readAllLines(Path.of(".dockerignore"));
        assertThat(ignored).contains(".git", "data/", "target/", "node_modules/", "frontend/node_modules/");
    }
}
