package com.chainatlas.security;

import java.io.Serializable;
import java.security.Principal;

/**
 * Who is signed in, as kept in the security context (and the session): no password hash. Role and region are the
 * ones at sign-in; an admin's change takes effect at the account's next sign-in (HTTP Basic: next request).
 */
public record AccountPrincipal(String username, Role role, String regionCode) implements Principal, Serializable {

    @Override
    public String getName() {
        return username;
    }

    public RegionScope scope() {
        return RegionScope.of(regionCode);
    }
}
