package com.chainatlas.analysis;

/** A segment's standing in a region (环节诊断结论), with the action the speeches pair with it. */
public enum Verdict {
    /** 空白: no local enterprise → 补链. */
    MISSING("空白", "补链"),
    /** 薄弱: present but thin → 强链. */
    WEAK("薄弱", "强链"),
    /** 一般: present, no weakness or strength rule fired → 稳链. */
    PRESENT("一般", "稳链"),
    /** 优势: concentrated here or hosts a national leader → 固链/延链 from here. */
    STRONG("优势", "固链");

    private final String zh;
    private final String actionZh;

    Verdict(String zh, String actionZh) {
        this.zh = zh;
        this.actionZh = actionZh;
    }

    public String zh() {
        return zh;
    }

    public String actionZh() {
        return actionZh;
    }
}
