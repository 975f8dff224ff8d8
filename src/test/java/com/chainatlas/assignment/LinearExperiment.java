package com.chainatlas.assignment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.chainatlas.assignment.AssignmentEvaluation.Company;
import com.chainatlas.assignment.AssignmentEvaluation.Data;
import com.chainatlas.assignment.AssignmentEvaluation.Outcome;
import com.chainatlas.assignment.LinearSegments.Kind;

/**
 * The discriminative linear classifiers (LIBLINEAR, {@link LinearSegments}) on the same 5 folds as
 * {@link AssignmentEvaluation}, products + company name, alone and blended with the method's score. Every setting
 * (C, the SVMs' softmax temperature, the blend weight, the 确定 margin) is chosen per outer fold by a 3-fold inner
 * cross-validation on that fold's training companies only, maximising precision at 50% coverage + top-3.
 *
 * <pre>
 * ./mvnw -q -o -Dfrontend.skip=true test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=com.chainatlas.assignment.LinearExperiment [-Dexec.args="DIR LR,SVC,CS"]
 * </pre>
 */
public final class LinearExperiment {

    static final double[] C_GRID = {0.5, 2, 8, 32, 128, 512, 2048};
    static final double[] TEMPERATURES = {1, 3, 10};
    static final double[] WEIGHTS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    static final int INNER = 3;

    /** One setting of a linear model. */
    record Config(Kind kind, double c, double temperature) {
    }

    /** A held-out company of an inner fold: its segment, the method's scores (null: no match) and each config's. */
    record Case(int truth, double[] base, Map<Config, double[]> linear) {
    }

    private LinearExperiment() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data");
        List<Kind> kinds = (args.length > 1 ? List.of(args[1].split(",")) : List.of("LR", "SVC", "CS")).stream()
                .map(Kind::valueOf).toList();
        long t0 = System.nanoTime();
        Data data = Data.read(dir);
        List<Config> configs = new ArrayList<>();
        for (Kind k : kinds) {
            for (double c : C_GRID) {
                for (double t : k == Kind.LR ? new double[] {1} : TEMPERATURES) {
                    configs.add(new Config(k, c, t));
                }
            }
        }
        List<Company> shuffled = new ArrayList<>(data.named);
        Collections.shuffle(shuffled, new Random(AssignmentEvaluation.SEED));
        Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
        Map<String, Integer> noMatch = new LinkedHashMap<>();
        Map<Kind, long[]> largest = new LinkedHashMap<>(); // kind → {firms, nanos}
        for (int fold = 0; fold < AssignmentEvaluation.FOLDS; fold++) {
            List<Company> training = new ArrayList<>();
            List<Company> heldOut = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % AssignmentEvaluation.FOLDS == fold ? heldOut : training).add(shuffled.get(i));
            }
            List<Case> inner = innerCases(training, data, configs);
            double[] b = figures(inner, Case::base);
            System.out.printf(Locale.ROOT, "fold %d method alone: inner p@50 %.3f top-3 %.3f%n", fold, b[0], b[1]);
            for (Kind k : kinds) {
                Choice alone = choose(inner, configs, k, false);
                Choice blend = choose(inner, configs, k, true);
                System.out.printf(Locale.ROOT, "fold %d %s: alone %s; blend %s%n", fold, k, alone, blend);
                for (Choice ch : List.of(alone, blend)) {
                    String label = k + (ch.weight < 0 ? " alone" : " blended with the method");
                    List<Outcome> out = outcomes.computeIfAbsent(label, x -> new ArrayList<>());
                    int nm = heldOutOutcomes(training, heldOut, data, ch, out, largest);
                    noMatch.merge(label, nm, Integer::sum);
                }
            }
        }
        outcomes.forEach((label, out) -> System.out.println(AssignmentEvaluation.format(
                AssignmentEvaluation.figures(label, out, noMatch.get(label)))));
        largest.forEach((k, v) -> System.out.printf(Locale.ROOT, "%s: largest chain %d training firms, linear training %.2f s%n",
                k, v[0], v[1] / 1e9));
        System.out.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** A chosen setting: config, blend weight (−1: the linear model alone) and 确定 margin. */
    record Choice(Config config, double weight, double sureMargin, double objective) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "C=%s T=%s w=%s margin %.3f (inner p@50+top3 %.3f)", config.c(),
                    config.temperature(), weight, sureMargin, objective);
        }
    }

    static Choice choose(List<Case> cases, List<Config> configs, Kind kind, boolean blend) {
        Choice best = null;
        for (Config c : configs) {
            if (c.kind() != kind) {
                continue;
            }
            for (double w : blend ? WEIGHTS : new double[] {-1}) {
                double[] f = figures(cases, k -> score(k.base(), k.linear().get(c), w));
                if (best == null || f[0] + f[1] > best.objective + 1e-12) {
                    best = new Choice(c, w, f[2], f[0] + f[1]);
                }
            }
        }
        return best;
    }

    static double[] score(double[] base, double[] linear, double weight) {
        if (base == null) {
            return null;
        }
        if (weight < 0) {
            return java.util.Arrays.stream(linear).sum() > 0 ? linear : base;
        }
        double[] out = new double[base.length];
        for (int s = 0; s < out.length; s++) {
            out[s] = (1 - weight) * base[s] + weight * linear[s];
        }
        return out;
    }

    /** {p@50, top-3, margin reaching 50% coverage} of the cases under a scoring. */
    static double[] figures(List<Case> cases, Function<Case, double[]> scoring) {
        List<double[]> rows = new ArrayList<>(); // {margin, top1, top3}
        int top3 = 0;
        for (Case c : cases) {
            double[] s = scoring.apply(c);
            if (s == null) {
                rows.add(new double[] {-1, 0});
                continue;
            }
            int[] order = order(s);
            int rank = 0;
            while (rank < order.length && order[rank] != c.truth()) {
                rank++;
            }
            top3 += rank < 3 ? 1 : 0;
            rows.add(new double[] {s[order[0]] - (order.length > 1 ? s[order[1]] : 0), rank == 0 ? 1 : 0});
        }
        rows.sort(Comparator.comparingDouble((double[] r) -> r[0]).reversed());
        int half = rows.size() / 2;
        double right = 0;
        for (int i = 0; i < half; i++) {
            right += rows.get(i)[1];
        }
        return new double[] {right / half, (double) top3 / cases.size(), rows.get(half - 1)[0]};
    }

    static int[] order(double[] s) {
        Integer[] idx = new Integer[s.length];
        for (int i = 0; i < s.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a]) : Integer.compare(a, b));
        return java.util.Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** Inner 3-fold cross-validation on {@code training}: every company scored by models not trained on it. */
    static List<Case> innerCases(List<Company> training, Data data, List<Config> configs) {
        List<Company> shuffled = new ArrayList<>(training);
        Collections.shuffle(shuffled, new Random(7));
        List<Case> cases = new ArrayList<>();
        for (int f = 0; f < INNER; f++) {
            Map<String, List<Company>> train = new TreeMap<>();
            Map<String, List<Company>> test = new TreeMap<>();
            for (int i = 0; i < shuffled.size(); i++) {
                Company c = shuffled.get(i);
                (i % INNER == f ? test : train).computeIfAbsent(c.chain(), k -> new ArrayList<>()).add(c);
            }
            for (Map.Entry<String, List<Company>> e : test.entrySet()) {
                SegmentModel base = SegmentModel.train(data.segmentsByChain.get(e.getKey()),
                        examples(train.getOrDefault(e.getKey(), List.of())), Method.DEFAULT);
                Map<Config, LinearSegments> models = new LinkedHashMap<>();
                Map<Kind, Map<Double, LinearSegments>> byC = new LinkedHashMap<>();
                for (Config c : configs) {
                    models.put(c, byC.computeIfAbsent(c.kind(), k -> new TreeMap<>())
                            .computeIfAbsent(c.c(), x -> LinearSegments.train(base, c.kind(), x)));
                }
                for (Company c : e.getValue()) {
                    SparseVector v = base.vector(c.phrases(), null);
                    double[] s = base.scores(v, new double[base.exampleCount()]);
                    Map<Config, double[]> lin = new LinkedHashMap<>();
                    models.forEach((cfg, m) -> lin.put(cfg, m.probabilities(v, cfg.temperature())));
                    cases.add(new Case(index(base, c.industry()), s, lin));
                }
            }
        }
        return cases;
    }

    /** Trains per chain on {@code training}, scores {@code heldOut} with the choice; returns the no-match count. */
    static int heldOutOutcomes(List<Company> training, List<Company> heldOut, Data data, Choice ch, List<Outcome> out,
                               Map<Kind, long[]> largest) {
        Map<String, List<Company>> train = new TreeMap<>();
        Map<String, List<Company>> test = new TreeMap<>();
        training.forEach(c -> train.computeIfAbsent(c.chain(), k -> new ArrayList<>()).add(c));
        heldOut.forEach(c -> test.computeIfAbsent(c.chain(), k -> new ArrayList<>()).add(c));
        int noMatch = 0;
        for (Map.Entry<String, List<Company>> e : test.entrySet()) {
            SegmentModel base = SegmentModel.train(data.segmentsByChain.get(e.getKey()),
                    examples(train.getOrDefault(e.getKey(), List.of())), Method.DEFAULT);
            long t = System.nanoTime();
            LinearSegments lin = LinearSegments.train(base, ch.config().kind(), ch.config().c());
            t = System.nanoTime() - t;
            long[] l = largest.computeIfAbsent(ch.config().kind(), k -> new long[2]);
            if (base.exampleCount() > l[0] || base.exampleCount() == l[0] && t > l[1]) {
                l[0] = base.exampleCount();
                l[1] = t;
            }
            for (Company c : e.getValue()) {
                SparseVector v = base.vector(c.phrases(), null);
                double[] sims = new double[base.exampleCount()];
                double[] s = score(base.scores(v, sims), lin.probabilities(v, ch.config().temperature()), ch.weight());
                if (s == null) {
                    noMatch++;
                    out.add(new Outcome(false, false, -1, false));
                    continue;
                }
                SegmentModel.Proposal p = base.proposal(c.phrases(), v, sims, s, ch.sureMargin());
                List<String> ids = p.ranked().stream().map(SegmentModel.Alternative::segmentId).toList();
                out.add(new Outcome(ids.get(0).equals(c.industry()), ids.contains(c.industry()), p.margin(),
                        p.confidence() == Confidence.SURE));
            }
        }
        return noMatch;
    }

    static List<SegmentModel.Example> examples(List<Company> companies) {
        return companies.stream().map(c -> new SegmentModel.Example(c.code(), c.name(), Set.of(c.industry()), c.phrases(),
                null)).toList();
    }

    static int index(SegmentModel model, String segment) {
        for (int i = 0; i < model.segments().size(); i++) {
            if (model.segments().get(i).id().equals(segment)) {
                return i;
            }
        }
        return -1;
    }
}
