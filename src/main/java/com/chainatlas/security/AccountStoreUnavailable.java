package com.chainatlas.security;

import org.springframework.security.authentication.AuthenticationServiceException;

/** The account could not be read (database down): 503, never a 401 that sends a signed-in user to the login page. */
class AccountStoreUnavailable extends AuthenticationServiceException {

    AccountStoreUnavailable(Throwable cause) {
        super("account store unavailable", cause);
    }
}
