package com.chainatlas.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in account of the current request, read from Spring Security's context. */
public final class CurrentAccount {

    /** The actor of work with no signed-in account (start-up, background jobs). */
    public static final String SYSTEM = "系统";

    private CurrentAccount() {
    }

    public static Optional<AccountPrincipal> get() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.isAuthenticated() && a.getPrincipal() instanceof AccountPrincipal p ? Optional.of(p) : Optional.empty();
    }

    /** The signed-in username, or {@link #SYSTEM}. */
    public static String username() {
        return get().map(AccountPrincipal::username).orElse(SYSTEM);
    }

    /** The signed-in account's region scope; national without one (no HTTP request reaches data unsigned). */
    public static RegionScope scope() {
        return get().map(AccountPrincipal::scope).orElse(RegionScope.NATIONAL);
    }
}
