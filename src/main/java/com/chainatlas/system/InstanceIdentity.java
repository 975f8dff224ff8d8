package com.chainatlas.system;

import java.net.InetAddress;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This app instance's name in the database (lease holder, worker of an import): {@code chainatlas.instance-id}, or the
 * host name plus a short hash of the instance's spill directory. It stays the same across restarts on purpose: an
 * instance restarted after a kill holds its leases again at once and completes the import it was running (its spill
 * file is on its own disk) instead of waiting for its old lease to expire. Two instances must therefore never share
 * a host name and a spill directory (containers have their own host names; tests set the id).
 */
@Component
public class InstanceIdentity {

    private final String id;

    InstanceIdentity(@Value("${chainatlas.instance-id:}") String configured,
                     @Value("${chainatlas.import.spill-dir:${chainatlas.embedded.data-dir:data/neo4j}/import-spill}") String spillDir) {
        this.id = configured == null || configured.isBlank()
                ? hostName() + "-" + Integer.toHexString(java.nio.file.Path.of(spillDir).toAbsolutePath().normalize().hashCode())
                : configured.strip();
    }

    /** A fresh identity for code running without Spring (the import harness). */
    public static String random() {
        return hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }

    /** The host name (a container's own name under Docker). */
    public static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "instance";
        }
    }
}
