package com.chainatlas.ingest;

/** Normalisation of what people type into spreadsheets: full-width characters, stray whitespace. */
final class Text {

    private Text() {
    }

    /** Full-width ASCII (Ａ１，（）) to half-width, ideographic/non-breaking spaces to spaces. */
    static String halfWidth(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char d = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0)
                    : c == '\u3000' || c == '\u00A0' || c == '\u2007' || c == '\u202F' ? ' ' : c;
            if (d != c && sb == null) {
                sb = new StringBuilder(s);
            }
            if (sb != null) {
                sb.setCharAt(i, d);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * A name as stored: half-width, whitespace runs collapsed to one space, trimmed, and no space left
     * next to a Chinese character or bracket ("比亚迪 股份有限公司" → "比亚迪股份有限公司"); spaces between
     * Latin words stay ("BYD Auto").
     */
    static String name(String raw) {
        if (raw == null) {
            return "";
        }
        if (unchangedName(raw)) {
            return raw;
        }
        String s = halfWidth(raw);
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (blank(c)) {
                space = !sb.isEmpty();
                continue;
            }
            if (space && !(joins(c) || joins(sb.charAt(sb.length() - 1)))) {
                sb.append(' ');
            }
            space = false;
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Free text (说明, 经营范围, 主营产品) as typed: only the ends are trimmed. Unlike names it keeps its spaces and
     * full-width characters ("申万2021 三级行业" stays as written), since it is read, not matched.
     */
    static String freeText(String raw) {
        if (raw == null) {
            return "";
        }
        int start = 0;
        int end = raw.length();
        while (start < end && blank(raw.charAt(start))) {
            start++;
        }
        while (end > start && blank(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    /** Whitespace, a space character, zero-width space or BOM; ASCII and CJK text skip the Character look-ups. */
    static boolean blank(char c) {
        if (c > ' ' && c < '\u0080' || c > '\u3000' && c < '\uFEFF') {
            return false;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /** A code or id: half-width, no whitespace at all. */
    static String code(String raw) {
        if (raw == null) {
            return "";
        }
        if (plainAscii(raw)) {
            return raw; // nothing to change (the common case: called on every cell of a bulk load)
        }
        String s = halfWidth(raw);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!blank(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Header cell as a lookup key: half-width, no whitespace, no required-marker '*', lower case. */
    static String headerKey(String raw) {
        String s = code(raw).toLowerCase(java.util.Locale.ROOT);
        while (s.startsWith("*")) {
            s = s.substring(1);
        }
        while (s.endsWith("*")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Printable ASCII without spaces only: {@link #code} would return it as it is. */
    private static boolean plainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= '\u0080') {
                return false;
            }
        }
        return true;
    }

    /** No blank and nothing {@link #halfWidth} changes: {@link #name} would return it as it is. */
    private static boolean unchangedName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E' || blank(c)) { // blank covers the spaces halfWidth maps
                return false;
            }
        }
        return true;
    }

    /** A space next to a Chinese character or a bracket is dropped: "合肥 (测试) 新能源" → "合肥(测试)新能源". */
    private static boolean joins(char c) {
        return isCjk(c) || c == '(' || c == ')';
    }

    static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || (c >= '\u3000' && c <= '\u303F') || (c >= '\uFF00' && c <= '\uFFEF');
    }

    /** Shortens a cell value for a report. */
    static String clip(String s) {
        return clip(s, 100);
    }

    /** At most {@code max} characters (then "…"): a problem must not repeat a huge cell or header. */
    static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
