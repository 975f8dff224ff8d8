package com.chainatlas.system;

import java.util.HashSet;
import java.util.Set;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;

/**
 * Bookmarks kept by whom they concern, so a transaction waits only for the writes it depends on. Every driver
 * session gets one of these views as its bookmark manager ({@link ScopedBookmarksDriver}); the driver asks it
 * before each transaction and tells it after each commit.
 *
 * <p>Why not one set for the whole instance (Spring Data Neo4j's default): Neo4j begins a transaction carrying
 * bookmark N only once every transaction up to N is <em>closed</em>. While a large import transaction was being
 * applied (8–15 s under load), a read's commit already handed out the import's id (a read's bookmark is the last
 * <em>committed</em> id) and a small write that ended meanwhile its own; shared instance-wide, either made every
 * request's BEGIN wait for the import: the stalls across all endpoints of the load benchmark (thread dumps: every
 * Bolt worker in {@code TransactionIdTracker.awaitUpToDate}, every request thread in {@code beginTransaction}).
 *
 * <ul>
 *   <li>A session opened in an HTTP request uses the request's bookmarks ({@link RequestBookmarks}: the browser's
 *       cookie plus the request's own writes): a user reads their own writes on any instance of a cluster.</li>
 *   <li>A session opened elsewhere (import worker, snapshot builds, the data-version poll, scheduled work) uses the
 *       instance's chain of every write made here, requests' included, so background work sees what a request
 *       queued and a rebuild sees the import.</li>
 *   <li>Read sessions hand out nothing: a read creates nothing a later transaction must wait for.</li>
 * </ul>
 * A write's bookmark names the database's newest transaction at its commit, so it covers every write committed
 * before the transaction began: the instance chain drops what it held when the session opened, which keeps it small.
 */
public final class ScopedBookmarks {

    private final BookmarkManager instance = BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build());

    /** The instance's chain (what background work starts from). */
    public Set<Bookmark> instanceBookmarks() {
        return instance.getBookmarks();
    }

    /**
     * Background work that follows a read must see what that read saw (the data-version poll: the rebuild it
     * triggers): the read's bookmark joins the instance's chain. Only for such reads; a read's bookmark may name a
     * transaction still being applied, and requests never start from this chain.
     */
    public void follow(Set<Bookmark> read) {
        if (!read.isEmpty()) {
            instance.updateBookmarks(Set.of(), read);
        }
    }

    /** The bookmark manager for a session opened now, on this thread, in {@code mode}. */
    BookmarkManager forSession(AccessMode mode) {
        boolean write = mode == AccessMode.WRITE;
        // only a write session uses the chain as it was at open (to prune what its commit covers)
        return new SessionView(RequestBookmarks.current(), write, write ? instance.getBookmarks() : Set.of());
    }

    private final class SessionView implements BookmarkManager {
        private static final long serialVersionUID = 1L;
        private final transient RequestBookmarks request;
        private final boolean write;
        private final Set<Bookmark> instanceAtOpen;

        SessionView(RequestBookmarks request, boolean write, Set<Bookmark> instanceAtOpen) {
            this.request = request;
            this.write = write;
            this.instanceAtOpen = instanceAtOpen;
        }

        @Override
        public Set<Bookmark> getBookmarks() {
            return request != null ? request.get() : instance.getBookmarks();
        }

        @Override
        public void updateBookmarks(Set<Bookmark> previous, Set<Bookmark> created) {
            if (!write || created.isEmpty()) {
                return;
            }
            Set<Bookmark> covered = new HashSet<>(previous);
            covered.addAll(instanceAtOpen);
            instance.updateBookmarks(covered, created);
            if (request != null) {
                request.committed(previous, created);
            }
        }
    }
}
