package com.chainatlas.security;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.chainatlas.system.ApiProblem;

/** Accounts for admins: list, create, change role/region/enabled, reset a password. */
@RestController
@Tag(name = "admin", description = "账号管理 (ADMIN)")
class UserAdminController {

    record NewUser(String username, String password, String role, String regionCode) {
    }

    record UserChange(String role, String regionCode, Boolean enabled) {
    }

    record PasswordReset(String newPassword) {
    }

    private final AccountService accounts;
    private final AuditLog audit;

    UserAdminController(AccountService accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/api/admin/users")
    List<AccountService.UserView> users() {
        return accounts.all();
    }

    @PostMapping("/api/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account {username, password, role, regionCode} (regionCode empty = national)")
    AccountService.UserView create(@RequestBody(required = false) NewUser body) {
        if (body == null) {
            throw ApiProblem.badRequest("请提供用户名、密码和角色", "username, password and role are required");
        }
        AccountService.UserView v = accounts.create(body.username(), body.password(), body.role(), body.regionCode());
        audit.record(AuditAction.USER_CREATED, v.username(), describe(v), AuditOutcome.OK);
        return v;
    }

    @PatchMapping("/api/admin/users/{username}")
    @Operation(summary = "Change role, regionCode (\"\" = national) or enabled; the last enabled admin stays")
    AccountService.UserView update(@PathVariable String username, @RequestBody(required = false) UserChange body) {
        UserChange c = body == null ? new UserChange(null, null, null) : body;
        AccountService.UserView v = accounts.update(username, c.role(), c.regionCode(), c.enabled());
        audit.record(AuditAction.USER_UPDATED, v.username(), describe(v), AuditOutcome.OK);
        return v;
    }

    @PostMapping("/api/admin/users/{username}/password")
    @Operation(summary = "Set a new password for an account (also lifts a lockout)")
    ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody(required = false) PasswordReset body) {
        accounts.resetPassword(username, body == null ? null : body.newPassword());
        audit.record(AuditAction.PASSWORD_RESET, username, null, AuditOutcome.OK);
        return ResponseEntity.noContent().build();
    }

    private static String describe(AccountService.UserView v) {
        return "role=" + v.role() + ", region=" + (v.regionCode() == null ? "全国" : v.regionCode()) + ", enabled=" + v.enabled();
    }
}
