package com.chainatlas.analysis;

import com.chainatlas.system.ApiProblem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the diagnosis rules (诊断阈值), set under {@code chainatlas.diagnosis.*} and overridable per
 * request (query parameters of the same names). Every response echoes the values it used.
 *
 * @param minEnterprises      a present segment with fewer local enterprises is 薄弱 (WEAK); a segment needs at
 *                            least this many for 优势 (STRONG) by location quotient. Default 3: one or two firms are
 *                            one closure away from a gap.
 * @param weakLq              location quotient (by count) below which a present segment is WEAK. Default 0.6: the
 *                            region holds well under its "fair share" of the segment.
 * @param strongLq            location quotient (by count) at or above which a segment is STRONG. Default 1.5, a
 *                            common cut-off for a specialised cluster in regional-economics practice.
 * @param singleEnterpriseShare share of the segment's local revenue carried by one enterprise at or above which the
 *                            segment is WEAK (it rests on a single firm). Default 0.8.
 * @param outsideInputShare   share of the supply relations into local enterprises, from this segment, whose
 *                            supplier is outside the region, at or above which the segment is WEAK (local customers
 *                            buy it mostly from outside), and, for a CRITICAL segment, a 卡脖子 DEPENDENCY. Default 0.7.
 * @param minSupplyRelations  fewest supply relations before sourcing shares are judged (fewer are noise). Default 5.
 * @param extendSteps         FEEDS steps (either direction, return flows excluded) within which a MISSING or WEAK
 *                            segment next to a STRONG one is a 延链 candidate. Default 1 (direct neighbours).
 * @param hhiLimit            national Herfindahl–Hirschman index (revenue shares in %, 0–10,000) at or above which
 *                            supply is concentrated (CRITICAL). Default 2,500, the usual "highly concentrated" line.
 * @param fewEnterprises      a segment with at most this many enterprises nationally is CRITICAL. Default 5.
 * @param topProvinceShare    share of national segment revenue in one province at or above which the segment is
 *                            CRITICAL. Default 0.5. When revenue is judged too rarely known (below), the share of
 *                            the segment's enterprises is used instead, and the reason says "按企业数".
 * @param minRevenueCoverage  unknown is not zero: a rule or ratio built on revenue is judged only when revenue is
 *                            known for at least this share of the enterprises it is about (the segment's national
 *                            enterprises for the national top-3, HHI and province rules; the segment's local ones
 *                            for the single-enterprise rule; both sides for shares and LQ by revenue; the chain's
 *                            national enterprises for the 链主 score by size). Below it the rule does not fire and
 *                            the reasons say "营收未知，未判断…". Default 0.8: a fifth unknown can hide a leader.
 */
@ConfigurationProperties("chainatlas.diagnosis")
public record DiagnosisSettings(
        @DefaultValue("3") int minEnterprises,
        @DefaultValue("0.6") double weakLq,
        @DefaultValue("1.5") double strongLq,
        @DefaultValue("0.8") double singleEnterpriseShare,
        @DefaultValue("0.7") double outsideInputShare,
        @DefaultValue("5") int minSupplyRelations,
        @DefaultValue("1") int extendSteps,
        @DefaultValue("2500") double hhiLimit,
        @DefaultValue("5") int fewEnterprises,
        @DefaultValue("0.5") double topProvinceShare,
        @DefaultValue("0.8") double minRevenueCoverage) {

    public DiagnosisSettings {
        check(minEnterprises >= 1 && minEnterprises <= 10_000, "minEnterprises", "1..10000");
        check(weakLq >= 0 && weakLq <= 100, "weakLq", "0..100");
        check(strongLq > 0 && strongLq <= 100, "strongLq", "0..100");
        check(weakLq <= strongLq, "weakLq", "<= strongLq");
        check(singleEnterpriseShare > 0 && singleEnterpriseShare <= 1, "singleEnterpriseShare", "(0, 1]");
        check(outsideInputShare > 0 && outsideInputShare <= 1, "outsideInputShare", "(0, 1]");
        check(minSupplyRelations >= 1 && minSupplyRelations <= 1_000_000, "minSupplyRelations", "1..1000000");
        check(extendSteps >= 0 && extendSteps <= 5, "extendSteps", "0..5");
        check(hhiLimit > 0 && hhiLimit <= 10_000, "hhiLimit", "(0, 10000]");
        check(fewEnterprises >= 0 && fewEnterprises <= 10_000, "fewEnterprises", "0..10000");
        check(topProvinceShare > 0 && topProvinceShare <= 1, "topProvinceShare", "(0, 1]");
        check(minRevenueCoverage > 0 && minRevenueCoverage <= 1, "minRevenueCoverage", "(0, 1]");
    }

    /** Whether {@code known} of {@code total} enterprises with a revenue is enough to judge by revenue. */
    public boolean revenueJudged(int known, int total) {
        return total > 0 && known >= minRevenueCoverage * total - 1e-9;
    }

    /** The documented defaults (as in {@code application.yml}). */
    public static DiagnosisSettings defaults() {
        return new DiagnosisSettings(3, 0.6, 1.5, 0.8, 0.7, 5, 1, 2500, 5, 0.5, 0.8);
    }

    /** These settings with the non-null overrides of a request applied (and validated). */
    public DiagnosisSettings with(Overrides o) {
        if (o == null) {
            return this;
        }
        return new DiagnosisSettings(
                o.minEnterprises() != null ? o.minEnterprises() : minEnterprises,
                o.weakLq() != null ? o.weakLq() : weakLq,
                o.strongLq() != null ? o.strongLq() : strongLq,
                o.singleEnterpriseShare() != null ? o.singleEnterpriseShare() : singleEnterpriseShare,
                o.outsideInputShare() != null ? o.outsideInputShare() : outsideInputShare,
                o.minSupplyRelations() != null ? o.minSupplyRelations() : minSupplyRelations,
                o.extendSteps() != null ? o.extendSteps() : extendSteps,
                o.hhiLimit() != null ? o.hhiLimit() : hhiLimit,
                o.fewEnterprises() != null ? o.fewEnterprises() : fewEnterprises,
                o.topProvinceShare() != null ? o.topProvinceShare() : topProvinceShare,
                o.minRevenueCoverage() != null ? o.minRevenueCoverage() : minRevenueCoverage);
    }

    /** Per-request overrides; null means "use the configured value". Bound from query parameters. */
    public record Overrides(Integer minEnterprises, Double weakLq, Double strongLq, Double singleEnterpriseShare,
                            Double outsideInputShare, Integer minSupplyRelations, Integer extendSteps,
                            Double hhiLimit, Integer fewEnterprises, Double topProvinceShare,
                            Double minRevenueCoverage) {

        public static Overrides none() {
            return new Overrides(null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    private static void check(boolean ok, String name, String range) {
        if (!ok) {
            throw ApiProblem.badRequest("诊断参数 " + name + " 超出范围 " + range, "Setting " + name + " out of range " + range);
        }
    }
}
