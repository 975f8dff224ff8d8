package com.chainatlas.security;

import jakarta.servlet.http.HttpServletRequest;

/** Path classes the role rules and the audit need (docs/security.md has the full table). */
final class AccessRules {

    private AccessRules() {
    }

    /** A file download of data: .xlsx/.csv/.docx, {@code /api/export/**} or any {@code .../export...} path. */
    static boolean isDownload(HttpServletRequest request) {
        String path = path(request);
        if (!path.startsWith("/api/")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return path.startsWith("/api/export/") || last.startsWith("export") || path.endsWith(".xlsx")
                || path.endsWith(".csv") || path.endsWith(".docx");
    }

    /** The request path inside the application (no context path, no query). */
    static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** Requests of scripts: an Authorization header, so no cookie of a browser session authenticates them. */
    static boolean hasAuthorization(HttpServletRequest request) {
        return request.getHeader("Authorization") != null;
    }
}
