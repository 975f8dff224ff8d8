package com.chainatlas.security;

import java.util.Locale;

import com.chainatlas.system.ApiProblem;

/** What an account may do; ADMIN > ANALYST > VIEWER (each includes the ones below, see SecurityConfiguration). */
public enum Role {
    ADMIN, ANALYST, VIEWER;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }

    static Role parse(String s) {
        if (s == null || s.isBlank()) {
            throw ApiProblem.badRequest("请指定角色 (ADMIN、ANALYST 或 VIEWER)", "role must be ADMIN, ANALYST or VIEWER");
        }
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("角色须为 ADMIN、ANALYST 或 VIEWER", "role must be ADMIN, ANALYST or VIEWER");
        }
    }
}
