package com.chainatlas.security;

/** What an audit entry records (docs/security.md lists when each is written). */
public enum AuditAction {
    SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, PASSWORD_CHANGED, USER_CREATED, USER_UPDATED, PASSWORD_RESET, IMPORT, EXPORT,
    LEAD_CHANGED, PROJECT_CHANGED, SETTINGS_CHANGED, ACCESS_DENIED
}
