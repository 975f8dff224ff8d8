package com.chainatlas.system;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;

/**
 * The embedded database's Bolt user and this start's generated password (a bean, so tests that open their own
 * driver to the embedded database can use it). Never logged.
 */
public record EmbeddedBoltCredentials(String username, String password) {

    static final String USER = "neo4j";

    static EmbeddedBoltCredentials generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return new EmbeddedBoltCredentials(USER, HexFormat.of().formatHex(bytes));
    }

    public AuthToken authToken() {
        return AuthTokens.basic(username, password);
    }

    @Override
    public String toString() {
        return "EmbeddedBoltCredentials[" + username + ", password hidden]";
    }
}
