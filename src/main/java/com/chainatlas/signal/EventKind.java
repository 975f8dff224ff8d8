package com.chainatlas.signal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of expansion event, with their base strength (how strongly one such event says "this firm is
 * investing now") and the words a reason uses. Base strengths: a financing round or a new plant means money is
 * about to be spent (1.0); outward investment (0.8) and a new branch (0.7) mean it is looking for places; a won
 * tender (0.5), hiring (0.4) and a granted patent (0.3) are weaker, more routine signs of growth.
 */
public enum EventKind {
    FUNDING("融资", 1.0, "完成融资"),
    BRANCH("新设分支机构", 0.7, "新设分支机构"),
    INVESTMENT("对外投资", 0.8, "对外投资"),
    EXPANSION("扩产/新建项目", 1.0, "扩产/新建项目"),
    HIRING("招聘", 0.4, "扩大招聘"),
    BID_WON("中标", 0.5, "中标"),
    PATENT("专利授权", 0.3, "获专利授权");

    /** The name users type and see (the import's 事件类型). */
    public final String zh;
    /** Base strength in [0, 1]. */
    public final double base;
    /** The verb phrase of a reason: "2026-09 完成融资 3 亿元". */
    public final String verb;

    EventKind(String zh, double base, String verb) {
        this.zh = zh;
        this.base = base;
        this.verb = verb;
    }

    /** By enum name or Chinese name. */
    public static Optional<EventKind> find(String s) {
        return Arrays.stream(values()).filter(k -> k.name().equals(s) || k.zh.equals(s)).findFirst();
    }
}
