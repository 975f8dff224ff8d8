package com.chainatlas.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;

/**
 * Bookmarks (causal consistency on a Neo4j cluster): after a write, the next read waits until the server that
 * serves it has that write. Spring Data Neo4j's transaction manager and its Neo4jClient each create their own
 * bookmark manager unless the context holds one, so an auto-commit write through Neo4jClient would not be seen
 * by a following {@code @Transactional(readOnly = true)} read on a secondary. This one bean serves both, within
 * this instance; it is seeded with the bookmarks the browser carries ({@link BookmarkCookie}) so a read on
 * another instance waits for the user's own last write too.
 */
@Configuration(proxyBeanMethods = false)
class BookmarkConfiguration {

    @Bean
    Neo4jBookmarkManager neo4jBookmarkManager() {
        return Neo4jBookmarkManager.create(BookmarkCookie::fromCurrentRequest);
    }
}
