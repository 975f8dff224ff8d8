package com.chainatlas.system;

/**
 * Size limits of everything a client sends, in one place so every controller and filter agrees. A request beyond
 * one is refused with 400 before any work is done (an unbounded name or list lets one request cost megabytes).
 */
public final class Limits {

    /** Names people type: a saved list's name, a user, a submitter. */
    public static final int NAME = 100;
    /** Identifiers: chain, segment, list, job ids, region codes. */
    public static final int ID = 100;
    /** Any single query-parameter value. */
    public static final int PARAM_VALUE = 2_000;
    /** Query-parameter values of one request, all names together. */
    public static final int PARAM_VALUES = 300;
    /** Entries of a list parameter or list field (segments, tags, provinces). */
    public static final int LIST = 200;
    /** A JSON request body. */
    public static final long JSON_BODY_BYTES = 1 << 20;
    /** A download's file name (code points, before encoding). */
    public static final int FILE_NAME = 120;

    private Limits() {
    }

    /** Stripped text, null when blank; 400 when longer than {@code max}. */
    public static String text(String zh, String en, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.codePointCount(0, s.length()) > max) {
            throw ApiProblem.badRequest(zh + "过长（最多 " + max + " 个字符）", en + " is too long (at most " + max + " characters)");
        }
        return s;
    }

    /** 400 when a list holds more than {@link #LIST} entries or an entry longer than {@link #ID}. */
    public static void list(String zh, String en, java.util.Collection<String> values) {
        if (values == null) {
            return;
        }
        if (values.size() > LIST) {
            throw ApiProblem.badRequest(zh + "最多 " + LIST + " 项", en + ": at most " + LIST + " entries");
        }
        for (String v : values) {
            text(zh, en, v, ID);
        }
    }
}
