package com.chainatlas.security;

import org.springframework.security.core.AuthenticationException;

/** A sign-in for a locked username (even with the right password): 429 with Retry-After. */
class SignInLocked extends AuthenticationException {

    final long retryAfterSeconds;

    SignInLocked(long retryAfterSeconds) {
        super("sign-in locked for " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long minutes() {
        return Math.max(1, (retryAfterSeconds + 59) / 60);
    }
}
