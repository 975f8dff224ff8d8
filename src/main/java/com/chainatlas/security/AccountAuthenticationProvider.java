package com.chainatlas.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password (the sign-in endpoint and every HTTP Basic request): lockout first, then the
 * password, then whether the account is enabled (so a disabled account is only revealed to its password holder).
 * An unknown username goes through the same steps (lockout, a bcrypt comparison with a dummy hash, a counted failure),
 * so neither timing nor the lockout tells whether it exists.
 * The authenticated principal is an {@link AccountPrincipal} without the hash.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    /** Marks the sign-in endpoint's authentication (stamps lastSignInAt); HTTP Basic checks do not write on success. */
    static final class SignIn extends UsernamePasswordAuthenticationToken {
        SignIn(String username, String password) {
            super(username, password);
        }
    }

    private final AccountUserDetailsService details;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    /** Compared against for unknown usernames, so they take as long as known ones. */
    private final String dummyHash;

    AccountAuthenticationProvider(AccountUserDetailsService details, PasswordEncoder encoder, LoginThrottle throttle) {
        this.details = details;
        this.encoder = encoder;
        this.throttle = throttle;
        this.dummyHash = encoder.encode("no-such-account-password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Account a = details.account(username);
        if (a == null) {
            // the same steps as a wrong password for an account: lock check, one bcrypt comparison, a counted failure
            throw unknown(username, password);
        }
        throttle.checkNotLocked(a);
        if (a.passwordHash() == null || !encoder.matches(password, a.passwordHash())) {
            throttle.failed(a);
            throw new BadCredentialsException("bad credentials");
        }
        if (!a.enabled()) {
            throw new DisabledException("account disabled");
        }
        throttle.succeeded(a, authentication instanceof SignIn);
        return UsernamePasswordAuthenticationToken.authenticated(a.principal(), null,
                List.of(new SimpleGrantedAuthority(a.role().authority())));
    }

    private BadCredentialsException unknown(String username, String password) {
        throttle.checkNotLocked(username);
        encoder.matches(password, dummyHash);
        throttle.failed(username);
        return new BadCredentialsException("bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
