package com.chainatlas.security;

import java.time.Instant;

/** One line of the audit log, as stored in {@code (:AuditEntry)} and listed to admins. */
public record AuditEntry(Instant at, String user, String action, String target, String detail, String outcome, String ip) {
}
