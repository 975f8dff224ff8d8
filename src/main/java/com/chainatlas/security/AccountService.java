package com.chainatlas.security;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import com.chainatlas.region.RegionCatalog;
import com.chainatlas.system.ApiProblem;

/** Creating and changing accounts, with the rules of docs/security.md (names, password length, last admin). */
@Service
class AccountService {

    static final int USERNAME_MAX = 32;
    static final int PASSWORD_MIN = 8;
    static final int PASSWORD_MAX = 128;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.\\-\\u4e00-\\u9fa5]{2,32}");

    /** An account as the admin list shows it. */
    record UserView(String username, String role, String regionCode, String regionName, boolean enabled,
                    String createdAt, String lastSignInAt, boolean locked) {
    }

    /** The signed-in account as the SPA reads it. */
    record Me(String username, String role, String regionCode, String regionName) {
    }

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final RegionCatalog regions;
    private final Clock clock;
    private final AccountFreshness freshness;

    AccountService(AccountStore accounts, PasswordEncoder encoder, RegionCatalog regions, Clock clock,
                   AccountFreshness freshness) {
        this.accounts = accounts;
        this.freshness = freshness;
        this.encoder = encoder;
        this.regions = regions;
        this.clock = clock;
    }

    Me me(AccountPrincipal p) {
        return new Me(p.username(), p.role().name(), p.regionCode(), regionName(p.regionCode()));
    }

    List<UserView> all() {
        return accounts.all().stream().map(this::view).toList();
    }

    UserView create(String username, String password, String role, String regionCode) {
        String name = username(username);
        String hash = encoder.encode(password(password, "password"));
        Account a = new Account(name, hash, Role.parse(role), region(regionCode), true, clock.instant());
        if (!accounts.create(a)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "用户名已存在: " + name, "Username exists: " + name);
        }
        return view(find(name));
    }

    /**
     * Changes role, region and enabled (each optional); the last enabled admin cannot be demoted or disabled. The
     * account's open sessions end (its version advances).
     */
    synchronized UserView update(String username, String role, String regionCode, Boolean enabled) {
        Account a = find(username);
        Role r = role == null ? a.role() : Role.parse(role);
        String region = regionCode == null ? a.regionCode() : region(regionCode);
        boolean on = enabled == null ? a.enabled() : enabled;
        boolean wasActiveAdmin = a.role() == Role.ADMIN && a.enabled();
        if (wasActiveAdmin && (r != Role.ADMIN || !on) && accounts.enabledAdmins() <= 1) {
            throw new ApiProblem(HttpStatus.CONFLICT, "至少保留一个启用的管理员", "At least one enabled admin must remain");
        }
        accounts.update(a.username(), r, region, on);
        freshness.forget(a.username());
        return view(find(a.username()));
    }

    /** The own password change; returns the account's new version (the caller's session keeps going at it). */
    long changePassword(String username, String current, String next) {
        Account a = find(username);
        if (current == null || a.passwordHash() == null || !encoder.matches(current, a.passwordHash())) {
            throw ApiProblem.badRequest("当前密码不正确", "The current password is wrong");
        }
        long version = accounts.setPassword(a.username(), encoder.encode(password(next, "newPassword")));
        freshness.forget(a.username());
        return version;
    }

    /** An admin sets a new password; this also lifts a lockout and ends the account's sessions. */
    void resetPassword(String username, String next) {
        Account a = find(username);
        accounts.setPassword(a.username(), encoder.encode(password(next, "newPassword")));
        freshness.forget(a.username());
    }

    Account find(String username) {
        if (username == null || username.length() > USERNAME_MAX) {
            throw ApiProblem.notFound("账号", "Account", username == null ? "" : username.substring(0, Math.min(USERNAME_MAX, username.length())));
        }
        return accounts.find(username).orElseThrow(() -> ApiProblem.notFound("账号", "Account", username));
    }

    private UserView view(Account a) {
        return new UserView(a.username(), a.role().name(), a.regionCode(), regionName(a.regionCode()), a.enabled(),
                a.createdAt() == null ? null : a.createdAt().toString(),
                a.lastSignInAt() == null ? null : a.lastSignInAt().toString(), a.lockedAt(clock.instant()));
    }

    private String regionName(String code) {
        return code == null ? null : regions.find(code).map(r -> regions.fullName(code)).orElse(null);
    }

    /** "" or null = national; otherwise a known 6-digit region code (400 when unknown). */
    private String region(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip();
        if (!c.matches("\\d{6}") || !regions.exists(c)) {
            throw ApiProblem.badRequest("未知的行政区划代码: " + (c.length() > 20 ? c.substring(0, 20) : c),
                    "Unknown region code: " + (c.length() > 20 ? c.substring(0, 20) : c));
        }
        return c;
    }

    private static String username(String s) {
        if (s == null || !USERNAME.matcher(s.strip()).matches()) {
            throw ApiProblem.badRequest("用户名须为 2 到 32 个字符（字母、数字、汉字、_ . -）",
                    "username must be 2..32 characters of letters, digits, Chinese characters, _ . -");
        }
        return s.strip();
    }

    static String password(String s, String field) {
        if (s == null || s.length() < PASSWORD_MIN || s.length() > PASSWORD_MAX) {
            throw ApiProblem.badRequest("密码须为 " + PASSWORD_MIN + " 到 " + PASSWORD_MAX + " 个字符",
                    field + " must be " + PASSWORD_MIN + ".." + PASSWORD_MAX + " characters");
        }
        return s;
    }
}
