package com.chainatlas.security;

/** What an audit entry records (docs/security.md lists when each is written); the code is stored, the name shown. */
public enum AuditAction {
    SIGN_IN("登录"), SIGN_IN_FAILED("登录失败"), SIGN_OUT("退出"), PASSWORD_CHANGED("修改密码"), USER_CREATED("新建用户"),
    USER_UPDATED("修改用户"), PASSWORD_RESET("重置密码"), IMPORT("导入"), EXPORT("导出"), LEAD_CHANGED("线索变更"),
    PROJECT_CHANGED("项目变更"), SETTINGS_CHANGED("设置变更"), ACCESS_DENIED("拒绝访问");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Chinese name of a stored code; an unknown code (written by a newer version) is shown as it is. */
    static String label(String code) {
        for (AuditAction a : values()) {
            if (a.name().equals(code)) {
                return a.label;
            }
        }
        return code;
    }
}
