package com.chainatlas.targeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores one candidate enterprise (招商对象) from its features. Every part is weight × rating with the rating
 * in [0, 1], rounded to 0.01, and the score is the sum of the rounded parts, so the shown parts always add up.
 *
 * <ul>
 *   <li>scale: log revenue against the largest candidate (70%), log employees likewise (30%); a figure nobody
 *       gave is left out and the known one carries the part alone (none known: 0, and the reasons say so);</li>
 *   <li>quality: the best tag (500强 1, 上市 0.8, 专精特新小巨人 0.8, 专精特新 0.5, 高新技术企业 0.3) plus 0.1 per further tag, capped at 1;</li>
 *   <li>innovation: log patents against the most (70%), institution cooperations (up to 3, 30%); unknown
 *       patents are left out likewise (cooperations are links in the graph, so always known);</li>
 *   <li>ties: existing supply relations with local firms, 1/3 each, capped at 1 (以商招商);</li>
 *   <li>predicted: link-prediction score against the best candidate's, when it predicts a local customer;</li>
 *   <li>proximity: same province 1, neighbouring province 0.6, otherwise 0.4 × (1 − km/3000) of the capitals;</li>
 *   <li>priority: 补链 (missing) 1, 强链 (weak) 0.7, 延链 (extend) 0.5, +0.2 for a key segment, capped at 1;</li>
 *   <li>signals: the recency-weighted expansion signals (扩张信号) rating of {@link com.chainatlas.signal.SignalScoring};
 *       a firm without events gets 0 here and no reason (absence of a signal is not a negative).</li>
 * </ul>
 */
final class TargetScorer {

    /** Why a segment is targeted. */
    enum Purpose {
        FILL("补链"), STRENGTHEN("强链"), EXTEND("延链"), CHOSEN("自选");

        final String zh;

        Purpose(String zh) {
            this.zh = zh;
        }

        double rating() {
            return switch (this) {
                case FILL -> 1.0;
                case STRENGTHEN -> 0.7;
                case EXTEND -> 0.5;
                case CHOSEN -> 0.6;
            };
        }
    }

    /**
     * What is known about a candidate; null revenue, employees or patents means nobody gave the figure.
     * {@code signals} is the 0..1 expansion-signal rating on the ranking's day.
     */
    record Features(Double revenue, Integer employees, Set<String> tags, Integer patents, int cooperations,
                    int existingTies, double predictedScore, String province, Purpose purpose, boolean keySegment,
                    double signals) {

        /** A candidate without expansion signals. */
        Features(Double revenue, Integer employees, Set<String> tags, Integer patents, int cooperations,
                 int existingTies, double predictedScore, String province, Purpose purpose, boolean keySegment) {
            this(revenue, employees, tags, patents, cooperations, existingTies, predictedScore, province, purpose, keySegment, 0);
        }
    }

    /** The normalisers: the largest values among all candidates of a request. */
    record Scale(double maxRevenue, int maxEmployees, int maxPatents, double maxPredicted) {
    }

    /** The parts in weight units; {@code total} is their sum. */
    record Parts(double scale, double quality, double innovation, double ties, double predicted, double proximity,
                 double priority, double signals, double total) {
    }

    private final TargetWeights w;
    private final String homeProvince;

    TargetScorer(TargetWeights weights, String homeRegionCode) {
        this.w = weights;
        this.homeProvince = homeRegionCode.substring(0, 2);
    }

    Parts score(Features f, Scale s) {
        double scale = part(w.scale(), knownMean(
                f.revenue() == null ? null : logShare(f.revenue(), s.maxRevenue()), 0.7,
                f.employees() == null ? null : logShare(f.employees(), s.maxEmployees()), 0.3));
        double quality = part(w.quality(), qualityRating(f.tags()));
        double innovation = part(w.innovation(), knownMean(
                f.patents() == null ? null : logShare(f.patents(), s.maxPatents()), 0.7,
                Math.min(3, f.cooperations()) / 3.0, 0.3));
        double ties = part(w.ties(), Math.min(1.0, f.existingTies() / 3.0));
        double predicted = part(w.predicted(), s.maxPredicted() > 0 ? Math.max(0, f.predictedScore()) / s.maxPredicted() : 0);
        double proximity = part(w.proximity(), proximityRating(f.province()));
        double priority = part(w.priority(), Math.min(1.0, f.purpose().rating() + (f.keySegment() ? 0.2 : 0)));
        double signals = part(w.signals(), f.signals());
        double total = round(scale + quality + innovation + ties + predicted + proximity + priority + signals);
        return new Parts(scale, quality, innovation, ties, predicted, proximity, priority, signals, total);
    }

    double proximityRating(String province) {
        String p = province.substring(0, 2);
        if (p.equals(homeProvince)) {
            return 1.0;
        }
        if (ProvinceGeography.neighbours(p, homeProvince)) {
            return 0.6;
        }
        return 0.4 * Math.max(0, 1 - ProvinceGeography.distanceKm(p, homeProvince) / 3000);
    }

    static double qualityRating(Set<String> tags) {
        List<Double> points = new ArrayList<>();
        for (String t : tags) {
            points.add(switch (t) {
                case "500强" -> 1.0;
                case "上市", "专精特新小巨人" -> 0.8;
                case "专精特新" -> 0.5;
                case "高新技术企业" -> 0.3;
                default -> 0.0;
            });
        }
        points.sort((a, b) -> Double.compare(b, a));
        double r = points.isEmpty() ? 0 : points.get(0);
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i) > 0) {
                r += 0.1;
            }
        }
        return Math.min(1.0, r);
    }

    /** The weighted mean of the known ratings (unknown = null, left out); 0 when none is known. */
    static double knownMean(Double a, double wa, Double b, double wb) {
        double sum = 0;
        double weights = 0;
        if (a != null) {
            sum += wa * a;
            weights += wa;
        }
        if (b != null) {
            sum += wb * b;
            weights += wb;
        }
        return weights == 0 ? 0 : sum / weights;
    }

    private static double logShare(double value, double max) {
        return max <= 0 || value <= 0 ? 0 : Math.min(1.0, Math.log1p(value) / Math.log1p(max));
    }

    private static double part(double weight, double rating) {
        return round(weight * Math.max(0, Math.min(1, rating)));
    }

    static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    /** Revenue (万元) in words: 12.3 亿 or 850 万. */
    static String money(double wan) {
        return wan >= 10_000 ? String.format(Locale.ROOT, "%.1f 亿", wan / 10_000) : String.format(Locale.ROOT, "%.0f 万", wan);
    }
}
