package com.chainatlas.system;

import java.net.InetAddress;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This app instance's name in the database (lease holder, worker of an import): the host name plus a random suffix,
 * new at every start, so a restarted instance never takes a dead one's place by name. {@code chainatlas.instance-id}
 * overrides the host part.
 */
@Component
public class InstanceIdentity {

    private final String id;

    InstanceIdentity(@Value("${chainatlas.instance-id:}") String configured) {
        this.id = of(configured);
    }

    /** A fresh identity (for code running without Spring, e.g. the import harness). */
    public static String of(String configured) {
        String host = configured == null || configured.isBlank() ? hostName() : configured.strip();
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }

    private static String hostName() {
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
