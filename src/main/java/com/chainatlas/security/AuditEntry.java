package com.chainatlas.security;

import java.time.Instant;

/**
 * One line of the audit log, as stored in {@code (:AuditEntry)} and listed to admins: {@code action} and
 * {@code outcome} are the stored codes (filters use them), {@code actionName} and {@code outcomeName} their Chinese names.
 */
public record AuditEntry(Instant at, String user, String action, String target, String detail, String outcome, String ip,
                         String actionName, String outcomeName) {

    AuditEntry(Instant at, String user, String action, String target, String detail, String outcome, String ip) {
        this(at, user, action, target, detail, outcome, ip, AuditAction.label(action), AuditOutcome.label(outcome));
    }
}
