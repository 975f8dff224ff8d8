package com.chainatlas.analysis.extend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

import com.chainatlas.analysis.ExtendRuleRanking;
import com.chainatlas.analysis.ProductExtendRanking;

/**
 * 延链 back-test (issue 15, point 3): at a cut date t, every region ranks the candidate segments it lacks at t;
 * the truth is the segments it enters in [t, end). Per region ROC-AUC, average precision (AUC-PR) and
 * precision@5, averaged over the regions with at least one entry and one segment not entered, with percentile
 * bootstrap 95 % intervals resampling regions. Methods: the learnt model as the product ranks with it
 * ({@link ProductExtendRanking}: the diagnosis of an as-of view before t, whose {@link ExtendModel} is trained only
 * on data before t), the product's rule before it ({@link ExtendRuleRanking}), and the baselines national size at
 * t, national growth in the 5 years before t, random, share of FEEDS neighbours present, count of FEEDS
 * neighbours the region is strong in (LQ ≥ 1), and co-location density alone.
 *
 * <pre>
 * ./mvnw -q -B -o -Dfrontend.skip=true test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
 *   -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false \
 *   -Dexec.mainClass=com.chainatlas.analysis.extend.ExtendBackTest -Dexec.args="all ../shared/data"
 * </pre>
 * Arguments: {@code listed [dataDir]} (t = 2015 and 2018), {@code planted}, {@code null}, or {@code all}; with
 * {@code --oracle} also the in-sample upper bound ({@link #oracleMethods}), with {@code --signals} also the
 * candidate new signals ({@link #signalMethods}), with {@code --trees} also the non-linear learners
 * ({@link #treeMethods}), each followed by paired per-region differences.
 * Prints a Markdown table and writes it to {@code target/extend-backtest.md}.
 */
public final class ExtendBackTest {

    static final int TOP = 5;
    static final int RESAMPLES = 2000;

    /** A back-test setting: data, the cut, the end (exclusive) and each region's province code for the rule. */
    record Case(String name, EntryHistory history, SegmentSpace space, boolean[] candidate, double cut, double end,
                int[] regionCode) {
    }

    /**
     * Mean and 95 % interval of each metric over the regions scored; {@code perRegion} holds each scored region's
     * {ROC-AUC, AUC-PR, P@5} in region order (the same regions for every method of a case: which regions count
     * depends on the truth only).
     */
    record Result(String method, int regions, double[] auc, double[] ap, double[] p5, List<double[]> perRegion) {
    }

    /** A ranking method: scores [region][segment] from the state at the cut (and, for the model, the past). */
    interface Method {
        String name();

        Optional<double[][]> scores(Case c, int[][] atCut);
    }

    static List<Method> methods(long seed) {
        List<Method> m = new ArrayList<>();
        m.add(method("model 模型", (c, now) -> product(c).map(ProductExtendRanking.Ranked::scores)));
        m.add(method("rule 规则 (before)", (c, now) -> Optional.of(ExtendRuleRanking.scores(now, c.regionCode(),
                c.space().parent, c.space().up))));
        m.add(feature("national size", ExtendFeature.NATIONAL_SIZE));
        m.add(feature("national growth (5 y)", ExtendFeature.NATIONAL_GROWTH));
        m.add(method("random", (c, now) -> {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] out = new double[now.length][c.space().segments];
            for (double[] row : out) {
                for (int s = 0; s < row.length; s++) {
                    row[s] = random.nextDouble();
                }
            }
            return Optional.of(out);
        }));
        m.add(feature("FEEDS share present", ExtendFeature.FLOW_DENSITY));
        m.add(method("strong FEEDS neighbours", (c, now) -> {
            Relatedness rel = relatedness(c, now);
            SegmentSpace sp = c.space();
            double[][] out = new double[now.length][sp.segments];
            for (int r = 0; r < now.length; r++) {
                boolean[] strong = rel.advantage(now[r]);
                for (int s = 0; s < sp.segments; s++) {
                    for (int a : sp.up[s]) {
                        out[r][s] += strong[a] ? 1 : 0;
                    }
                    for (int d : sp.down[s]) {
                        out[r][s] += strong[d] ? 1 : 0;
                    }
                }
            }
            return Optional.of(out);
        }));
        m.add(feature("co-location density", ExtendFeature.COLOCATION));
        return m;
    }

    /** Name of the oracle method: the model form fitted on the truth window itself (an in-sample upper bound). */
    static final String ORACLE = "oracle: model form fitted on [t, end) (in-sample upper bound)";
    static final String DIRECT = "model form fitted on [t−5, t) (out of sample, direct)";

    /**
     * {@code --oracle}: the product's model form fitted on the back-test's own truth window — it sees the answers, so
     * it bounds what one weight vector over these features can reach; never a product method. Beside it the same
     * form fitted out of sample directly on the case (what the product path fits, bar the FEEDS strengths).
     */
    static List<Method> oracleMethods() {
        return List.of(method(DIRECT, (c, now) -> Optional.of(WindowFit.outOfSample(c, List.of()))),
                method(ORACLE, (c, now) -> Optional.of(WindowFit.oracle(c, List.of()))));
    }

    /**
     * {@code --signals}: the model form plus one new signal each (and all together), fitted out of sample on
     * [t−5, t) exactly as the product's model is; the oracle of the richest variant for reference.
     */
    static List<Method> signalMethods() {
        List<Method> m = new ArrayList<>();
        for (WindowFit.Signal s : EntrySignals.ALL) {
            m.add(method("+ " + s.name(), (c, now) -> Optional.of(WindowFit.outOfSample(c, List.of(s)))));
        }
        m.add(method("+ all five", (c, now) -> Optional.of(WindowFit.outOfSample(c, EntrySignals.ALL))));
        m.add(method("oracle + all five (in-sample upper bound)",
                (c, now) -> Optional.of(WindowFit.oracle(c, EntrySignals.ALL))));
        return m;
    }

    /**
     * {@code --trees}: the non-linear learners of {@link TreeFit} (boosted trees over pairs, per-segment trees over
     * the region's portfolio, blends), each fitted out of sample on entries before t exactly as the model is.
     */
    static List<Method> treeMethods() {
        java.util.Map<String, double[][]> memo = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.function.BiFunction<String, TreeFit.Scorer, TreeFit.Scorer> cached =
                (key, s) -> c -> memo.computeIfAbsent(c.name() + "|" + c.cut() + "|" + key, k -> s.scores(c));
        List<WindowFit.Signal> withRegion = TreeFit.REGION_LEVEL;
        List<WindowFit.Signal> withCounts = new ArrayList<>(TreeFit.REGION_LEVEL);
        withCounts.add(TreeFit.COLOCATION_COUNTS);
        TreeFit.Scorer linear = cached.apply("linear", c -> WindowFit.outOfSample(c, List.of()));
        TreeFit.Scorer six = cached.apply("six", c -> TreeFit.pairTrees(c, List.of(), PAIR, 1));
        TreeFit.Scorer region1 = cached.apply("region1", c -> TreeFit.pairTrees(c, withRegion, PAIR, 1));
        TreeFit.Scorer region5 = cached.apply("region5", c -> TreeFit.pairTrees(c, withRegion, PAIR, 5));
        TreeFit.Scorer counts5 = cached.apply("counts5", c -> TreeFit.pairTrees(c, withCounts, PAIR, 5));
        TreeFit.Scorer selected = cached.apply("selected", c -> {
            List<TreeFit.Scorer> grid = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int starts : new int[]{1, 5}) {
                for (com.chainatlas.targeting.linkprediction.BoostedTrees.Settings g : PAIR_GRID) {
                    grid.add(d -> TreeFit.pairTrees(d, withRegion, g, starts));
                    names.add(starts + " windows, " + g);
                }
            }
            int best = TreeFit.select(c, grid);
            System.out.println("inner split chose for " + c.name() + ": " + names.get(best));
            return grid.get(best).scores(c);
        });
        TreeFit.Scorer segPresence = cached.apply("segP", c -> TreeFit.perSegment(c, SEGMENT, 10, false));
        TreeFit.Scorer segCounts = cached.apply("segC", c -> TreeFit.perSegment(c, SEGMENT, 10, true));
        TreeFit.Scorer segRca = cached.apply("segR", c -> TreeFit.perSegment(c, SEGMENT, 10, TreeFit.Portfolio.RCA));
        TreeFit.Scorer residual = cached.apply("residual", c -> TreeFit.boosted(c, withRegion, RESIDUAL, 1, true));
        TreeFit.Scorer residual5 = cached.apply("residual5", c -> TreeFit.boosted(c, withRegion, RESIDUAL, 5, true));
        TreeFit.Scorer regionOffset = cached.apply("regionOffset", c -> TreeFit.boosted(c, withRegion, PAIR, 1, false));
        TreeFit.Scorer regionOffset5 = cached.apply("regionOffset5",
                c -> TreeFit.boosted(c, withRegion, PAIR, 5, false));
        TreeFit.Scorer residualSelected = cached.apply("residualSelected", c -> {
            List<TreeFit.Scorer> grid = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int starts : new int[]{1, 5}) {
                for (com.chainatlas.targeting.linkprediction.BoostedTrees.Settings g : RESIDUAL_GRID) {
                    grid.add(d -> TreeFit.boosted(d, withRegion, g, starts, true));
                    names.add(starts + " windows, " + g);
                }
            }
            int best = TreeFit.select(c, grid);
            System.out.println("inner split chose (residual trees) for " + c.name() + ": " + names.get(best));
            return grid.get(best).scores(c);
        });
        List<Method> m = new ArrayList<>();
        m.add(TreeFit.method("linear + residual trees (1 window)", residual));
        m.add(TreeFit.method("linear + residual trees (5 windows)", residual5));
        m.add(TreeFit.method(RESIDUAL_SELECTED, residualSelected));
        m.add(TreeFit.method("trees from region intercepts (1 window)", regionOffset));
        m.add(TreeFit.method("trees from region intercepts (5 windows)", regionOffset5));
        m.add(TreeFit.method("trees: six features (1 window)", six));
        m.add(TreeFit.method("trees: six + region-level (1 window)", region1));
        m.add(TreeFit.method("trees: six + region-level (5 windows)", region5));
        m.add(TreeFit.method("trees: six + region-level + co-location by counts (5 windows)", counts5));
        m.add(TreeFit.method(TREES_SELECTED, selected));
        m.add(TreeFit.method("per-segment trees, presence (10 starts)", segPresence));
        m.add(TreeFit.method("per-segment trees, ln(1+firms) (10 starts)", segCounts));
        m.add(TreeFit.method("per-segment trees, RCA ≥ 1 (10 starts)", segRca));
        m.add(TreeFit.method("blend ½ linear + ½ per-segment presence",
                c -> TreeFit.blend(linear.scores(c), segPresence.scores(c), 0.5)));
        m.add(TreeFit.method("blend ½ pair trees (selected) + ½ per-segment presence",
                c -> TreeFit.blend(selected.scores(c), segPresence.scores(c), 0.5)));
        m.add(TreeFit.method("blend ½ linear + ½ pair trees (selected)",
                c -> TreeFit.blend(linear.scores(c), selected.scores(c), 0.5)));
        return m;
    }

    static final String RESIDUAL_SELECTED = "linear + residual trees, rounds chosen on the inner split";
    /** Few, shallow trees on top of the linear fit: interactions it misses, not a second copy of it. */
    static final com.chainatlas.targeting.linkprediction.BoostedTrees.Settings RESIDUAL =
            new com.chainatlas.targeting.linkprediction.BoostedTrees.Settings(50, 2, 0.05, 32, 50, 1.0);
    static final List<com.chainatlas.targeting.linkprediction.BoostedTrees.Settings> RESIDUAL_GRID = List.of(
            new com.chainatlas.targeting.linkprediction.BoostedTrees.Settings(20, 2, 0.05, 32, 50, 1.0),
            new com.chainatlas.targeting.linkprediction.BoostedTrees.Settings(50, 2, 0.05, 32, 50, 1.0),
            new com.chainatlas.targeting.linkprediction.BoostedTrees.Settings(100, 2, 0.05, 32, 50, 1.0),
            new com.chainatlas.targeting.linkprediction.BoostedTrees.Settings(50, 3, 0.05, 32, 100, 1.0));
    static final String TREES_SELECTED = "trees: six + region-level, settings chosen on the inner split";
    /** A priori pair-tree settings: slow learning, shallow trees, large leaves (a few hundred positives). */
    static final com.chainatlas.targeting.linkprediction.BoostedTrees.Settings PAIR =
            new com.chainatlas.targeting.linkprediction.BoostedTrees.Settings(200, 3, 0.05, 32, 50, 1.0);
    static final List<com.chainatlas.targeting.linkprediction.BoostedTrees.Settings> PAIR_GRID = List.of(
            new com.chainatlas.targeting.linkprediction.BoostedTrees.Settings(100, 2, 0.05, 32, 50, 1.0),
            new com.chainatlas.targeting.linkprediction.BoostedTrees.Settings(300, 2, 0.05, 32, 50, 1.0),
            new com.chainatlas.targeting.linkprediction.BoostedTrees.Settings(100, 3, 0.05, 32, 50, 1.0),
            new com.chainatlas.targeting.linkprediction.BoostedTrees.Settings(300, 3, 0.05, 32, 50, 1.0),
            new com.chainatlas.targeting.linkprediction.BoostedTrees.Settings(200, 4, 0.05, 32, 100, 1.0));
    /** Per-segment settings: a few hundred examples and a handful of positives each. */
    static final com.chainatlas.targeting.linkprediction.BoostedTrees.Settings SEGMENT =
            new com.chainatlas.targeting.linkprediction.BoostedTrees.Settings(50, 2, 0.1, 16, 5, 1.0);

    /**
     * Paired comparison with a reference method: mean per-region difference of each metric and its percentile
     * bootstrap 95 % interval (resampling regions, both methods on the same draw).
     */
    static String paired(Result reference, List<Result> others) {
        StringBuilder b = new StringBuilder("\n| against " + reference.method()
                + " (per-region difference) | ΔROC-AUC [95 % CI] | ΔAUC-PR [95 % CI] | ΔP@5 [95 % CI] |\n|---|---|---|---|\n");
        for (Result o : others) {
            if (o == reference || o.perRegion().size() != reference.perRegion().size()) {
                continue;
            }
            b.append("| ").append(o.method());
            for (int k = 0; k < 3; k++) {
                double[] d = new double[o.perRegion().size()];
                for (int r = 0; r < d.length; r++) {
                    d[r] = o.perRegion().get(r)[k] - reference.perRegion().get(r)[k];
                }
                double[] v = RankingMetrics.meanWithInterval(d, RESAMPLES, 7);
                b.append(String.format(Locale.ROOT, " | %+.3f [%+.3f, %+.3f]", v[0], v[1], v[2]));
            }
            b.append(" |\n");
        }
        return b.toString();
    }

    /**
     * The product's ranking of the case: its snapshot, as-of view before the cut and diagnosis per region
     * ({@link ProductExtendRanking}); the one scoring path the product uses.
     */
    static Optional<ProductExtendRanking.Ranked> product(Case c) {
        return ProductExtendRanking.rank(c.history(), c.regionCode(), c.space().parent, c.space().up, c.cut());
    }

    private static Method method(String name, java.util.function.BiFunction<Case, int[][], Optional<double[][]>> f) {
        return new Method() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<double[][]> scores(Case c, int[][] atCut) {
                return f.apply(c, atCut);
            }
        };
    }

    private static Method feature(String name, ExtendFeature feature) {
        return method(name, (c, now) -> {
            Relatedness rel = relatedness(c, now);
            double[][] out = new double[now.length][];
            for (int r = 0; r < now.length; r++) {
                double[][] f = rel.features(now[r]);
                out[r] = new double[f.length];
                for (int s = 0; s < f.length; s++) {
                    out[r][s] = f[s][feature.ordinal()];
                }
            }
            return Optional.of(out);
        });
    }

    private static Relatedness relatedness(Case c, int[][] now) {
        return new Relatedness(c.space(), now, c.history().counts(c.cut() - ExtendModel.WINDOW_YEARS));
    }

    static List<Result> run(Case c, List<Method> methods) {
        int[][] now = c.history().counts(c.cut());
        int[][] later = c.history().counts(c.end());
        List<Result> results = new ArrayList<>();
        for (Method m : methods) {
            Optional<double[][]> scores = m.scores(c, now);
            if (scores.isEmpty()) {
                results.add(new Result(m.name(), 0, nan(), nan(), nan(), List.of()));
                continue;
            }
            List<double[]> perRegion = new ArrayList<>();
            for (int r = 0; r < now.length; r++) {
                List<Integer> lacking = new ArrayList<>();
                for (int s = 0; s < now[r].length; s++) {
                    if (now[r][s] == 0 && (c.candidate() == null || c.candidate()[s])) {
                        lacking.add(s);
                    }
                }
                boolean[] y = new boolean[lacking.size()];
                double[] score = new double[lacking.size()];
                int positives = 0;
                for (int i = 0; i < y.length; i++) {
                    y[i] = later[r][lacking.get(i)] > 0;
                    score[i] = scores.get()[r][lacking.get(i)];
                    positives += y[i] ? 1 : 0;
                }
                if (positives == 0 || positives == y.length) {
                    continue;
                }
                perRegion.add(new double[]{RankingMetrics.rocAuc(y, score), RankingMetrics.averagePrecision(y, score),
                        RankingMetrics.precisionAt(TOP, y, score)});
            }
            results.add(new Result(m.name(), perRegion.size(), interval(perRegion, 0), interval(perRegion, 1),
                    interval(perRegion, 2), perRegion));
        }
        return results;
    }

    private static double[] interval(List<double[]> rows, int metric) {
        return RankingMetrics.meanWithInterval(rows.stream().mapToDouble(r -> r[metric]).toArray(), RESAMPLES, 7);
    }

    private static double[] nan() {
        return new double[]{Double.NaN, Double.NaN, Double.NaN};
    }

    /** Entries in [cut, end) among the pairs lacking at the cut, and those pairs. */
    static int[] truthSize(Case c) {
        int[][] now = c.history().counts(c.cut());
        int[][] later = c.history().counts(c.end());
        int lacking = 0;
        int entered = 0;
        for (int r = 0; r < now.length; r++) {
            for (int s = 0; s < now[r].length; s++) {
                if (now[r][s] == 0 && (c.candidate() == null || c.candidate()[s])) {
                    lacking++;
                    entered += later[r][s] > 0 ? 1 : 0;
                }
            }
        }
        return new int[]{lacking, entered};
    }

    static String table(Case c, List<Result> results) {
        int[] truth = truthSize(c);
        StringBuilder b = new StringBuilder();
        b.append("\n### ").append(c.name()).append('\n').append(String.format(Locale.ROOT,
                "%d regions, %d candidate segments, %d dated rows; %d (region, segment) pairs lacking at the cut, "
                        + "%d of them entered by the end%n%n", c.history().regions(), c.space().segments(),
                c.history().size(), truth[0], truth[1]));
        b.append("| method | regions | ROC-AUC [95 % CI] | AUC-PR [95 % CI] | P@5 [95 % CI] |\n|---|---|---|---|---|\n");
        for (Result r : results) {
            b.append("| ").append(r.method()).append(" | ").append(r.regions()).append(" | ").append(ci(r.auc()))
                    .append(" | ").append(ci(r.ap())).append(" | ").append(ci(r.p5())).append(" |\n");
        }
        return b.toString();
    }

    private static String ci(double[] v) {
        return Double.isNaN(v[0]) ? "— (not trained)"
                : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", v[0], v[1], v[2]);
    }

    public static void main(String[] args) throws IOException {
        List<String> flags = java.util.Arrays.stream(args).filter(a -> a.startsWith("--")).toList();
        List<String> rest = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        String what = rest.size() > 0 ? rest.get(0) : "all";
        Path data = Path.of(rest.size() > 1 ? rest.get(1) : "../shared/data");
        boolean oracle = flags.contains("--oracle");
        boolean signals = flags.contains("--signals");
        boolean trees = flags.contains("--trees");
        List<Case> cases = new ArrayList<>();
        if (what.equals("planted") || what.equals("all")) {
            cases.add(PlantedEntryProcess.planted(1).toCase());
        }
        if (what.equals("null") || what.equals("all")) {
            cases.add(PlantedEntryProcess.none(1).toCase());
        }
        if (what.equals("listed") || what.equals("all")) {
            if (ListedCompanyEntries.available(data)) {
                ListedCompanyEntries listed = ListedCompanyEntries.read(data);
                cases.add(listed.toCase(2015));
                cases.add(listed.toCase(2018));
            } else {
                System.out.println("no listed-company data under " + data.toAbsolutePath() + ": skipped");
            }
        }
        StringBuilder out = new StringBuilder();
        for (Case c : cases) {
            long started = System.nanoTime();
            List<Method> ms = new ArrayList<>(methods(11));
            if (oracle || signals || trees) {
                ms.addAll(oracleMethods());
            }
            if (signals) {
                ms.addAll(signalMethods());
            }
            if (trees) {
                ms.addAll(treeMethods());
            }
            List<Result> results = run(c, ms);
            String t = table(c, results);
            if (oracle || signals || trees) {
                t += paired(results.get(0), results) + paired(results.stream()
                        .filter(r -> r.method().equals(DIRECT)).findFirst().orElseThrow(), results);
            }
            out.append(t).append(String.format(Locale.ROOT, "%n(%.1f s)%n", (System.nanoTime() - started) / 1e9));
            System.out.println(t);
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/extend-backtest.md"), out, StandardCharsets.UTF_8);
    }
}
