package com.chainatlas.system;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.stereotype.Component;

/**
 * Driver sessions for code that reads with the driver directly (streamed exports, snapshot loads) rather than
 * through Spring's transactions: read access mode (a cluster serves them from any member), the configured
 * database, and the bookmarks Spring Data Neo4j's transactions left, so such a read sees this instance's and the
 * user's latest writes.
 */
@Component
public class ReadSessions {

    private final Driver driver;
    private final String database;
    private final Neo4jBookmarkManager bookmarks;

    ReadSessions(Driver driver, @Value("${spring.data.neo4j.database:}") String database,
                 Neo4jBookmarkManager bookmarks) {
        this.driver = driver;
        this.database = database == null || database.isBlank() ? null : database;
        this.bookmarks = bookmarks;
    }

    public Session open() {
        SessionConfig.Builder config = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ)
                .withBookmarks(bookmarks.getBookmarks());
        if (database != null) {
            config.withDatabase(database);
        }
        return driver.session(config.build());
    }
}
