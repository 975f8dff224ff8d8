package com.chainatlas.security.session;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Around Spring Session's filter: the session store remembers the rows it loaded for this request until the response
 * is committed and the request ends ({@link Neo4jSessionRepository#findById}), so a request reads its session once.
 */
class SessionRequestScope extends OncePerRequestFilter {

    /** Before {@code SessionRepositoryFilter.DEFAULT_ORDER} (Integer.MIN_VALUE + 50), so its commit is inside. */
    static final int ORDER = Integer.MIN_VALUE + 40;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Neo4jSessionRepository.beginRequest();
        try {
            chain.doFilter(request, response);
        } finally {
            Neo4jSessionRepository.endRequest();
        }
    }
}
