package com.chainatlas.security;

import java.io.Serializable;
import java.security.Principal;

/**
 * Who is signed in, as kept in the security context (and the session): no password hash. Role and region are the
 * ones at sign-in; {@code authVersion} is the account's version then, so a session whose account changed since
 * (role, region, disabled, password) is ended by {@link SessionFreshness}. HTTP Basic re-reads all on every request.
 */
public record AccountPrincipal(String username, Role role, String regionCode, long authVersion)
        implements Principal, Serializable {

    /** A principal of version 0 (accounts that never changed; callers that do not track versions). */
    public AccountPrincipal(String username, Role role, String regionCode) {
        this(username, role, regionCode, 0);
    }

    @Override
    public String getName() {
        return username;
    }

    public RegionScope scope() {
        return RegionScope.of(regionCode);
    }

    AccountPrincipal withAuthVersion(long version) {
        return new AccountPrincipal(username, role, regionCode, version);
    }
}
