package com.chainatlas.security;

import java.security.SecureRandom;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * First start: with no account at all, creates {@code admin} (ADMIN, national) with the configured password
 * ({@code chainatlas.security.admin-password}, env CHAINATLAS_ADMIN_PASSWORD) or a generated one, logged once.
 * Never re-creates or resets anything once an account exists. Runs after the schema migrations (order 0).
 */
@Component
@Order(1)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    static final String USERNAME = "admin";
    /** No look-alikes (0/O, 1/l/I) so the logged password can be typed from a screen. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final SecuritySettings settings;
    private final Clock clock;

    FirstAdmin(AccountStore accounts, PasswordEncoder encoder, SecuritySettings settings, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure();
    }

    /** Creates the first admin when no account exists; returns whether it did. */
    boolean ensure() {
        if (accounts.count() > 0) {
            return false;
        }
        String configured = settings.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generate() : AccountService.password(configured, "chainatlas.security.admin-password");
        Account admin = new Account(USERNAME, encoder.encode(password), Role.ADMIN, null, true, clock.instant());
        if (!accounts.create(admin)) {
            return false; // another instance on the same database was first
        }
        if (generated) {
            log.warn("""

                    ================================================================================
                    首次启动：已创建管理员 admin，初始密码 {}（请登录后修改）
                    first start: created admin "admin" with password {}
                    (set CHAINATLAS_ADMIN_PASSWORD before the first start to choose it; shown only this once)
                    ================================================================================""",
                    password, password);
        } else {
            log.info("First start: created admin \"admin\" with the password from chainatlas.security.admin-password");
        }
        return true;
    }

    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
