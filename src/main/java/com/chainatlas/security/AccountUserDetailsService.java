package com.chainatlas.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Accounts for Spring Security; a database failure becomes {@link AccountStoreUnavailable} (503), never "not found". */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountStore accounts;

    AccountUserDetailsService(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account a = account(username);
        if (a == null) {
            throw new UsernameNotFoundException("no such account");
        }
        return User.withUsername(a.username()).password(a.passwordHash()).disabled(!a.enabled())
                .authorities(List.of(new SimpleGrantedAuthority(a.role().authority()))).build();
    }

    /** The account, or null when none has this name. */
    Account account(String username) {
        if (username == null || username.isBlank() || username.length() > AccountService.USERNAME_MAX) {
            return null;
        }
        try {
            return accounts.find(username).orElse(null);
        } catch (RuntimeException e) {
            throw new AccountStoreUnavailable(e);
        }
    }
}
