package com.chainatlas.innovation;

import java.util.Comparator;
import java.util.List;

/**
 * Records of R&amp;D pairing (产学研对接): for chosen segments of a chain, the institutions whose research matches the
 * segment, ranked and explained for one region. Built by {@link ResearchPairing}.
 */
public final class Pairing {

    private Pairing() {
    }

    /** How the total score is made; returned with every report so the rule can be read aloud. */
    public static final String SCORE_RULE_ZH = "总分 = 区位分×1000 + 级别分×100 + 研究实力×10 + 匹配技术数（最多计 9）；"
            + "区位: 本地 3、省内 2、省外 1；级别: 国家级 3、省级 2、市级 1；同分按机构编号排序";
    public static final String SCORE_RULE_EN = "total = tier×1000 + level×100 + strength×10 + matching technologies (at most 9); "
            + "tier: local 3, province 2, national 1; level: national 3, provincial 2, municipal 1; ties by institution id";

    /** Where an institution stands relative to the region being served. */
    public enum Tier {
        /** 本地: inside the region, sub-regions included. */
        LOCAL(3, "本地"),
        /** 省内: same province, outside the region. */
        PROVINCE(2, "省内"),
        /** 省外: elsewhere in the country. */
        NATIONAL(1, "省外");

        private final int points;
        private final String label;

        Tier(int points, String label) {
            this.points = points;
            this.label = label;
        }

        public int points() {
            return points;
        }

        public String label() {
            return label;
        }
    }

    /** The whole answer for one chain and region. */
    public record Report(ChainRef chain, RegionRef region, List<SegmentPairing> segments, String scoreRule,
                         String scoreRuleEn) {
        public Report {
            segments = List.copyOf(segments);
        }
    }

    public record ChainRef(String id, String name) {
    }

    public record RegionRef(String code, String name) {
    }

    public record SegmentRef(String id, String name) {
    }

    /** A technology applying to the segment (or one of its sub-segments), with the segment names it applies to there. */
    public record TechnologyRef(String id, String name, List<String> appliesTo) {
        public TechnologyRef {
            appliesTo = List.copyOf(appliesTo);
        }
    }

    /**
     * One segment with its technologies and its ranked institutions.
     *
     * @param total institutions matching before {@code limit} was applied
     */
    public record SegmentPairing(SegmentRef segment, List<TechnologyRef> technologies, List<PairedInstitution> institutions,
                                 int total) {
        public SegmentPairing {
            technologies = List.copyOf(technologies);
            institutions = List.copyOf(institutions);
        }
    }

    /**
     * Why an institution is listed.
     *
     * @param kind TECHNOLOGY (researches a technology applying to the segment) or SEGMENT (researches the segment itself)
     * @param text the reason in Chinese, e.g. 研究 固态电池技术（应用于 电芯）
     */
    public record Match(String kind, String id, String name, List<String> appliesTo, String text) {
        public Match {
            appliesTo = List.copyOf(appliesTo);
        }
    }

    /**
     * The score parts and their total (see {@link #SCORE_RULE_ZH}). Each part is below 10, so ordering by
     * {@code total} is the same as ordering by tier, then level, then strength, then matching technologies.
     */
    public record Score(int tier, int level, int strength, int technologies, int total) {

        /** Orders best first; equal scores by institution id for a stable list. */
        static final Comparator<PairedInstitution> RANKING = Comparator
                .comparingInt((PairedInstitution p) -> p.score().total()).reversed()
                .thenComparing(PairedInstitution::id);

        static Score of(Tier tier, String level, int strength, int technologies) {
            int t = tier.points();
            int l = levelPoints(level);
            int s = Math.max(0, Math.min(strength, 9));
            int m = Math.max(0, Math.min(technologies, 9));
            return new Score(t, l, s, m, t * 1000 + l * 100 + s * 10 + m);
        }

        static int levelPoints(String level) {
            return switch (level == null ? "" : level) {
                case "NATIONAL" -> 3;
                case "PROVINCIAL" -> 2;
                case "MUNICIPAL" -> 1;
                default -> 0;
            };
        }
    }

    /** An enterprise the institution already cooperates with (COOPERATES_WITH). */
    public record Partner(String uscc, String name, String regionCode, String regionName, boolean local, String kind,
                          Integer since) {
    }

    /**
     * One institution ranked for one segment.
     *
     * @param partners          at most a few cooperating enterprises, local ones first, then the most recent
     * @param partnerCount      all cooperating enterprises
     * @param localPartnerCount cooperating enterprises inside the region
     * @param reason            one sentence in Chinese to read aloud
     */
    public record PairedInstitution(String id, String name, String type, String level, int strength, String regionCode,
                                    String regionName, Tier tier, List<Match> matches, Score score,
                                    List<Partner> partners, int partnerCount, int localPartnerCount, String reason) {
        public PairedInstitution {
            matches = List.copyOf(matches);
            partners = List.copyOf(partners);
        }
    }
}
