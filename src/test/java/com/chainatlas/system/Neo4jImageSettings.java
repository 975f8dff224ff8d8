package com.chainatlas.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The neo4j.conf settings that the official Neo4j 5 image's entrypoint (docker-image-src/5/coredb/docker-entrypoint.sh
 * in neo4j/docker-neo4j) writes for a container environment:
 * <ol>
 * <li>its Docker defaults, only where not set: {@code server.memory.pagecache.size=512M},
 * {@code server.default_listen_address=0.0.0.0}, and on Enterprise the discovery/cluster/raft/routing advertised
 * addresses {@code $(hostname):5000/6000/7000/7688};</li>
 * <li>then every {@code NEO4J_*} variable with a non-empty value except the image's own control variables, named by
 * {@code sed 's|^NEO4J_||' | sed 's|_|.|g' | sed 's|\.\.|_|g'}: the prefix goes, each {@code _} becomes {@code .},
 * then each {@code ..} (from {@code __}) becomes {@code _}. No case change: {@code NEO4J_PASSWORD} becomes the
 * setting {@code PASSWORD}, which Neo4j's strict validation refuses at start.</li>
 * </ol>
 */
final class Neo4jImageSettings {

    /** Variables with the prefix that the entrypoint reads itself and does not write to neo4j.conf. */
    static final Set<String> CONTROL_VARIABLES = Set.of("NEO4J_ACCEPT_LICENSE_AGREEMENT", "NEO4J_AUTH",
            "NEO4J_AUTH_PATH", "NEO4J_DEBUG", "NEO4J_EDITION", "NEO4J_HOME", "NEO4J_PLUGINS", "NEO4J_SHA256",
            "NEO4J_TARBALL", "NEO4J_DEPRECATION_WARNING");

    private Neo4jImageSettings() {
    }

    static String settingName(String variable) {
        return variable.substring("NEO4J_".length()).replace('_', '.').replace("..", "_");
    }

    static boolean enterprise(String image) {
        return image.contains("enterprise");
    }

    /** Setting name → value, as the container's neo4j.conf would end up. */
    static Map<String, String> render(String image, String hostname, Map<String, String> environment) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("server.memory.pagecache.size", "512M");
        conf.put("server.default_listen_address", "0.0.0.0");
        if (enterprise(image)) {
            conf.put("server.discovery.advertised_address", hostname + ":5000");
            conf.put("server.cluster.advertised_address", hostname + ":6000");
            conf.put("server.cluster.raft.advertised_address", hostname + ":7000");
            conf.put("server.routing.advertised_address", hostname + ":7688");
        }
        // The entrypoint walks the variables in reverse sorted order; later ones overwrite earlier ones.
        new TreeMap<>(environment).descendingMap().forEach((variable, value) -> {
            if (variable.startsWith("NEO4J_") && !CONTROL_VARIABLES.contains(variable) && !value.isEmpty()) {
                String setting = settingName(variable);
                if (!setting.matches("^[0-9].*")) {
                    conf.put(setting, value);
                }
            }
        });
        return conf;
    }
}
