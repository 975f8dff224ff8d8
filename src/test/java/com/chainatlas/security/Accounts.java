package com.chainatlas.security;

import java.util.UUID;

import com.chainatlas.support.Api;

/** Test accounts made through the admin API, with names of their own so test classes cannot collide. */
final class Accounts {

    static final String PASSWORD = "test-pass-123";

    private Accounts() {
    }

    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an account (201 expected); returns its username. */
    static String create(Api admin, String prefix, String role, String regionCode) {
        String name = unique(prefix);
        Api.Response r = admin.postJson("/api/admin/users", """
                {"username":"%s","password":"%s","role":"%s","regionCode":%s}
                """.formatted(name, PASSWORD, role, regionCode == null ? "null" : "\"" + regionCode + "\""));
        if (r.status() != 201) {
            throw new AssertionError("create " + name + " → " + r.status() + ": " + r.text());
        }
        return name;
    }
}
