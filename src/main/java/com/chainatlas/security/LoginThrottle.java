package com.chainatlas.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Lockout after repeated failures: {@value #MAX_FAILURES} failed sign-ins for a username lock it for
 * {@link #LOCK}; while locked every sign-in (even a correct one) is refused with 429. The count lives on the
 * account node, so it holds across sessions, HTTP Basic and restarts. Unknown usernames are not counted.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final AccountStore accounts;
    private final Clock clock;

    LoginThrottle(AccountStore accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    void checkNotLocked(Account a) {
        Instant now = clock.instant();
        if (a.lockedAt(now)) {
            throw new SignInLocked(Math.max(1, Duration.between(now, a.lockedUntil()).toSeconds()));
        }
    }

    void failed(Account a) {
        try {
            accounts.recordFailure(a.username(), MAX_FAILURES, clock.instant().plus(LOCK));
        } catch (RuntimeException e) {
            throw new AccountStoreUnavailable(e);
        }
    }

    /** A success resets the count; {@code signIn} (not a per-request HTTP Basic check) also stamps lastSignInAt. */
    void succeeded(Account a, boolean signIn) {
        try {
            if (signIn) {
                accounts.recordSuccess(a.username(), clock.instant());
            } else if (a.failedSignIns() > 0 || a.lockedUntil() != null) {
                accounts.recordSuccess(a.username(), null);
            }
        } catch (RuntimeException e) {
            throw new AccountStoreUnavailable(e);
        }
    }
}
