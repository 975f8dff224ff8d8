package com.chainatlas.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import com.chainatlas.system.ProblemResponses;

/**
 * 401, 403, 429 and 503 of the security filters as problem JSON. No {@code WWW-Authenticate} challenge is sent, so a
 * browser never opens its own Basic dialog (and never caches Basic credentials that CSRF checks would then skip).
 */
@Component
class ProblemHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandlers.class);

    private final AuditLog audit;

    ProblemHandlers(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        signInFailure(request, response, e);
    }

    /** The answer to a failed authentication (not signed in, wrong password, locked, database down). */
    static void signInFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInLocked locked) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds));
            ProblemResponses.write(response, 429, "Too Many Requests", "尝试次数过多，请 " + locked.minutes() + " 分钟后再试",
                    "Too many failed sign-ins; try again in " + locked.minutes() + " minutes", request.getRequestURI());
        } else if (e instanceof AuthenticationServiceException) {
            log.warn("Sign-in check failed: {}", e.getCause() == null ? e.toString() : e.getCause().toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "10");
            ProblemResponses.write(response, 503, "Service Unavailable", "数据库暂时不可用，请稍后重试",
                    "The database is unavailable; please retry shortly", request.getRequestURI());
        } else if (e instanceof DisabledException) {
            ProblemResponses.write(response, 401, "Unauthorized", "账号已停用", "account disabled", request.getRequestURI());
        } else if (e instanceof BadCredentialsException) {
            ProblemResponses.write(response, 401, "Unauthorized", "用户名或密码错误", "wrong username or password",
                    request.getRequestURI());
        } else {
            ProblemResponses.write(response, 401, "Unauthorized", "请先登录", "sign-in required", request.getRequestURI());
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        boolean csrf = e instanceof CsrfException;
        audit.record(AuditAction.ACCESS_DENIED, request.getMethod() + " " + request.getRequestURI(),
                csrf ? "CSRF token missing or invalid" : null, AuditOutcome.DENIED);
        if (csrf) {
            ProblemResponses.write(response, 403, "Forbidden", "请求缺少有效的 CSRF 令牌，请刷新页面后重试",
                    "CSRF token missing or invalid; reload the page and retry", request.getRequestURI());
        } else {
            ProblemResponses.write(response, 403, "Forbidden", "当前账号无权执行此操作",
                    "This account may not do this", request.getRequestURI());
        }
    }
}
