package com.chainatlas.analysis.extend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The back-test where the right answer is known: a planted relatedness (hidden proximity, seen by no method
 * directly) that the learnt model must recover, and a null process where every method must score ROC-AUC ≈ ½
 * within a tolerance derived from the sample size; then, when {@code ../shared/data} is present, the listed
 * companies at t = 2015 (figures to {@code target/extend-backtest-listed.md}).
 */
class ExtendBackTestTest {

    private static final Path DATA = Path.of(System.getProperty("chainatlas.shared-data", "../shared/data"));
    private static final String MODEL = "model 模型";
    /** The baselines the issue names, and the rule the model replaces. */
    private static final List<String> BASELINES = List.of("rule 规则 (before)", "national size",
            "national growth (5 y)", "random", "FEEDS share present", "strong FEEDS neighbours");

    @Test
    void theModelRecoversAPlantedRelatedness() {
        ExtendBackTest.Case c = PlantedEntryProcess.planted(1).toCase();
        Map<String, ExtendBackTest.Result> r = byMethod(ExtendBackTest.run(c, ExtendBackTest.methods(3)));
        System.out.println(ExtendBackTest.table(c, List.copyOf(r.values())));
        double model = r.get(MODEL).auc()[0];
        assertThat(model).isGreaterThan(0.65);
        for (String baseline : BASELINES) {
            // clearly: the model's whole interval above the baseline's mean, and 0.08 above it
            assertThat(r.get(MODEL).auc()[1]).as(baseline).isGreaterThan(r.get(baseline).auc()[0]);
            assertThat(model).as(baseline).isGreaterThan(r.get(baseline).auc()[0] + 0.08);
            assertThat(r.get(MODEL).ap()[0]).as(baseline).isGreaterThan(r.get(baseline).ap()[0]);
        }
        // what carried it: co-location (the data's view of the hidden proximity) outweighs the unrelated FEEDS
        // and sibling groups; popularity, which also drives entry, comes through national size and growth
        ExtendModel m = ExtendBackTest.product(c).orElseThrow().model(); // the product's model of the case
        double[] w = m.coefficients();
        double colocation = w[ExtendFeature.COLOCATION.ordinal()] + w[ExtendFeature.COLOCATION_LQ.ordinal()];
        assertThat(colocation).isPositive()
                .isGreaterThan(3 * Math.abs(w[ExtendFeature.FLOW_DENSITY.ordinal()]))
                .isGreaterThan(3 * Math.abs(w[ExtendFeature.SIBLING_DENSITY.ordinal()]));
        // and the model gets as far as the (unknown to it) right feature alone
        assertThat(model).isGreaterThan(r.get("co-location density").auc()[0] - 0.03);

        // the oracle (the same form fitted on the truth window, in sample) must reach at least what the form
        // learns out of sample, whether fitted directly or through the product: a wrong window or label fails here
        Map<String, ExtendBackTest.Result> o = byMethod(ExtendBackTest.run(c, ExtendBackTest.oracleMethods()));
        ExtendBackTest.Result oracle = o.get(ExtendBackTest.ORACLE);
        ExtendBackTest.Result direct = o.get(ExtendBackTest.DIRECT);
        assertThat(direct.auc()[0]).isCloseTo(model, org.assertj.core.data.Offset.offset(0.01));
        for (ExtendBackTest.Result outOfSample : List.of(direct, r.get(MODEL))) {
            assertThat(oracle.auc()[0]).as(outOfSample.method()).isGreaterThanOrEqualTo(outOfSample.auc()[0]);
            assertThat(oracle.ap()[0]).as(outOfSample.method()).isGreaterThanOrEqualTo(outOfSample.ap()[0]);
        }
    }

    @Test
    void underTheNullEveryMethodScoresAHalf() {
        ExtendBackTest.Case c = PlantedEntryProcess.none(1).toCase();
        List<ExtendBackTest.Result> results = ExtendBackTest.run(c, ExtendBackTest.methods(3));
        System.out.println(ExtendBackTest.table(c, results));
        double tolerance = 4 * nullStandardError(c);
        assertThat(tolerance).isBetween(0.01, 0.1); // enough regions and entries for the check to mean something
        for (ExtendBackTest.Result r : results) {
            assertThat(r.regions()).isEqualTo(PlantedEntryProcess.REGIONS);
            assertThat(r.auc()[0]).as(r.method()).isBetween(0.5 - tolerance, 0.5 + tolerance);
        }
    }

    @Test
    void listedCompaniesAt2015() throws IOException {
        assumeTrue(ListedCompanyEntries.available(DATA), "no ../shared/data here");
        ListedCompanyEntries listed = ListedCompanyEntries.read(DATA);
        ExtendBackTest.Case c = listed.toCase(2015);
        List<ExtendBackTest.Result> results = ExtendBackTest.run(c, ExtendBackTest.methods(11));
        String table = ExtendBackTest.table(c, results);
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/extend-backtest-listed.md"), table, StandardCharsets.UTF_8);
        Map<String, ExtendBackTest.Result> r = byMethod(results);
        for (String baseline : BASELINES) {
            assertThat(r.get(MODEL).auc()[0]).as(baseline).isGreaterThan(r.get(baseline).auc()[0]);
            assertThat(r.get(MODEL).ap()[0]).as(baseline).isGreaterThan(r.get(baseline).ap()[0]);
            assertThat(r.get(MODEL).p5()[0]).as(baseline).isGreaterThan(r.get(baseline).p5()[0]);
        }
    }

    /**
     * Standard error of the mean per-region ROC-AUC under the null: a region with n₁ entries and n₀ non-entries
     * has Var(AUC) = (n₁ + n₀ + 1) / (12 n₁ n₀) (Mann–Whitney, no ties; ties only lower it); regions are
     * independent, so the mean has √(Σ Var) / R.
     */
    static double nullStandardError(ExtendBackTest.Case c) {
        int[][] now = c.history().counts(c.cut());
        int[][] later = c.history().counts(c.end());
        double variance = 0;
        int regions = 0;
        for (int r = 0; r < now.length; r++) {
            int n1 = 0;
            int n0 = 0;
            for (int s = 0; s < now[r].length; s++) {
                if (now[r][s] == 0) {
                    if (later[r][s] > 0) {
                        n1++;
                    } else {
                        n0++;
                    }
                }
            }
            if (n1 > 0 && n0 > 0) {
                variance += (n1 + n0 + 1) / (12.0 * n1 * n0);
                regions++;
            }
        }
        return Math.sqrt(variance) / regions;
    }

    private static Map<String, ExtendBackTest.Result> byMethod(List<ExtendBackTest.Result> results) {
        return results.stream().collect(Collectors.toMap(ExtendBackTest.Result::method, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
