package com.chainatlas.project;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who made a change: the signed-in account's username, which Spring Security puts in
 * {@link HttpServletRequest#getUserPrincipal()} (session or HTTP Basic). {@link #ANONYMOUS} only remains for calls
 * without a request (every HTTP request to the ledger is signed in).
 */
public final class ChangeActor {

    public static final String ANONYMOUS = "匿名";

    private ChangeActor() {
    }

    public static String of(HttpServletRequest request) {
        Principal p = request == null ? null : request.getUserPrincipal();
        return p == null || p.getName() == null || p.getName().isBlank() ? ANONYMOUS : p.getName();
    }
}
