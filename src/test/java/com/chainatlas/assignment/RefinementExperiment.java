package com.chainatlas.assignment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.chainatlas.assignment.AssignmentEvaluation.Company;
import com.chainatlas.assignment.AssignmentEvaluation.Data;
import com.chainatlas.assignment.AssignmentEvaluation.Figures;
import com.chainatlas.assignment.AssignmentEvaluation.Outcome;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Round 3 of 挂链 (docs/assignment.md): product-relation expansion (product_product.jsonl), revenue-share emphasis
 * and a few more, each on the same
 * 5 folds as {@link AssignmentEvaluation} (products + company name, no 所属行业), with per-fold figures and the
 * per-fold difference to the method before round 3 ({@link Method#DEFAULT} with saturation off).
 *
 * <pre>
 * ./mvnw -q -o -Dfrontend.skip=true test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=com.chainatlas.assignment.RefinementExperiment \
 *   -Dexec.args="../shared/data rel,share,more,calib,diverse,bm25,bm25cv"
 * </pre>
 * Groups: rel (product relations), share (top product, matched revenue share), more (segment prior, name weight, head
 * words, k), calib ({@link Calibration}), diverse (third option under another level-2), bm25, bm25cv. Without groups:
 * rel, share. A third argument {@code on-default}: against {@link Method#DEFAULT} as it is now. The round-3 groups
 * hier, rocchio and combo used {@code Method.Hierarchy}, removed from the product in round 4 (not adopted); they run
 * at commit a2293fa.
 */
public final class RefinementExperiment {

    /** A variant: the method, a transform of each company's phrases, and the confidence (margin by default). */
    record Variant(String label, Method method, UnaryOperator<List<Phrase>> phrases, double shareGamma, double prior,
                   double diversify) {

        Variant(String label, Method method) {
            this(label, method, UnaryOperator.identity(), 0, 0, 0);
        }

        Variant(String label, Method method, UnaryOperator<List<Phrase>> phrases, double shareGamma) {
            this(label, method, phrases, shareGamma, 0, 0);
        }

        Variant(String label, Method method, UnaryOperator<List<Phrase>> phrases, double shareGamma, double prior) {
            this(label, method, phrases, shareGamma, prior, 0);
        }
    }

    private RefinementExperiment() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Set<String> groups = args.length > 1 ? Set.of(args[1].split(",")) : Set.of("rel", "share");
        long t0 = System.nanoTime();
        Data data = Data.read(dir);
        List<Variant> variants = new ArrayList<>();
        // The variants were measured against the method before round 3 (saturation off); bm25 k1 = 2 is Method.DEFAULT.
        // A third argument "on-default" measures them on top of Method.DEFAULT instead.
        Method d = args.length > 2 && args[2].equals("on-default") ? Method.DEFAULT : Method.DEFAULT.withSaturation(0);
        if (groups.contains("rel")) {
            Relations rel = Relations.read(dir.resolve("industry-chain/product_product.jsonl"));
            System.out.println(rel.coverage(data.named));
            for (String mode : new String[] {"fwd", "rev", "both"}) {
                for (double m : new double[] {0.5}) {
                    for (boolean split : new boolean[] {false, true}) {
                        variants.add(new Variant("relations " + mode + " ×" + m + (split ? " split" : ""), d,
                                ps -> rel.expand(ps, mode, Set.of(), m, split), 0));
                    }
                }
            }
            for (String only : new String[] {"上游材料", "产品小类", "下游产品"}) {
                variants.add(new Variant("relations both ×0.5 only " + only, d,
                        ps -> rel.expand(ps, "both", Set.of(only), 0.5, false), 0));
            }
            variants.add(new Variant("relations both ×0.3", d, ps -> rel.expand(ps, "both", Set.of(), 0.3, false), 0));
        }
        if (groups.contains("share")) {
            for (double b : new double[] {1.5, 2, 3}) {
                variants.add(new Variant("top product ×" + b, d, ps -> boostTop(ps, b), 0));
            }
            for (double g : new double[] {0.25, 0.5, 1}) {
                variants.add(new Variant("margin × matched share^" + g, d, UnaryOperator.identity(), g));
            }
        }
        if (groups.contains("more")) {
            for (double p : new double[] {0.05, 0.1, 0.2}) {
                variants.add(new Variant("segment prior +" + p + " × firms/max", d, UnaryOperator.identity(), 0, p));
            }
            for (double n : new double[] {0.5, 2}) {
                variants.add(new Variant("name weight ×" + n, d, ps -> scaleName(ps, n), 0));
            }
            for (double h : new double[] {0.5, 1}) {
                variants.add(new Variant("head word (last 2 chars) ×" + h, d, ps -> heads(ps, h), 0));
            }
            for (int k : new int[] {5, 20}) {
                variants.add(new Variant("neighbours k=" + k, d.withBlend(0.3, k)));
            }
        }
        if (groups.contains("diverse")) {
            for (double x : new double[] {0.01, 0.7, 0.85}) {
                variants.add(new Variant("third option from another parent when ≥ " + x + " × the next", d,
                        UnaryOperator.identity(), 0, 0, x));
            }
        }
        if (groups.contains("bm25")) {
            for (double k1 : new double[] {1, 1.5, 2, 3, 5, 10}) {
                variants.add(new Variant("BM25 tf saturation k1=" + k1, d.withSaturation(k1)));
            }
        }
        List<List<Outcome>> reference = run(data, new Variant("reference: " + (d == Method.DEFAULT ? "Method.DEFAULT" : "Method.DEFAULT before round 3 (saturation off)"), d));
        report("reference", reference, reference);
        if (groups.contains("bm25cv")) {
            report("BM25 tf saturation, k1 chosen per outer fold by inner 5-fold CV on its training companies",
                    innerChosenSaturation(data, d, new double[] {0, 1, 1.5, 2, 3, 5, 10}), reference);
        }
        if (groups.contains("calib")) {
            for (double a : new double[] {5, 20}) {
                report("calibrated confidence (inner 5-fold CV: margin, top score, segment reliability a=" + a + ", log firms)",
                        Calibration.run(data, d, a), reference);
            }
        }
        for (Variant v : variants) {
            report(v.label(), run(data, v), reference);
        }

        System.out.printf(Locale.ROOT, "%d variants; %.1f s%n", variants.size() + 1, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Outer-fold outcomes with the saturation k1 that maximises p@50 + top-3 in an inner 5-fold CV on the outer
     * fold's training companies only (the held-out fold is never looked at).
     */
    static List<List<Outcome>> innerChosenSaturation(Data data, Method method, double[] grid) {
        List<Company> shuffled = new ArrayList<>(data.named);
        Collections.shuffle(shuffled, new Random(AssignmentEvaluation.SEED));
        List<List<Outcome>> folds = new ArrayList<>();
        for (int fold = 0; fold < AssignmentEvaluation.FOLDS; fold++) {
            List<Company> train = new ArrayList<>();
            List<Company> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % AssignmentEvaluation.FOLDS == fold ? test : train).add(shuffled.get(i));
            }
            double bestK = 0;
            double bestValue = -1;
            StringBuilder line = new StringBuilder();
            for (double k1 : grid) {
                List<Outcome> inner = new ArrayList<>();
                for (int k = 0; k < Calibration.INNER; k++) {
                    List<Company> tr = new ArrayList<>();
                    List<Company> te = new ArrayList<>();
                    for (int i = 0; i < train.size(); i++) {
                        (i % Calibration.INNER == k ? te : tr).add(train.get(i));
                    }
                    Calibration.cases(data, method.withSaturation(k1), tr, te)
                            .forEach(c -> inner.add(new Outcome(c.right(), c.top3(), c.segment() == null ? -1 : c.margin(), false)));
                }
                Figures f = AssignmentEvaluation.figures("", inner, 0);
                double value = f.precisionAt(0.5) + f.top3();
                line.append(String.format(Locale.ROOT, " k1=%s: %.3f+%.3f", k1, f.precisionAt(0.5), f.top3()));
                if (value > bestValue + 1e-12) {
                    bestValue = value;
                    bestK = k1;
                }
            }
            System.out.println("  outer fold " + fold + " inner CV:" + line + " → k1=" + bestK);
            List<Outcome> outcomes = new ArrayList<>();
            Calibration.cases(data, method.withSaturation(bestK), train, test)
                    .forEach(c -> outcomes.add(new Outcome(c.right(), c.top3(), c.segment() == null ? -1 : c.margin(), false)));
            folds.add(outcomes);
        }
        return folds;
    }

    /** The top product by share, weighted by {@code boost} (on the √share scale). */
    static List<Phrase> boostTop(List<Phrase> phrases, double boost) {
        int top = -1;
        for (int i = 0; i < phrases.size(); i++) {
            if (!phrases.get(i).fromName() && (top < 0 || phrases.get(i).weight() > phrases.get(top).weight())) {
                top = i;
            }
        }
        List<Phrase> out = new ArrayList<>(phrases);
        if (top >= 0) {
            Phrase p = phrases.get(top);
            out.set(top, new Phrase(p.text(), p.weight() * boost * boost, false));
        }
        return out;
    }

    /** The name phrase's weight × {@code factor}. */
    static List<Phrase> scaleName(List<Phrase> phrases, double factor) {
        return phrases.stream().map(p -> p.fromName() ? new Phrase(p.text(), p.weight() * factor * factor, true) : p).toList();
    }

    /** Each product phrase's head (its last two characters, Chinese product names end in their kind) as one more phrase. */
    static List<Phrase> heads(List<Phrase> phrases, double m) {
        List<Phrase> out = new ArrayList<>(phrases);
        for (Phrase p : phrases) {
            String t = FirmText.normalise(p.text());
            if (!p.fromName() && t.length() > 2) {
                out.add(new Phrase(t.substring(t.length() - 2) + "$", p.weight() * m * m));
            }
        }
        return out;
    }

    /** Held-out outcomes per fold. */
    static List<List<Outcome>> run(Data data, Variant variant) {
        List<Company> shuffled = new ArrayList<>(data.named);
        Collections.shuffle(shuffled, new Random(AssignmentEvaluation.SEED));
        List<List<Outcome>> folds = new ArrayList<>();
        for (int fold = 0; fold < AssignmentEvaluation.FOLDS; fold++) {
            Map<String, List<SegmentModel.Example>> train = new TreeMap<>();
            Map<String, List<Company>> test = new TreeMap<>();
            for (int i = 0; i < shuffled.size(); i++) {
                Company c = shuffled.get(i);
                if (i % AssignmentEvaluation.FOLDS == fold) {
                    test.computeIfAbsent(c.chain(), k -> new ArrayList<>()).add(c);
                } else {
                    train.computeIfAbsent(c.chain(), k -> new ArrayList<>()).add(new SegmentModel.Example(c.code(), c.name(),
                            Set.of(c.industry()), variant.phrases().apply(c.phrases()), null));
                }
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Map.Entry<String, List<Company>> e : test.entrySet()) {
                SegmentModel model = SegmentModel.train(data.segmentsByChain.get(e.getKey()),
                        train.getOrDefault(e.getKey(), List.of()), variant.method());
                for (Company c : e.getValue()) {
                    List<Phrase> phrases = variant.phrases().apply(c.phrases());
                    SegmentModel.Proposal p = model.propose(phrases, null);
                    if (variant.prior() > 0) {
                        p = withPrior(model, phrases, variant.prior());
                    }
                    List<String> ids = p.ranked().stream().map(SegmentModel.Alternative::segmentId).toList();
                    if (variant.diversify() > 0 && ids.size() == 3) {
                        ids = diversified(model, data.level2, phrases, ids, variant.diversify());
                    }
                    double conf = p.matched() ? p.margin() : -1;
                    boolean sure = p.confidence() == Confidence.SURE;
                    if (p.matched() && variant.shareGamma() > 0) {
                        conf = p.margin() * Math.pow(matchedShare(model, phrases, ids.get(0)), variant.shareGamma());
                    }
                    outcomes.add(new Outcome(!ids.isEmpty() && ids.get(0).equals(c.industry()), ids.contains(c.industry()),
                            conf, sure));
                }
            }
            folds.add(outcomes);
        }
        return folds;
    }

    /**
     * The three options, the third replaced by the best segment under another parent than the first two when
     * those share a parent and its score is at least {@code x} × the third's.
     */
    static List<String> diversified(SegmentModel model, Map<String, String> level2, List<Phrase> phrases, List<String> ids,
                                    double x) {
        double[] score = model.scores(model.vector(phrases, null), new double[model.exampleCount()]);
        List<SegmentModel.Segment> segs = model.segments();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < segs.size(); i++) {
            at.put(segs.get(i).id(), i);
        }
        String p0 = level2.get(ids.get(0));
        if (p0 == null || !p0.equals(level2.get(ids.get(1)))) {
            return ids;
        }
        int best = -1;
        for (int i = 0; i < segs.size(); i++) {
            if (!p0.equals(level2.get(segs.get(i).id())) && (best < 0 || score[i] > score[best])) {
                best = i;
            }
        }
        if (best < 0 || best == at.get(ids.get(2)) || score[best] < x * score[at.get(ids.get(2))]) {
            return ids;
        }
        return List.of(ids.get(0), ids.get(1), segs.get(best).id());
    }

    /** The proposal with score + prior × (segment's firms / largest segment's firms). */
    static SegmentModel.Proposal withPrior(SegmentModel model, List<Phrase> phrases, double prior) {
        SparseVector v = model.vector(phrases, null);
        double[] sims = new double[model.exampleCount()];
        double[] score = model.scores(v, sims);
        if (score == null) {
            return SegmentModel.NO_MATCH;
        }
        int[] firms = new int[score.length];
        for (int i = 0; i < model.exampleCount(); i++) {
            for (int s : model.segmentsOf(i)) {
                firms[s]++;
            }
        }
        double max = Math.max(1, java.util.Arrays.stream(firms).max().orElse(1));
        for (int s = 0; s < score.length; s++) {
            score[s] += prior * firms[s] / max;
        }
        return model.proposal(phrases, v, sims, score, Method.DEFAULT.sureMargin());
    }

    /** The share of the firm's product weight (names excluded) whose phrases match the segment's centroid. */
    static double matchedShare(SegmentModel model, List<Phrase> phrases, String segmentId) {
        int s = 0;
        while (!model.segments().get(s).id().equals(segmentId)) {
            s++;
        }
        double all = 0;
        double matched = 0;
        for (Phrase p : phrases) {
            if (p.fromName()) {
                continue;
            }
            all += p.weight();
            if (model.vector(List.of(p), null).dot(model.centroid(s)) > 0) {
                matched += p.weight();
            }
        }
        return all > 0 ? matched / all : 0;
    }

    static void report(String label, List<List<Outcome>> folds, List<List<Outcome>> reference) {
        List<Outcome> all = folds.stream().flatMap(List::stream).toList();
        Figures f = AssignmentEvaluation.figures(label, all, 0);
        StringBuilder s = new StringBuilder(AssignmentEvaluation.format(f)).append("\n  per fold p@50 / top-3 (Δ to reference):");
        double minD50 = Double.MAX_VALUE;
        double maxD50 = -Double.MAX_VALUE;
        double minD3 = Double.MAX_VALUE;
        double maxD3 = -Double.MAX_VALUE;
        for (int i = 0; i < folds.size(); i++) {
            Figures a = AssignmentEvaluation.figures("", folds.get(i), 0);
            Figures r = AssignmentEvaluation.figures("", reference.get(i), 0);
            double d50 = a.precisionAt(0.5) - r.precisionAt(0.5);
            double d3 = a.top3() - r.top3();
            minD50 = Math.min(minD50, d50);
            maxD50 = Math.max(maxD50, d50);
            minD3 = Math.min(minD3, d3);
            maxD3 = Math.max(maxD3, d3);
            s.append(String.format(Locale.ROOT, "  %.3f/%.3f (%+.3f/%+.3f)", a.precisionAt(0.5), a.top3(), d50, d3));
        }
        s.append(String.format(Locale.ROOT, "%n  Δ p@50 per fold %+.3f…%+.3f, Δ top-3 per fold %+.3f…%+.3f", minD50, maxD50, minD3, maxD3));
        System.out.println(s);
        System.out.flush();
    }

    /** product_product.jsonl: normalised product name → related product names by relation, both directions. */
    static final class Relations {
        record Link(String rel, String other, boolean forward) {
        }

        final Map<String, List<Link>> links = new HashMap<>();

        static Relations read(Path file) {
            JsonMapper json = JsonMapper.builder().build();
            Relations r = new Relations();
            try {
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode n = json.readTree(line);
                    String from = FirmText.normalise(n.get("from_entity").asString());
                    String to = FirmText.normalise(n.get("to_entity").asString());
                    String rel = n.get("rel").asString();
                    if (from.isEmpty() || to.isEmpty() || from.equals(to)) {
                        continue;
                    }
                    r.links.computeIfAbsent(from, k -> new ArrayList<>()).add(new Link(rel, to, true));
                    r.links.computeIfAbsent(to, k -> new ArrayList<>()).add(new Link(rel, from, false));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return r;
        }

        /**
         * The phrases plus, for each product phrase with relations, its related names at {@code m}² × its weight
         * (m on the √share scale), split among them when {@code split}; names already among the phrases are skipped.
         */
        List<Phrase> expand(List<Phrase> phrases, String mode, Set<String> only, double m, boolean split) {
            Set<String> have = new HashSet<>();
            phrases.forEach(p -> have.add(FirmText.normalise(p.text())));
            Map<String, Double> extra = new LinkedHashMap<>();
            for (Phrase p : phrases) {
                if (p.fromName()) {
                    continue;
                }
                List<String> others = new ArrayList<>();
                for (Link l : links.getOrDefault(FirmText.normalise(p.text()), List.of())) {
                    boolean dir = mode.equals("both") || mode.equals("fwd") == l.forward();
                    if (dir && (only.isEmpty() || only.contains(l.rel())) && !have.contains(l.other())) {
                        others.add(l.other());
                    }
                }
                double w = p.weight() * m * m / (split && !others.isEmpty() ? others.size() : 1);
                others.forEach(o -> extra.merge(o, w, Double::sum));
            }
            List<Phrase> out = new ArrayList<>(phrases);
            extra.forEach((t, w) -> out.add(new Phrase(t.length() > FirmText.MAX_PHRASE ? t.substring(0, FirmText.MAX_PHRASE) : t, w)));
            return out;
        }

        String coverage(List<Company> companies) {
            int phrases = 0;
            int linked = 0;
            int firms = 0;
            for (Company c : companies) {
                boolean any = false;
                for (Phrase p : c.phrases()) {
                    if (p.fromName()) {
                        continue;
                    }
                    phrases++;
                    if (links.containsKey(FirmText.normalise(p.text()))) {
                        linked++;
                        any = true;
                    }
                }
                firms += any ? 1 : 0;
            }
            return String.format(Locale.ROOT, "relations: %d names; %d of %d product phrases (%.1f%%) have some, %d of %d companies",
                    links.size(), linked, phrases, 100.0 * linked / phrases, firms, companies.size());
        }
    }
}
