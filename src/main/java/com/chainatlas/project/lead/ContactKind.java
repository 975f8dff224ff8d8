package com.chainatlas.project.lead;

/** The kind of a contact-log entry. */
public enum ContactKind {
    VISIT("走访"),
    CALL("电话"),
    MEETING("会谈"),
    OTHER("其他");

    private final String zh;

    ContactKind(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
