package com.chainatlas.signal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * One dated event of an enterprise (扩张动态).
 *
 * @param id     natural key: a digest of enterprise, kind, date and title, so re-importing the same event updates it
 * @param amount 万元; null when nobody gave it (unknown, not 0)
 * @param place  6-digit region code where it happens (the new branch's city, the plant's county), or null
 * @param source where the team learned it (企查查, 公告, 新闻 …), or null
 * @param sample part of the bundled 示例数据
 */
public record ExpansionEvent(String id, String uscc, EventKind kind, LocalDate date, Double amount, String place,
                             String title, String source, boolean sample) {

    /** The natural key of an event: who, what kind, when, which headline. */
    public static String key(String uscc, EventKind kind, LocalDate date, String title) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((uscc + '\u0001' + kind.name() + '\u0001' + date
                    + '\u0001' + (title == null ? "" : title)).getBytes(StandardCharsets.UTF_8));
            return "EV-" + HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
