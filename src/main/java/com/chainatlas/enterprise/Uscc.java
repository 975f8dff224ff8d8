package com.chainatlas.enterprise;

import java.util.Optional;

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters =
 * registration authority (1) + organisation type (1) + region code (6) + organisation code (9, GB 11714,
 * with its own check character) + check character (1).
 */
public final class Uscc {

    /** The 31 characters allowed (no I, O, Z, S, V); a character's value is its index. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private Uscc() {
    }

    /** The reason a code is invalid, in Chinese, or empty when it is valid. Upper-cases and strips first. */
    public static Optional<String> problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of("统一社会信用代码为空");
        }
        String code = normalise(raw);
        if (code.length() != 18) {
            return Optional.of("统一社会信用代码须为 18 位，实际 " + code.length() + " 位");
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("第 " + (i + 1) + " 位字符 '" + code.charAt(i) + "' 不允许 (GB 32100-2015 不使用 I、O、Z、S、V)");
            }
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return Optional.of("第 3–8 位须为行政区划代码数字");
        }
        char expected = checkChar(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            // the expected character is not printed: it invites changing the last character of a mistyped code
            return Optional.of("校验位错误: 代码中有字符录入有误 (任一位都可能)，请与营业执照逐位核对");
        }
        return Optional.empty();
    }

    /** Prefix of provisional keys: never a valid code (no 18-character code contains '-'). */
    public static final String PROVISIONAL_PREFIX = "NC";

    /**
     * The stable identity of an enterprise listed without a code (无信用代码): "NC" + region code + "-" + 16 hex
     * digits of SHA-256 over the normalised full name. Stored in the {@code uscc} property (so every look-up and
     * endpoint keyed on it works) with {@code provisional: true}; a later row with the same name, region and a
     * real code replaces it in place.
     */
    public static String provisionalKey(String fullName, String regionCode) {
        StringBuilder name = new StringBuilder();
        for (char c : fullName.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (!Character.isWhitespace(c) && c != '\u3000') {
                name.append(Character.toUpperCase(c));
            }
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(name.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return PROVISIONAL_PREFIX + regionCode + "-" + java.util.HexFormat.of().formatHex(d, 0, 8).toUpperCase();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Whether a key is a provisional one ({@link #provisionalKey}). */
    public static boolean isProvisional(String key) {
        return key != null && key.length() == 25 && key.startsWith(PROVISIONAL_PREFIX) && key.charAt(8) == '-'
                && key.substring(2, 8).chars().allMatch(Character::isDigit);
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }

    /** Upper case, full-width to half-width, whitespace removed. */
    public static String normalise(String raw) {
        if (isPlain(raw)) {
            return raw; // the common case in bulk files: nothing to change, no copy
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (!Character.isWhitespace(c) && c != '\u3000') {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    private static boolean isPlain(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** GB 32100-2015 check character of the first 17 characters. */
    public static char checkChar(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character not allowed: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    /** GB 11714 check character of an 8-character organisation code body (digits and A–Z). */
    public static char organisationCheckChar(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** Builds a valid code for an enterprise (9 + 1) in {@code regionCode} from an 8-digit serial. */
    public static String of(String regionCode, long serial) {
        String body = String.format("%08d", serial % 100_000_000L);
        String first17 = "91" + regionCode + body + organisationCheckChar(body);
        return first17 + checkChar(first17);
    }
}
