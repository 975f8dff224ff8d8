package com.chainatlas.project;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who made a change. Until sign-in exists the principal is usually absent; when Spring Security arrives it fills
 * {@link HttpServletRequest#getUserPrincipal()} and every change is attributed without touching the ledger.
 */
public final class ChangeActor {

    public static final String ANONYMOUS = "匿名（未启用登录）";

    private ChangeActor() {
    }

    public static String of(HttpServletRequest request) {
        Principal p = request == null ? null : request.getUserPrincipal();
        return p == null || p.getName() == null || p.getName().isBlank() ? ANONYMOUS : p.getName();
    }
}
