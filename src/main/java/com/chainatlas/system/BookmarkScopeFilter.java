package com.chainatlas.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens the request's {@link RequestBookmarks}, seeded from the bookmark cookie, before anything else runs (the shared
 * session store reads the database before Spring's request context exists), and closes it afterwards.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BookmarkScopeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestBookmarks.open(request, response);
        try {
            chain.doFilter(request, response);
        } finally {
            RequestBookmarks.close();
        }
    }
}
