package com.chainatlas.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.chainatlas.system.ApiProblem;

/** Browser sign-in: session cookie plus CSRF (see docs/security.md); scripts use HTTP Basic instead. */
@RestController
@Tag(name = "auth", description = "登录、退出、当前账号、修改密码")
class AuthController {

    record Credentials(String username, String password) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    private final AuthenticationManager authentication;
    private final HttpSessionSecurityContextRepository sessions;
    private final AccountService accounts;
    private final AuditLog audit;
    private final CookieCsrfTokenRepository csrfTokens;

    AuthController(AuthenticationManager authentication, HttpSessionSecurityContextRepository sessions,
                   AccountService accounts, AuditLog audit, CookieCsrfTokenRepository csrfTokens) {
        this.authentication = authentication;
        this.csrfTokens = csrfTokens;
        this.sessions = sessions;
        this.accounts = accounts;
        this.audit = audit;
    }

    @PostMapping("/api/auth/login")
    @Operation(summary = "Sign in with {username, password}; starts a session (needs the X-XSRF-TOKEN header)")
    ResponseEntity<?> login(@RequestBody(required = false) Credentials body, HttpServletRequest request,
                            HttpServletResponse response) throws IOException {
        String username = body == null || body.username() == null ? "" : body.username().strip();
        String shown = username.length() > AccountService.USERNAME_MAX ? username.substring(0, AccountService.USERNAME_MAX) : username;
        Authentication result;
        try {
            result = authentication.authenticate(new AccountAuthenticationProvider.SignIn(username,
                    body == null || body.password() == null ? "" : body.password()));
        } catch (AuthenticationException e) {
            String why = e instanceof SignInLocked ? "locked" : e instanceof DisabledException ? "disabled"
                    : e instanceof BadCredentialsException ? "bad credentials" : "unavailable";
            audit.record(shown, AuditAction.SIGN_IN_FAILED, shown, why,
                    e instanceof SignInLocked ? AuditOutcome.DENIED : AuditOutcome.FAILED, AuditLog.ip(request));
            ProblemHandlers.signInFailure(request, response, e);
            return null;
        }
        // a fresh session id for the signed-in session (no fixation of one planted before sign-in)
        HttpSession old = request.getSession(false);
        if (old != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(result);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        // a new CSRF token too: one read (or planted) before sign-in is worthless after it
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        AccountPrincipal p = (AccountPrincipal) result.getPrincipal();
        audit.record(p.username(), AuditAction.SIGN_IN, p.username(), null, AuditOutcome.OK, AuditLog.ip(request));
        return ResponseEntity.ok(accounts.me(p));
    }

    @PostMapping("/api/auth/logout")
    @Operation(summary = "Sign out: the session ends and the CSRF cookie is cleared")
    ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
        String user = CurrentAccount.username();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        csrfTokens.saveToken(null, request, response); // the next sign-in fetches a fresh one
        audit.record(user, AuditAction.SIGN_OUT, user, null, AuditOutcome.OK, AuditLog.ip(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/auth/me")
    @Operation(summary = "The signed-in account: username, role, region scope")
    AccountService.Me me() {
        return accounts.me(principal());
    }

    @GetMapping("/api/auth/csrf")
    @Operation(summary = "The CSRF token for X-XSRF-TOKEN (also set as the XSRF-TOKEN cookie)")
    Map<String, String> csrf(HttpServletRequest request) {
        // the raw token (as in the cookie), which the SPA handler compares the header with
        Object deferred = request.getAttribute(DeferredCsrfToken.class.getName());
        CsrfToken token = deferred instanceof DeferredCsrfToken d ? d.get() : (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return Map.of("token", token == null ? "" : token.getToken());
    }

    @PostMapping("/api/auth/password")
    @Operation(summary = "Change the own password: {currentPassword, newPassword} (8..128 characters); other sessions end")
    ResponseEntity<Void> changePassword(@RequestBody(required = false) PasswordChange body, HttpServletRequest request,
                                        HttpServletResponse response) {
        if (body == null) {
            throw ApiProblem.badRequest("请提供当前密码和新密码", "currentPassword and newPassword are required");
        }
        AccountPrincipal p = principal();
        long version = accounts.changePassword(p.username(), body.currentPassword(), body.newPassword());
        keepThisSession(p.withAuthVersion(version), request, response);
        audit.record(AuditAction.PASSWORD_CHANGED, p.username(), null, AuditOutcome.OK);
        return ResponseEntity.noContent().build();
    }

    /**
     * The version advanced, which ends every session of the account; this one (a browser session, not HTTP Basic)
     * goes on at the new version.
     */
    private void keepThisSession(AccountPrincipal p, HttpServletRequest request, HttpServletResponse response) {
        Authentication old = SecurityContextHolder.getContext().getAuthentication();
        if (request.getSession(false) == null || AccessRules.hasAuthorization(request) || old == null) {
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, old.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }

    private static AccountPrincipal principal() {
        return CurrentAccount.get().orElseThrow(() -> new ApiProblem(org.springframework.http.HttpStatus.UNAUTHORIZED,
                "请先登录", "sign-in required"));
    }
}
