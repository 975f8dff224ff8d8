package com.chainatlas.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Learns a chain's segments from its assigned firms' text and proposes segments for other firms.
 *
 * <p>Text becomes character n-gram features (bigrams, optionally single characters and the whole phrase),
 * weighted by TF-IDF over the assigned firms and by the phrase's revenue share. A firm's score for a segment blends
 * the cosine to the segment's centroid (its firms plus its own name) with the similarity-weighted vote of the
 * k nearest assigned firms. The proposal is 确定 when the best score leads the runner-up by {@link Method#sureMargin()}.
 * Plain Java, deterministic (ties by segment id): the same data always gives the same proposals.
 */
public final class SegmentModel {

    /** An assigned firm the model learns from. */
    public record Example(String id, String name, Set<String> segments, List<Phrase> phrases, String industry) {

        public Example(String id, String name, Set<String> segments, List<Phrase> phrases) {
            this(id, name, segments, phrases, null);
        }
    }

    /** A segment that may be proposed. */
    public record Segment(String id, String name) {
    }

    /** A segment with its blended score (0–1). */
    public record Alternative(String segmentId, String segmentName, double score) {
    }

    /** An assigned firm close to the proposed one, and its cosine similarity. */
    public record Neighbour(String id, String name, double similarity) {
    }

    /**
     * A proposal: up to three segments, best first (empty when no word of the text is known from the assigned
     * firms or segment names), the lead of the first over the second, the label with its rule in words, and
     * the evidence.
     */
    public record Proposal(List<Alternative> ranked, double margin, Confidence confidence, String reasonZh,
                           List<String> matchedTerms, List<Neighbour> nearest) {

        public boolean matched() {
            return !ranked.isEmpty();
        }
    }

    static final int ALTERNATIVES = 3;
    static final int EVIDENCE_TERMS = 5;
    static final int EVIDENCE_FIRMS = 3;
    /** Marks the registered-industry feature (with a space, which no normalised text feature has). */
    static final String INDUSTRY_PREFIX = "@ ";

    private final Method method;
    private final List<Segment> segments;
    private final List<Example> examples;
    private final Map<String, Integer> featureIds;
    private final List<String> featureNames;
    private final double[] idf;
    private final int[] firmsPerSegment;
    private final int[][] segmentsOfExample;
    private final SparseVector[] centroids;
    private final Postings centroidIndex;
    private final Postings exampleIndex;
    private final List<SparseVector> exampleVectors;

    private SegmentModel(Method method, List<Segment> segments, List<Example> examples, Map<String, Integer> featureIds,
                         List<String> featureNames, double[] idf, int[] firmsPerSegment, int[][] segmentsOfExample,
                         SparseVector[] centroids, List<SparseVector> exampleVectors) {
        this.method = method;
        this.segments = segments;
        this.examples = examples;
        this.featureIds = featureIds;
        this.featureNames = featureNames;
        this.idf = idf;
        this.firmsPerSegment = firmsPerSegment;
        this.segmentsOfExample = segmentsOfExample;
        this.centroids = centroids;
        this.centroidIndex = new Postings(Arrays.asList(centroids), featureNames.size());
        this.exampleIndex = new Postings(exampleVectors, featureNames.size());
        this.exampleVectors = List.copyOf(exampleVectors);
    }

    /**
     * Trains on {@code examples} (their segments must be among {@code segments}; unknown ones are ignored).
     * Segments without examples can still be proposed through the words of their names.
     */
    public static SegmentModel train(List<Segment> segments, List<Example> examples, Method method) {
        List<Segment> segs = segments.stream().sorted(Comparator.comparing(Segment::id)).toList();
        Map<String, Integer> segIndex = new HashMap<>();
        for (int i = 0; i < segs.size(); i++) {
            segIndex.put(segs.get(i).id(), i);
        }
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<Map<Integer, Double>> raw = new ArrayList<>();
        List<Integer> df = new ArrayList<>();
        for (Example e : examples) {
            Map<Integer, Double> counts = new HashMap<>();
            features(e.phrases(), method).forEach((f, x) -> counts.merge(id(f, ids, names, df), x, Double::sum));
            String industry = industryFeature(e.industry());
            if (method.industryWeight() > 0 && industry != null) {
                counts.merge(id(industry, ids, names, df), method.industryWeight(), Double::sum);
            }
            counts.keySet().forEach(f -> df.set(f, df.get(f) + 1));
            raw.add(counts);
        }
        int firmFeatures = names.size();
        double n = Math.max(1, examples.size());
        // Segment-name features the firms never use get ids too (they count in the centroid's length).
        List<Map<Integer, Double>> nameCounts = new ArrayList<>();
        for (Segment s : segs) {
            Map<Integer, Double> counts = new HashMap<>();
            grams(nameText(s.name()), method.unigrams()).forEach(g -> counts.merge(id(g, ids, names, df), 1.0, Double::sum));
            nameCounts.add(counts);
        }
        // A word only segment names use gets idf 1, as a word of average rarity would: a candidate can still match it.
        double[] idf = new double[names.size()];
        java.util.Arrays.fill(idf, 1.0);
        for (int f = 0; f < firmFeatures; f++) {
            idf[f] = Math.log(n / df.get(f)) + 1;
        }
        if (method.focus() > 0 && segs.size() > 1) {
            focus(idf, raw, examples, segIndex, segs.size(), method.focus());
        }
        List<SparseVector> vectors = new ArrayList<>();
        for (Map<Integer, Double> counts : raw) {
            vectors.add(weighted(counts, idf, 0.0));
        }
        int[] perSegment = new int[segs.size()];
        int[][] segsOfExample = new int[examples.size()][];
        List<Map<Integer, Double>> sums = new ArrayList<>();
        segs.forEach(s -> sums.add(new HashMap<>()));
        for (int i = 0; i < examples.size(); i++) {
            segsOfExample[i] = examples.get(i).segments().stream().filter(segIndex::containsKey).mapToInt(segIndex::get)
                    .sorted().toArray();
            SparseVector v = vectors.get(i);
            for (int s : segsOfExample[i]) {
                perSegment[s]++;
                for (int j = 0; j < v.ids().length; j++) {
                    sums.get(s).merge(v.ids()[j], v.values()[j], Double::sum);
                }
            }
        }
        SparseVector[] centroids = new SparseVector[segs.size()];
        for (int s = 0; s < segs.size(); s++) {
            if (method.nameWeight() > 0) {
                SparseVector name = weighted(nameCounts.get(s), idf, 1.0);
                double w = method.nameWeight() * Math.sqrt(Math.max(1, perSegment[s]));
                for (int j = 0; j < name.ids().length; j++) {
                    sums.get(s).merge(name.ids()[j], w * name.values()[j], Double::sum);
                }
            }
            centroids[s] = SparseVector.unit(sums.get(s));
        }
        return new SegmentModel(method, segs, List.copyOf(examples), ids, names, idf, perSegment, segsOfExample,
                centroids, vectors);
    }

    static final double FOCUS_SMOOTHING = 1.0;

    /** Multiplies each firm feature's idf by 1 + strength × its concentration (1 − normalised entropy over segments). */
    private static void focus(double[] idf, List<Map<Integer, Double>> raw, List<Example> examples,
                              Map<String, Integer> segIndex, int segmentCount, double strength) {
        Map<Integer, Map<Integer, Integer>> bySegment = new HashMap<>();
        int[] firms = new int[segmentCount];
        int labelled = 0;
        for (int i = 0; i < examples.size(); i++) {
            int[] ss = examples.get(i).segments().stream().filter(segIndex::containsKey).mapToInt(segIndex::get).toArray();
            for (int s : ss) {
                firms[s]++;
                labelled++;
                for (int f : raw.get(i).keySet()) {
                    bySegment.computeIfAbsent(f, k -> new HashMap<>()).merge(s, 1, Integer::sum);
                }
            }
        }
        double logS = Math.log(segmentCount);
        for (Map.Entry<Integer, Map<Integer, Integer>> e : bySegment.entrySet()) {
            double total = e.getValue().values().stream().mapToInt(Integer::intValue).sum() + FOCUS_SMOOTHING;
            double h = 0;
            for (int s = 0; s < segmentCount; s++) {
                double p = (e.getValue().getOrDefault(s, 0) + FOCUS_SMOOTHING * firms[s] / Math.max(1.0, labelled)) / total;
                if (p > 0) {
                    h -= p * Math.log(p);
                }
            }
            idf[e.getKey()] *= 1 + strength * Math.max(0, 1 - h / logS);
        }
    }



    public int segmentCount() {
        return segments.size();
    }

    /** The segments, in the order of score arrays (by id). */
    List<Segment> segments() {
        return segments;
    }

    /** The TF-IDF vector of assigned firm {@code i} (training order). */
    SparseVector exampleVector(int i) {
        return exampleVectors.get(i);
    }

    /** The centroid of segment {@code s} (index into {@link #segments()}). */
    SparseVector centroid(int s) {
        return centroids[s];
    }

    /** Indices (into {@link #segments()}) of assigned firm {@code i}'s segments. */
    int[] segmentsOf(int i) {
        return segmentsOfExample[i];
    }

    int featureCount() {
        return featureNames.size();
    }

    public int exampleCount() {
        return examples.size();
    }

    /** Proposes segments for a firm with these phrases. */
    public Proposal propose(List<Phrase> phrases) {
        return propose(phrases, null);
    }

    /**
     * The feature of a registered industry (所属行业 / 国民经济行业, normalised): one whole-value feature of its own,
     * never split into characters or mixed with product words; null when there is none.
     */
    static String industryFeature(String industry) {
        if (industry == null) {
            return null;
        }
        String k = FirmText.normalise(industry.length() > FirmText.MAX_PHRASE ? industry.substring(0, FirmText.MAX_PHRASE) : industry);
        return k.isEmpty() ? null : INDUSTRY_PREFIX + k;
    }

    /** Proposes segments for a firm with these phrases and, optionally, its registered industry (所属行业). */
    public Proposal propose(List<Phrase> phrases, String industry) {
        SparseVector v = vector(phrases, industry);
        double[] sims = new double[examples.size()];
        double[] score = scores(v, sims);
        if (score == null) {
            return NO_MATCH;
        }
        return proposal(phrases, v, sims, score, method.sureMargin());
    }

    static final Proposal NO_MATCH = new Proposal(List.of(), 0, Confidence.REVIEW,
            "文本中没有与已挂链企业或环节名称相同的词，请人工指定环节", List.of(), List.of());

    /** The firm's TF-IDF vector over the model's features (unit length; empty when no feature is known). */
    SparseVector vector(List<Phrase> phrases, String industry) {
        Map<Integer, Double> counts = new HashMap<>();
        features(phrases, method).forEach((f, x) -> {
            Integer id = featureIds.get(f);
            if (id != null && idf[id] > 0) {
                counts.merge(id, x, Double::sum);
            }
        });
        Integer industryId = industryFeature(industry) == null ? null : featureIds.get(industryFeature(industry));
        if (method.industryWeight() > 0 && industryId != null && idf[industryId] > 0) {
            counts.merge(industryId, method.industryWeight(), Double::sum);
        }
        return weighted(counts, idf, 0.0);
    }

    /**
     * The blended score of every segment (in {@link #segments()} order) for vector {@code v}, filling {@code sims}
     * with its cosine to every assigned firm; null when nothing matches.
     */
    double[] scores(SparseVector v, double[] sims) {
        double[] cos = new double[segments.size()];
        centroidIndex.dots(v, cos);
        double maxCos = Arrays.stream(cos).max().orElse(0);
        if (v.isEmpty() || maxCos <= 0) {
            return null;
        }
        exampleIndex.dots(v, sims);
        double[] votes = new double[segments.size()];
        double total = 0;
        for (int e : topIndices(sims, method.neighbours(), i -> true)) {
            double vote = sims[e] * sims[e];
            for (int s : segmentsOfExample[e]) {
                votes[s] += vote;
                total += vote;
            }
        }
        double[] score = new double[segments.size()];
        for (int s = 0; s < score.length; s++) {
            score[s] = (1 - method.knnBlend()) * cos[s] / maxCos + (total > 0 ? method.knnBlend() * votes[s] / total : 0);
        }
        return score;
    }

    /** The proposal for final segment scores {@code score}: ranking, margin, confidence label and evidence. */
    Proposal proposal(List<Phrase> phrases, SparseVector v, double[] sims, double[] score, double sureMargin) {
        // Known features of the product and scope phrases, to tell a match on them from one on the name only.
        List<Integer> textFeatures = features(phrases.stream().filter(p -> !p.fromName()).toList(), method).keySet().stream()
                .map(featureIds::get).filter(id -> id != null && idf[id] > 0).toList();
        int[] order = topIndices(score, ALTERNATIVES, i -> true);
        List<Alternative> ranked = new ArrayList<>();
        for (int s : order) {
            ranked.add(new Alternative(segments.get(s).id(), segments.get(s).name(), score[s]));
        }
        int best = order[0];
        double margin = score[best] - (order.length > 1 ? score[order[1]] : 0);
        Confidence label;
        String reason;
        String lead = String.format(Locale.ROOT, "%.2f", margin);
        String need = String.format(Locale.ROOT, "%.2f", sureMargin);
        if (textFeatures.stream().noneMatch(id -> Arrays.binarySearch(centroids[best].ids(), id) >= 0)) {
            label = Confidence.REVIEW;
            reason = "只有企业名称或所属行业与该环节相符，主营产品与经营范围未提供依据，请人工确认";
        } else if (margin < sureMargin) {
            label = Confidence.REVIEW;
            reason = "领先第二位 " + lead + "，低于确定所需的 " + need + "，请人工确认";
        } else if (firmsPerSegment[best] < method.minFirms()) {
            label = Confidence.REVIEW;
            reason = "该环节只有 " + firmsPerSegment[best] + " 家已挂链企业可供比对（确定需至少 " + method.minFirms() + " 家），请人工确认";
        } else {
            label = Confidence.SURE;
            reason = "领先第二位 " + lead + "（≥ " + need + "），该环节有 " + firmsPerSegment[best] + " 家已挂链企业可供比对";
        }
        List<Neighbour> nearest = new ArrayList<>();
        for (int e : topIndices(sims, EVIDENCE_FIRMS, i -> contains(segmentsOfExample[i], best))) {
            nearest.add(new Neighbour(examples.get(e).id(), examples.get(e).name(), sims[e]));
        }
        return new Proposal(List.copyOf(ranked), margin, label, reason, matchedTerms(v, centroids[best]), List.copyOf(nearest));
    }

    /** The features that contribute most to the match, as words (whole phrases and bigrams before single characters). */
    private List<String> matchedTerms(SparseVector v, SparseVector centroid) {
        record Term(String text, double contribution) {
        }
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < v.ids().length; i++) {
            int at = Arrays.binarySearch(centroid.ids(), v.ids()[i]);
            if (at >= 0) {
                String f = featureNames.get(v.ids()[i]);
                String text = f.startsWith("#") ? f.substring(1) : f.startsWith(INDUSTRY_PREFIX) ? "所属行业 " + f.substring(INDUSTRY_PREFIX.length()).toUpperCase(Locale.ROOT) : f;
                terms.add(new Term(text, v.values()[i] * centroid.values()[at]));
            }
        }
        terms.sort(Comparator.comparing((Term t) -> t.text().length() < 2).thenComparing(Term::contribution, Comparator.reverseOrder())
                .thenComparing(Term::text));
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Term t : terms) {
            if (out.size() == EVIDENCE_TERMS) {
                break;
            }
            out.put(t.text(), true);
        }
        return List.copyOf(out.keySet());
    }

    /**
     * Feature counts of a firm's phrases, each phrase weighted (√share when share weights are on), saturated when
     * {@link Method#saturation()} is on.
     */
    static Map<String, Double> features(List<Phrase> phrases, Method method) {
        Map<String, Double> out = new HashMap<>();
        for (Phrase p : phrases) {
            String text = FirmText.normalise(p.text());
            if (text.isEmpty()) {
                continue;
            }
            double w = method.shareWeights() ? Math.sqrt(p.weight()) : 1.0;
            for (String g : grams(text, method.unigrams())) {
                out.merge(g, w, Double::sum);
            }
            if (method.wholePhrases()) {
                out.merge("#" + text, w, Double::sum);
            }
        }
        double k1 = method.saturation();
        if (k1 > 0) {
            out.replaceAll((f, tf) -> tf * (k1 + 1) / (tf + k1));
        }
        return out;
    }

    /** Character bigrams, plus single characters when asked; a one-character text is its own feature. */
    static List<String> grams(String text, boolean unigrams) {
        List<String> out = new ArrayList<>();
        if (unigrams || text.length() == 1) {
            text.codePoints().forEach(c -> out.add(Character.toString(c)));
        }
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return out;
    }

    /** A segment name as text to match: roman numerals (申万 Ⅱ/Ⅲ level marks) say nothing about the trade. */
    static String nameText(String name) {
        return FirmText.normalise(name == null ? "" : name.replaceAll("[\\u2160-\\u217F]", ""));
    }

    private static int id(String feature, Map<String, Integer> ids, List<String> names, List<Integer> df) {
        return ids.computeIfAbsent(feature, f -> {
            names.add(f);
            df.add(0);
            return names.size() - 1;
        });
    }

    private static SparseVector weighted(Map<Integer, Double> counts, double[] idf, double unseenIdf) {
        Map<Integer, Double> w = new HashMap<>();
        counts.forEach((f, x) -> w.put(f, x * (idf[f] > 0 ? idf[f] : unseenIdf)));
        return SparseVector.unit(w);
    }

    private static boolean contains(int[] sorted, int x) {
        return Arrays.binarySearch(sorted, x) >= 0;
    }

    /** Indices of the {@code k} largest positive values passing {@code keep}, largest first, ties by index. */
    private static int[] topIndices(double[] values, int k, java.util.function.IntPredicate keep) {
        int[] top = new int[k];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || !keep.test(i) || n == k && values[i] <= values[top[n - 1]]) {
                continue;
            }
            int at = n < k ? n++ : k - 1;
            while (at > 0 && values[top[at - 1]] < values[i]) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        return Arrays.copyOf(top, n);
    }
}
