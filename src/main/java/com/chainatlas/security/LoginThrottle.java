package com.chainatlas.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Lockout after repeated failures: {@value #MAX_FAILURES} failed sign-ins for a username lock it for
 * {@link #LOCK}; while locked every sign-in (even a correct one) is refused with 429. The count of an account lives on
 * its node, so it holds across sessions, HTTP Basic and restarts. Unknown usernames are counted and locked the same
 * way (so the lock does not tell which names exist), in memory: a bounded LRU of {@value #UNKNOWN_NAMES} names per
 * instance, forgotten at restart (nothing to protect behind them, only the existence of the name).
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    static final int UNKNOWN_NAMES = 10_000;
    /** Unknown names are kept at most this long (longer ones cannot be accounts anyway). */
    private static final int NAME_KEY = AccountService.USERNAME_MAX + 1;

    /** Failures of an unknown username since its last lock, and the lock's end (null: none). */
    private record Unknown(int failures, Instant lockedUntil) {
    }

    private final AccountStore accounts;
    private final Clock clock;
    /** Access-ordered, so the least recently tried name is dropped first. */
    private final Map<String, Unknown> unknown = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Unknown> eldest) {
            return size() > UNKNOWN_NAMES;
        }
    };

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

    /** Like {@link #checkNotLocked(Account)} for a username no account has. */
    void checkNotLocked(String unknownName) {
        Instant now = clock.instant();
        Unknown u;
        synchronized (unknown) {
            u = unknown.get(key(unknownName));
        }
        if (u != null && u.lockedUntil() != null && u.lockedUntil().isAfter(now)) {
            throw new SignInLocked(Math.max(1, Duration.between(now, u.lockedUntil()).toSeconds()));
        }
    }

    /** Counts a failed sign-in of an unknown username, locking it at {@value #MAX_FAILURES} like an account. */
    void failed(String unknownName) {
        Instant now = clock.instant();
        synchronized (unknown) {
            unknown.compute(key(unknownName), (k, u) -> {
                int n = (u == null ? 0 : u.failures()) + 1;
                Instant lock = u == null || u.lockedUntil() == null || !u.lockedUntil().isAfter(now) ? null : u.lockedUntil();
                return n >= MAX_FAILURES ? new Unknown(0, now.plus(LOCK)) : new Unknown(n, lock);
            });
        }
    }

    private static String key(String name) {
        String s = name == null ? "" : name;
        return s.length() > NAME_KEY ? s.substring(0, NAME_KEY) : s;
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
