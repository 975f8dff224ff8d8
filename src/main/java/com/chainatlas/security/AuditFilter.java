package com.chainatlas.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.ClockConfiguration;
import com.chainatlas.system.Limits;

/** Which audit entries a page or export shows: user, action, and office dates from/to (inclusive); each optional. */
record AuditFilter(String user, String action, Instant from, Instant to) {

    static final String WHERE = """
            WHERE ($user IS NULL OR e.user = $user) AND ($action IS NULL OR e.action = $action)
              AND ($from IS NULL OR e.at >= $from) AND ($to IS NULL OR e.at < $to)
            """;

    static AuditFilter of(String user, String action, String from, String to) {
        String u = blankToNull(Limits.text("用户名", "user", user, Limits.NAME));
        String a = blankToNull(Limits.text("操作", "action", action, Limits.ID));
        if (a != null) {
            try {
                a = AuditAction.valueOf(a).name();
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("未知的操作类型: " + a, "Unknown audit action: " + a);
            }
        }
        LocalDate f = date(from, "from");
        LocalDate t = date(to, "to");
        return new AuditFilter(u, a, f == null ? null : f.atStartOfDay(ClockConfiguration.OFFICE_ZONE).toInstant(),
                t == null ? null : t.plusDays(1).atStartOfDay(ClockConfiguration.OFFICE_ZONE).toInstant());
    }

    Map<String, Object> params() {
        Map<String, Object> p = new HashMap<>();
        p.put("user", user);
        p.put("action", action);
        p.put("from", from == null ? null : from.atZone(java.time.ZoneOffset.UTC));
        p.put("to", to == null ? null : to.atZone(java.time.ZoneOffset.UTC));
        return p;
    }

    private static LocalDate date(String s, String name) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(Limits.text("日期", name, s, 10).strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("日期格式须为 YYYY-MM-DD: " + s, name + " must be YYYY-MM-DD");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
