package com.chainatlas.system;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Driver sessions for code that reads with the driver directly (streamed exports, snapshot loads) rather than
 * through Spring's transactions: read access mode (a cluster serves them from any member), the configured
 * database; the driver adds the bookmarks ({@link ScopedBookmarks}), so such a read sees the user's latest writes
 * (in a request) or this instance's (in background work).
 */
@Component
public class ReadSessions {

    private final Driver driver;
    private final String database;

    ReadSessions(Driver driver, @Value("${spring.data.neo4j.database:}") String database) {
        this.driver = driver;
        this.database = database == null || database.isBlank() ? null : database;
    }

    public Session open() {
        SessionConfig.Builder config = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
        if (database != null) {
            config.withDatabase(database);
        }
        return driver.session(config.build());
    }
}
