package com.chainatlas.security;

import java.time.Instant;

/**
 * A sign-in account as stored in {@code (:Account)}.
 *
 * @param regionCode  null = national; otherwise the GB/T 2260 code whose data the account may see (see RegionScope)
 * @param authVersion advanced on every change of role, region, enabled or password: a session signed in at an older
 *                    version is ended (SessionFreshness)
 */
record Account(String username, String passwordHash, Role role, String regionCode, boolean enabled,
               Instant createdAt, Instant lastSignInAt, int failedSignIns, Instant lockedUntil, long authVersion) {

    /** A new account (version 0). */
    Account(String username, String passwordHash, Role role, String regionCode, boolean enabled, Instant createdAt) {
        this(username, passwordHash, role, regionCode, enabled, createdAt, null, 0, null, 0);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    AccountPrincipal principal() {
        return new AccountPrincipal(username, role, regionCode, authVersion);
    }
}
