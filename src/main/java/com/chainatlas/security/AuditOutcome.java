package com.chainatlas.security;

/** How the audited action ended. */
public enum AuditOutcome {
    OK, FAILED, DENIED
}
