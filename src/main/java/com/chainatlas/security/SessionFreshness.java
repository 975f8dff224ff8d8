package com.chainatlas.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.chainatlas.system.ProblemResponses;

/**
 * Ends a browser session whose account changed since sign-in (role, region, disabled, deleted, password: see
 * {@link AccountFreshness}), so an admin's change does not wait for the session to expire. HTTP Basic requests are
 * skipped (their credentials are checked on every request anyway), as are requests without a session. The ended
 * session's request goes on anonymously where anonymous callers may go (sign-in, CSRF token, static files) and answers
 * 401 under /api otherwise, so the SPA sends the user to the sign-in page with the reason.
 */
class SessionFreshness extends OncePerRequestFilter {

    static final String ENDED = "账号信息已变更（角色、数据范围、停用或密码），请重新登录";
    static final String ENDED_EN = "The account changed since sign-in (role, region scope, disabled or password); sign in again";
    static final String AUDIT_DETAIL = "session ended: account changed since sign-in";

    private final AccountFreshness freshness;
    private final AuditLog audit;

    SessionFreshness(AccountFreshness freshness, AuditLog audit) {
        this.freshness = freshness;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = session == null || AccessRules.hasAuthorization(request) ? null
                : SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AccountPrincipal p)) {
            chain.doFilter(request, response);
            return;
        }
        boolean current;
        try {
            current = freshness.isCurrent(p);
        } catch (AccountStoreUnavailable e) {
            if (isApi(request)) {
                ProblemHandlers.signInFailure(request, response, e); // 503: neither signed out nor let through
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (current) {
            chain.doFilter(request, response);
            return;
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyEnded) {
            // a parallel request of the same session ended it first
        }
        SecurityContextHolder.clearContext();
        audit.record(p.username(), AuditAction.SIGN_OUT, p.username(), AUDIT_DETAIL, AuditOutcome.OK, AuditLog.ip(request));
        if (anonymousMayContinue(request)) {
            chain.doFilter(request, response);
        } else {
            ProblemResponses.write(response, 401, "Unauthorized", ENDED, ENDED_EN, request.getRequestURI());
        }
    }

    private static boolean anonymousMayContinue(HttpServletRequest request) {
        String path = path(request);
        return !isApi(request) || path.equals("/api/auth/login") || path.equals("/api/auth/csrf");
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = path(request);
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
