package com.chainatlas.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether a session's principal still matches its account: same version, still enabled, not deleted. The account is
 * re-read at most every {@link #MAX_AGE} per username (so a busy session costs one small query per 2 s, not one per
 * request); changes made through this instance {@link #forget} the cached state and apply at once, changes made by
 * another instance sharing the database within {@link #MAX_AGE}. The age is measured on the monotonic clock, not the
 * wall clock (which tests and NTP move).
 */
@Component
class AccountFreshness {

    static final Duration MAX_AGE = Duration.ofMillis(2_000);
    /** Cached usernames at most; beyond it the cache starts afresh (one extra read per session, nothing lost). */
    static final int MAX_ENTRIES = 10_000;

    /** The account as last read; {@code state} null = no such account. */
    private record Seen(AccountStore.AuthState state, long readAtNanos) {
    }

    private final AccountStore accounts;
    private final LongSupplier nanoTime;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    @Autowired
    AccountFreshness(AccountStore accounts) {
        this(accounts, System::nanoTime);
    }

    AccountFreshness(AccountStore accounts, LongSupplier nanoTime) {
        this.accounts = accounts;
        this.nanoTime = nanoTime;
    }

    /**
     * True when the principal's account exists, is enabled and has the principal's version.
     *
     * @throws AccountStoreUnavailable when the account cannot be read (database down)
     */
    boolean isCurrent(AccountPrincipal p) {
        AccountStore.AuthState state = state(p.username(), p.authVersion());
        return state != null && state.enabled() && state.version() == p.authVersion();
    }

    /** Drops the cached state of an account this instance has just changed (after its transaction committed). */
    void forget(String username) {
        if (username != null) {
            seen.remove(username);
        }
    }

    /**
     * The cached state unless older than {@link #MAX_AGE} or older than the principal: a principal at a newer version
     * than the cache (its password was changed through another instance, which kept that session going at the new
     * version) re-reads, or the kept session would be ended here.
     */
    private AccountStore.AuthState state(String username, long principalVersion) {
        long now = nanoTime.getAsLong();
        Seen s = seen.get(username);
        if (s != null && now - s.readAtNanos() < MAX_AGE.toNanos() && s.state() != null
                && s.state().version() >= principalVersion) {
            return s.state();
        }
        AccountStore.AuthState state;
        try {
            state = accounts.authState(username).orElse(null);
        } catch (RuntimeException e) {
            throw new AccountStoreUnavailable(e);
        }
        if (seen.size() >= MAX_ENTRIES) {
            seen.clear();
        }
        seen.put(username, new Seen(state, now));
        return state;
    }
}
