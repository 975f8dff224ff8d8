package com.chainatlas.targeting;

import java.util.List;

/** Records of the target list (招商清单) API. Money in 万元. */
public final class TargetModel {

    private TargetModel() {
    }

    /**
     * What a ranking is asked for. Null means "not set"; {@code weights} overrides {@code preset}. {@code asOf}
     * (截至日期) ranks on the chain as of that date: the diagnosis then, and only candidates and local partners that had
     * entered by then.
     */
    public record TargetQuery(String chain, String region, String zone, List<String> segments, String preset,
                              TargetWeights weights, List<String> includeProvinces, List<String> excludeProvinces,
                              String sizeBand, List<String> tags, Double minScore, java.time.LocalDate asOf) {

        public TargetQuery(String chain, String region, String zone, List<String> segments, String preset,
                           TargetWeights weights, List<String> includeProvinces, List<String> excludeProvinces,
                           String sizeBand, List<String> tags, Double minScore) {
            this(chain, region, zone, segments, preset, weights, includeProvinces, excludeProvinces, sizeBand, tags,
                    minScore, null);
        }

        public TargetQuery {
            segments = segments == null ? List.of() : List.copyOf(segments);
            includeProvinces = includeProvinces == null ? List.of() : List.copyOf(includeProvinces);
            excludeProvinces = excludeProvinces == null ? List.of() : List.copyOf(excludeProvinces);
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /** A segment being targeted, and why (from the diagnosis). */
    public record TargetSegment(String segmentId, String name, String purpose, String purposeZh, boolean key,
                                String verdict, String reasonZh) {
    }

    /** A local enterprise an outside candidate already trades with (以商招商) or is predicted to supply. */
    public record LocalPartner(String uscc, String name, String relation, String relationZh, Double amount,
                               Double score) {
    }

    /** The score's parts in weight units; {@code total} is exactly their sum. */
    public record ScoreParts(double scale, double quality, double innovation, double ties, double predicted,
                             double proximity, double priority, double signals, double total) {

        /** Parts without the 扩张信号 part (0). */
        public ScoreParts(double scale, double quality, double innovation, double ties, double predicted,
                          double proximity, double priority, double total) {
            this(scale, quality, innovation, ties, predicted, proximity, priority, 0, total);
        }
    }

    /**
     * One target company (招商对象) with its score, its parts and its reasons in words. Revenue, employees and
     * patents are null when nobody gave them (unknown, not 0); the reasons then say which were unknown.
     * {@code signalText} names the strongest recent expansion events (扩张信号), or is null when the firm has none.
     */
    public record TargetRow(int rank, String uscc, String name, String regionCode, String regionName,
                            String segmentId, String segmentName, String purpose, String purposeZh,
                            double score, ScoreParts parts, List<String> reasons, String reasonText,
                            List<LocalPartner> localPartners, List<LocalPartner> predictedPartners,
                            Double revenue, Integer employees, List<String> tags, Integer patents, int cooperations,
                            String signalText) {

        /** A row without expansion signals. */
        public TargetRow(int rank, String uscc, String name, String regionCode, String regionName,
                         String segmentId, String segmentName, String purpose, String purposeZh,
                         double score, ScoreParts parts, List<String> reasons, String reasonText,
                         List<LocalPartner> localPartners, List<LocalPartner> predictedPartners,
                         Double revenue, Integer employees, List<String> tags, Integer patents, int cooperations) {
            this(rank, uscc, name, regionCode, regionName, segmentId, segmentName, purpose, purposeZh, score, parts, reasons,
                    reasonText, localPartners, predictedPartners, revenue, employees, tags, patents, cooperations, null);
        }
    }

    /**
     * One page of a ranking, with everything needed to read it: segments, weights used, snapshot; {@code asOf} the
     * as-of view it ranked on (null: all data).
     */
    public record TargetPage(String chainId, String regionCode, String regionName, String preset,
                             TargetWeights weights, List<TargetSegment> segments, long snapshotVersion,
                             List<TargetRow> items, int page, int size, long total,
                             com.chainatlas.analysis.DiagnosisModel.AsOf asOf, Refreshing refreshing) {
    }

    /**
     * Set when a page shows the ranking of the previous data while the ranking of the current data
     * ({@code currentSnapshotVersion}) is being computed in the background (a few seconds after an import); null
     * when the page is computed on the current data. {@code note} says so in Chinese for the user.
     */
    public record Refreshing(long currentSnapshotVersion, String note) {
    }
}
