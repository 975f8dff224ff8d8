package com.chainatlas.assignment;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits the free text stored on an enterprise into phrases: 主营产品 items (full weight) and 经营范围 items
 * (half weight: a scope lists what a firm may do, not what it sells). Text is bounded so one pathological
 * record cannot slow a batch down.
 */
public final class FirmText {

    /** Characters of each text field that are read; the rest is ignored. */
    public static final int MAX_TEXT = 4000;
    /** Phrases kept per firm. */
    public static final int MAX_PHRASES = 120;
    /** Characters kept per phrase. */
    public static final int MAX_PHRASE = 40;

    static final double SCOPE_WEIGHT = 0.5;
    /** An enterprise's name often says its trade (…电池材料有限公司), but less surely than its products. */
    static final double NAME_WEIGHT = 0.3;
    private static final Pattern LEGAL_FORM = Pattern.compile("股份有限公司|有限责任公司|有限公司|股份公司|集团|股份|公司");

    private static final Pattern SEPARATORS = Pattern.compile("[、，,；;。:：/|\\s\\n\\r\\t（）()【】\\[\\]《》\"“”'‘’!！?？]+");
    /** Scope boilerplate that says nothing about the trade. */
    private static final Pattern SCOPE_NOISE = Pattern.compile(
            "依法须经批准的项目|经相关部门批准后方可开展经营活动|具体经营项目以审批结果为准|凭营业执照依法自主开展经营活动|"
                    + "除依法须经批准的项目外|一般项目|许可项目|一般经营项目|许可经营项目");

    private FirmText() {
    }

    /** The phrases of a firm's 主营产品 and 经营范围 (either may be null); empty when both say nothing. */
    public static List<Phrase> phrases(String mainProducts, String businessScope) {
        List<Phrase> out = new ArrayList<>();
        add(out, mainProducts, 1.0, false);
        add(out, businessScope, SCOPE_WEIGHT, true);
        return out;
    }

    /**
     * The phrases of {@link #phrases(String, String)} plus the enterprise's name without its legal form, when
     * there is product or scope text at all (a name alone is too little to go on).
     */
    public static List<Phrase> phrases(String name, String mainProducts, String businessScope) {
        List<Phrase> out = phrases(mainProducts, businessScope);
        if (!out.isEmpty() && name != null) {
            String n = normalise(LEGAL_FORM.matcher(name.length() > MAX_TEXT ? name.substring(0, MAX_TEXT) : name).replaceAll(""));
            if (!n.isEmpty()) {
                out.add(new Phrase(n.length() > MAX_PHRASE ? n.substring(0, MAX_PHRASE) : n, NAME_WEIGHT, true));
            }
        }
        return out;
    }

    /** Normalised form of a phrase: NFKC (full-width to half-width), lower case, no spaces. */
    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static void add(List<Phrase> out, String text, double weight, boolean scope) {
        if (text == null || text.isBlank()) {
            return;
        }
        String t = Normalizer.normalize(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text, Normalizer.Form.NFKC);
        if (scope) {
            t = SCOPE_NOISE.matcher(t).replaceAll(" ");
        }
        for (String part : SEPARATORS.split(t)) {
            String p = normalise(part);
            if (p.isEmpty() || p.chars().allMatch(Character::isDigit)) {
                continue;
            }
            if (out.size() >= MAX_PHRASES) {
                return;
            }
            out.add(new Phrase(p.length() > MAX_PHRASE ? p.substring(0, MAX_PHRASE) : p, weight));
        }
    }
}
