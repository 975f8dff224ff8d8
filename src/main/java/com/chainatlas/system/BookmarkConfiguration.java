package com.chainatlas.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;

/**
 * Bookmarks (causal consistency on a Neo4j cluster): after a write, the next read that depends on it waits until
 * the server serving it has that write. The driver's sessions carry {@link ScopedBookmarks} (see there for who
 * waits for what), handed in by {@link ScopedBookmarksDriver}; Spring Data Neo4j's own manager is switched off so
 * its transaction manager and Neo4jClient add no instance-wide bookmarks of their own.
 */
@Configuration(proxyBeanMethods = false)
class BookmarkConfiguration {

    @Bean
    static ScopedBookmarks scopedBookmarks() {
        return new ScopedBookmarks();
    }

    @Bean
    static ScopedBookmarksDriver scopedBookmarksDriver(ScopedBookmarks scopedBookmarks) {
        return new ScopedBookmarksDriver(scopedBookmarks);
    }

    @Bean
    Neo4jBookmarkManager neo4jBookmarkManager() {
        return Neo4jBookmarkManager.noop();
    }
}
