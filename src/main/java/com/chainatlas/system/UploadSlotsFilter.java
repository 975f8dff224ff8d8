package com.chainatlas.system;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code chainatlas.limits.concurrent-uploads} (default 2) multipart uploads are read at once per instance;
 * one more is refused with 429 and Retry-After before its body is read. Why: an upload holds an HTTP worker for as
 * long as the client takes to send up to 50 MB, and the worker pool is sized for the cores ({@link HttpThreads}), so
 * a few slow uploads must not take every worker from the people reading maps and lists. Imports run one at a time
 * per database anyway (the import queue), so two uploads at once lose nothing.
 *
 * <p>Runs after Spring Security: only signed-in users with the right role reach it, and a stranger's upload is
 * refused there (401/403) without taking a place.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class UploadSlotsFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UploadSlotsFilter.class);

    private final int slots;
    private final long retryAfterSeconds;
    private final Semaphore places;

    UploadSlotsFilter(@Value("${chainatlas.limits.concurrent-uploads:2}") int slots,
                      @Value("${chainatlas.limits.retry-after-seconds:5}") long retryAfterSeconds) {
        if (slots < 1) {
            throw new IllegalArgumentException("chainatlas.limits.concurrent-uploads must be at least 1: " + slots);
        }
        this.slots = slots;
        this.retryAfterSeconds = retryAfterSeconds;
        this.places = new Semaphore(slots);
    }

    /** Uploads being received now. */
    int receiving() {
        return slots - places.availablePermits();
    }

    static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isUpload(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!places.tryAcquire()) {
            log.warn("Refused an upload to {}: {} uploads are being received", request.getRequestURI(), slots);
            response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
            // the body stays unread: close the connection rather than let Tomcat read and discard it
            response.setHeader("Connection", "close");
            ProblemResponses.write(response, 429, "Too Many Requests",
                    "服务器正在接收其他上传文件（同时最多 " + slots + " 个），请 " + retryAfterSeconds + " 秒后重试",
                    "Too many uploads at once (at most " + slots + "); retry after " + retryAfterSeconds + " s",
                    request.getRequestURI());
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }
}
