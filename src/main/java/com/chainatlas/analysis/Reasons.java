package com.chainatlas.analysis;

import com.chainatlas.analysis.DiagnosisModel.Reason;

/**
 * The sentences of every rule, in Chinese (read aloud in a meeting) and English, with the figure and threshold
 * as numbers beside them. One method per {@link Rule}.
 */
final class Reasons {

    private Reasons() {
    }

    static Reason noLocal(int national) {
        return new Reason("MISSING", Rule.NO_LOCAL_ENTERPRISE, "本地无该环节企业（全国 " + national + " 家）",
                "No local enterprise in this segment (" + national + " nationally)", 0.0, null);
    }

    static Reason lowLq(double lq, double limit) {
        return new Reason("WEAK", Rule.LOW_LOCATION_QUOTIENT, "区位熵 " + f2(lq) + "，低于薄弱阈值 " + f2(limit),
                "Location quotient " + f2(lq) + ", below the weak threshold " + f2(limit), lq, limit);
    }

    static Reason fewLocal(int n, int min) {
        return new Reason("WEAK", Rule.FEW_LOCAL_ENTERPRISES, "本地企业 " + n + " 家，少于阈值 " + min + " 家",
                n + " local enterprise" + (n == 1 ? "" : "s") + ", below the minimum of " + min, (double) n, (double) min);
    }

    static Reason single(String name, double share, double limit) {
        return new Reason("WEAK", Rule.SINGLE_ENTERPRISE,
                "单一企业（" + name + "）占本地该环节营收 " + pct(share) + "，不低于阈值 " + pct(limit),
                "One enterprise (" + name + ") carries " + pct(share) + " of local revenue, at or above " + pct(limit),
                share, limit);
    }

    static Reason outsideInputs(int outside, int relations, double share, double limit) {
        return new Reason("WEAK", Rule.OUTSIDE_INPUTS,
                "本地企业采购该环节的 " + relations + " 条供应关系中 " + outside + " 条来自区外（" + pct(share) + "），不低于阈值 " + pct(limit),
                outside + " of " + relations + " supply relations into local enterprises from this segment come from outside ("
                        + pct(share) + "), at or above " + pct(limit), share, limit);
    }

    static Reason noRule(int n, Double lq) {
        String lqZh = lq == null ? "" : "，区位熵 " + f2(lq);
        String lqEn = lq == null ? "" : ", location quotient " + f2(lq);
        return new Reason("PRESENT", Rule.NO_RULE_FIRED, "本地企业 " + n + " 家" + lqZh + "，未触发薄弱或优势规则",
                n + " local enterprise" + (n == 1 ? "" : "s") + lqEn + ": no weak or strong rule fired", lq, null);
    }

    static Reason highLq(double lq, double limit, int n, int min) {
        return new Reason("STRONG", Rule.HIGH_LOCATION_QUOTIENT,
                "区位熵 " + f2(lq) + "，不低于优势阈值 " + f2(limit) + "，且本地企业 " + n + " 家（不少于 " + min + " 家）",
                "Location quotient " + f2(lq) + " at or above the strong threshold " + f2(limit) + ", with " + n
                        + " local enterprises (minimum " + min + ")", lq, limit);
    }

    static Reason nationalLeader(String name, int rank) {
        return new Reason("STRONG", Rule.NATIONAL_LEADER_LOCAL, "全国营收第 " + rank + " 的企业（" + name + "）位于本地",
                "The national No. " + rank + " enterprise by revenue (" + name + ") is local", (double) rank, 3.0);
    }

    static Reason nextToStrong(String strongNames, int steps, double relatedness, int present, int neighbours) {
        return new Reason("EXTEND", Rule.NEXT_TO_STRONG,
                "与优势环节（" + strongNames + "）在供应流向上相距 " + steps + " 步以内；相关度 " + f2(relatedness)
                        + "（相邻 " + neighbours + " 个环节中本地已有 " + present + " 个）",
                "Within " + steps + " flow step" + (steps == 1 ? "" : "s") + " of strong segment(s) " + strongNames
                        + "; relatedness " + f2(relatedness) + " (the region has " + present + " of " + neighbours
                        + " neighbouring segments)", relatedness, null);
    }

    static Reason chokepoint() {
        return new Reason("CRITICAL", Rule.CHOKEPOINT, "从原材料到终端产品的每条供应路径都经过该环节",
                "Every supply path from raw materials to end products passes this segment", null, null);
    }

    static Reason hhi(double hhi, double limit) {
        return new Reason("CRITICAL", Rule.CONCENTRATED_HHI,
                "全国营收集中度 HHI " + f0(hhi) + "，不低于阈值 " + f0(limit),
                "National revenue concentration HHI " + f0(hhi) + ", at or above " + f0(limit), hhi, limit);
    }

    static Reason fewNational(int n, int limit) {
        return new Reason("CRITICAL", Rule.FEW_NATIONAL_ENTERPRISES, "全国仅 " + n + " 家企业，不多于 " + limit + " 家",
                "Only " + n + " enterprise" + (n == 1 ? "" : "s") + " nationally (at most " + limit + ")", (double) n,
                (double) limit);
    }

    static Reason topProvince(String province, double share, double limit) {
        return new Reason("CRITICAL", Rule.CONCENTRATED_PROVINCE,
                province + "占全国该环节营收 " + pct(share) + "，不低于阈值 " + pct(limit),
                province + " holds " + pct(share) + " of national revenue in this segment, at or above " + pct(limit),
                share, limit);
    }

    /** The count fallback of the province rule: revenue known for too few firms, so enterprises are counted. */
    static Reason topProvinceByCount(String province, double share, double limit, int known, int total) {
        return new Reason("CRITICAL", Rule.CONCENTRATED_PROVINCE,
                province + "占全国该环节企业数 " + pct(share) + "（按企业数：营收已知 " + known + "/" + total
                        + " 家，不足以按营收判断），不低于阈值 " + pct(limit),
                province + " holds " + pct(share) + " of the segment's enterprises nationally (by count: revenue known for "
                        + known + " of " + total + "), at or above " + pct(limit), share, limit);
    }

    /**
     * A revenue rule that was not judged because revenue is known for too few of the enterprises it is about:
     * the rule does not fire, and says so.
     */
    static Reason notJudged(Rule rule, String ruleZh, String ruleEn, String whoZh, String whoEn, int known, int total,
                            double coverage) {
        return new Reason("NOT_JUDGED", rule,
                "营收未知，未判断" + ruleZh + "：" + whoZh + " " + total + " 家企业中营收已知 " + known + " 家，低于 "
                        + pct(coverage),
                "Revenue unknown, " + ruleEn + " not judged: revenue known for " + known + " of " + total + " "
                        + whoEn + " enterprises, below " + pct(coverage),
                total == 0 ? null : (double) known / total, coverage);
    }

    /** Chain-level: revenue rules were not judged (null when enough revenue is known nationally). */
    static String chainRevenueNote(int known, int total, double coverage) {
        return "全国 " + total + " 家企业中营收已知 " + known + " 家（低于 " + pct(coverage) + "）：营收已知不足的环节不判断营收类规则"
                + "（全国营收前三、单一企业占比、营收集中度、按营收的区位熵），省份集中度按企业数；结论按企业数与供应关系得出";
    }

    static Reason dependency(int outside, int relations, double share, double limit) {
        return new Reason("DEPENDENCY", Rule.OUTSIDE_DEPENDENCY,
                "关键环节依赖区外：本地企业该环节的 " + relations + " 条采购关系中 " + outside + " 条来自区外（" + pct(share)
                        + "），不低于阈值 " + pct(limit),
                "Critical segment bought from outside: " + outside + " of " + relations
                        + " supply relations into local enterprises (" + pct(share) + "), at or above " + pct(limit),
                share, limit);
    }

    // Hand-rolled number formatting: java.util.Formatter re-initialises locale symbols on every call, which
    // cost more than the whole region scan (measured with JFR in the benchmark).

    /** Two decimals, e.g. 0.57. */
    static String f2(double x) {
        return fixed(x, 2);
    }

    /** No decimals, thousands separated by commas, e.g. 8,200. */
    static String f0(double x) {
        long v = Math.round(Math.abs(x));
        String digits = Long.toString(v);
        StringBuilder b = new StringBuilder(x < 0 && v != 0 ? "-" : "");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    /** A share as a whole percentage, e.g. 83%. */
    static String pct(double x) {
        return Math.round(100 * x) + "%";
    }

    static String fixed(double x, int decimals) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        long scale = decimals == 2 ? 100 : (long) Math.pow(10, decimals);
        long v = Math.round(Math.abs(x) * scale);
        String frac = Long.toString(v % scale);
        StringBuilder b = new StringBuilder(x < 0 && v != 0 ? "-" : "").append(v / scale).append('.');
        for (int i = frac.length(); i < decimals; i++) {
            b.append('0');
        }
        return b.append(frac).toString();
    }
}
