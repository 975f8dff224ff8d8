package com.chainatlas.project;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.chainatlas.system.ApiProblem;

/** Size limits and parsing shared by the ledger's requests: every text is bounded, every bad value a 400. */
public final class Limits {

    public static final int NAME = 100;
    public static final int PERSON = 50;
    public static final int DEPARTMENT = 100;
    public static final int ACTION = 200;
    public static final int NOTE = 2000;
    public static final int REASON = 500;
    public static final int SEGMENTS = 20;
    public static final int PAGE_SIZE = 200;
    /** No single project is larger than this (亿元); a bigger figure is a unit mistake (元 typed as 亿元). */
    public static final double MAX_INVESTMENT_YI = 100_000;

    private Limits() {
    }

    /** Trimmed text, null when blank; refused when longer than {@code max}. */
    public static String text(String value, int max, String fieldZh) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ApiProblem.badRequest(fieldZh + "过长（最多 " + max + " 个字符）", fieldZh + " is longer than " + max + " characters");
        }
        return v;
    }

    public static String required(String value, int max, String fieldZh) {
        String v = text(value, max, fieldZh);
        if (v == null) {
            throw ApiProblem.badRequest("请填写" + fieldZh, fieldZh + " is required");
        }
        return v;
    }

    public static LocalDate date(String value, String fieldZh) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(fieldZh + "须为 YYYY-MM-DD 格式的日期: " + value, fieldZh + " must be a date YYYY-MM-DD: " + value);
        }
    }

    /** An investment in 亿元: null stays null (unknown), negative or absurd figures are refused. */
    public static Double investment(Double value, String fieldZh) {
        if (value == null) {
            return null;
        }
        if (value.isNaN() || value < 0 || value > MAX_INVESTMENT_YI) {
            throw ApiProblem.badRequest(fieldZh + "须在 0 到 " + (long) MAX_INVESTMENT_YI + " 亿元之间",
                    fieldZh + " must be between 0 and " + (long) MAX_INVESTMENT_YI + " (亿元)");
        }
        return value;
    }

    public static <E extends Enum<E>> E choice(Class<E> type, String value, String fieldZh) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : "、").append(c.name());
            }
            throw ApiProblem.badRequest(fieldZh + "无效: " + value + "（可选 " + allowed + "）", fieldZh + " is invalid: " + value);
        }
    }

    public static void pageSize(int size) {
        if (size > PAGE_SIZE) {
            throw ApiProblem.badRequest("每页条数最多 " + PAGE_SIZE, "size must be at most " + PAGE_SIZE);
        }
    }
}
