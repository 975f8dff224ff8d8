package com.chainatlas.security;

/** How the audited action ended; the code is stored, the name shown. */
public enum AuditOutcome {
    OK("成功"), FAILED("失败"), DENIED("拒绝");

    private final String label;

    AuditOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static String label(String code) {
        for (AuditOutcome o : values()) {
            if (o.name().equals(code)) {
                return o.label;
            }
        }
        return code;
    }
}
