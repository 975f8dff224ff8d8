package com.chainatlas.system;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.neo4j.driver.Bookmark;

/**
 * The bookmarks of one HTTP request: those its browser carried ({@link BookmarkCookie}) plus those of the writes
 * made while serving it, which go back to the browser in the cookie. Bound to the request's thread by
 * {@link BookmarkScopeFilter}; a driver session opened on that thread keeps it (the driver may report a commit on
 * its own I/O thread, hence the lock).
 */
final class RequestBookmarks {

    private static final ThreadLocal<RequestBookmarks> CURRENT = new ThreadLocal<>();

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    /** Parsed from the cookie on first use: most requests (static files, cached reads) open no session. */
    private Set<Bookmark> bookmarks;

    private RequestBookmarks(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    private Set<Bookmark> bookmarks() {
        if (bookmarks == null) {
            bookmarks = new LinkedHashSet<>(BookmarkCookie.parse(BookmarkCookie.incoming(request)));
        }
        return bookmarks;
    }

    static void open(HttpServletRequest request, HttpServletResponse response) {
        CURRENT.set(new RequestBookmarks(request, response));
    }

    static void close() {
        CURRENT.remove();
    }

    /** The current thread's request, or null outside one. */
    static RequestBookmarks current() {
        return CURRENT.get();
    }

    synchronized Set<Bookmark> get() {
        return Set.copyOf(bookmarks());
    }

    /** A write committed: its bookmark replaces those it started from, and the browser gets the new set. */
    synchronized void committed(Collection<Bookmark> used, Collection<Bookmark> created) {
        Set<Bookmark> held = bookmarks();
        held.removeAll(used);
        created.stream().filter(Objects::nonNull).forEach(held::add);
        BookmarkCookie.toResponse(request, response, held);
    }
}
