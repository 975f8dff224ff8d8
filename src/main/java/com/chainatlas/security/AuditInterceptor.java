package com.chainatlas.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Audits by path, so no endpoint can be forgotten: every data download (EXPORT, with its query), every write to
 * leads (LEAD_CHANGED) and projects (PROJECT_CHANGED), and every import upload or sample-data removal (IMPORT; the
 * job's outcome is recorded by ImportJobs when it ends). Runs when the request has completed, with its status.
 */
@Configuration(proxyBeanMethods = false)
class AuditInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final AuditLog audit;

    AuditInterceptor(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return;
        }
        AuditAction action = action(request);
        if (action == null) {
            return;
        }
        int status = response.getStatus();
        AuditOutcome outcome = ex == null && status < 400 ? AuditOutcome.OK : AuditOutcome.FAILED;
        String query = request.getQueryString();
        String detail = request.getMethod() + " → " + (ex != null && status < 400 ? 500 : status)
                + (query == null ? "" : " ?" + query);
        audit.record(CurrentAccount.username(), action, AccessRules.path(request), detail, outcome, request.getRemoteAddr());
    }

    static AuditAction action(HttpServletRequest request) {
        String method = request.getMethod();
        String path = AccessRules.path(request);
        if ("GET".equals(method)) {
            return AccessRules.isDownload(request) && !path.startsWith("/api/import/templates/") ? AuditAction.EXPORT : null;
        }
        if ("HEAD".equals(method) || "OPTIONS".equals(method)) {
            return null;
        }
        if (path.startsWith("/api/projects")) {
            return AuditAction.PROJECT_CHANGED;
        }
        if (path.startsWith("/api/leads")) {
            return AuditAction.LEAD_CHANGED;
        }
        if (path.startsWith("/api/import/")) {
            return AuditAction.IMPORT;
        }
        return null;
    }
}
