package com.chainatlas.security;

import java.time.Instant;

/**
 * A sign-in account as stored in {@code (:Account)}.
 *
 * @param regionCode null = national; otherwise the GB/T 2260 code whose data the account may see (see RegionScope)
 */
record Account(String username, String passwordHash, Role role, String regionCode, boolean enabled,
               Instant createdAt, Instant lastSignInAt, int failedSignIns, Instant lockedUntil) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    AccountPrincipal principal() {
        return new AccountPrincipal(username, role, regionCode);
    }
}
