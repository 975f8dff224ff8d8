package com.chainatlas.analysis.extend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The back-test's non-linear learners ({@link TreeFit}) on the generated processes: they learn the planted
 * relatedness, score ½ under the null, and read nothing dated at or after the cut.
 */
class TreeFitTest {

    private static final List<WindowFit.Signal> REGION = TreeFit.REGION_LEVEL;

    private static List<ExtendBackTest.Method> learners() {
        return List.of(
                TreeFit.method("pair trees", c -> TreeFit.pairTrees(c, List.of(), ExtendBackTest.PAIR, 1)),
                TreeFit.method("linear + residual trees", c -> TreeFit.boosted(c, REGION, ExtendBackTest.RESIDUAL, 1, true)),
                TreeFit.method("per-segment trees", c -> TreeFit.perSegment(c, ExtendBackTest.SEGMENT, 10, false)));
    }

    @Test
    void theTreesLearnThePlantedRelatedness() {
        ExtendBackTest.Case c = PlantedEntryProcess.planted(1).toCase();
        List<ExtendBackTest.Method> methods = new ArrayList<>(learners());
        // only the two baselines compared with (the product path of ExtendBackTest.methods is ExtendBackTestTest's)
        ExtendBackTest.methods(3).stream().filter(m -> m.name().equals("national size") || m.name().equals("random"))
                .forEach(methods::add);
        Map<String, ExtendBackTest.Result> r = ExtendBackTest.run(c, methods).stream()
                .collect(Collectors.toMap(ExtendBackTest.Result::method, Function.identity()));
        double size = r.get("national size").auc()[0];
        assertThat(r.get("pair trees").auc()[0]).isGreaterThan(0.65).isGreaterThan(size + 0.08);
        assertThat(r.get("linear + residual trees").auc()[0]).isGreaterThan(0.65).isGreaterThan(size + 0.08);
        // data-starved (a few entries per segment), but still above the baselines that ignore relatedness
        assertThat(r.get("per-segment trees").auc()[0]).isGreaterThan(r.get("random").auc()[0] + 0.05);
    }

    @Test
    void underTheNullTheTreesScoreAHalf() {
        ExtendBackTest.Case c = PlantedEntryProcess.none(1).toCase();
        double tolerance = 4 * ExtendBackTestTest.nullStandardError(c);
        for (ExtendBackTest.Result r : ExtendBackTest.run(c, learners())) {
            assertThat(r.auc()[0]).as(r.method()).isBetween(0.5 - tolerance, 0.5 + tolerance);
        }
    }

    @Test
    void nothingAtOrAfterTheCutIsRead() {
        ExtendBackTest.Case c = PlantedEntryProcess.planted(2).toCase();
        EntryHistory h = c.history();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            if (h.timeOf(i) < c.cut()) {
                kept.add(i);
            }
        }
        EntryHistory past = new EntryHistory(h.regions(), h.segments(), kept.stream().mapToInt(h::regionOf).toArray(),
                kept.stream().mapToInt(h::segmentOf).toArray(), kept.stream().mapToDouble(h::timeOf).toArray());
        assertThat(past.size()).isLessThan(h.size());
        ExtendBackTest.Case truncated = new ExtendBackTest.Case(c.name(), past, c.space(), c.candidate(), c.cut(),
                c.end(), c.regionCode());
        int[][] now = h.counts(c.cut());
        for (ExtendBackTest.Method m : learners()) {
            assertThat(m.scores(truncated, now).orElseThrow()).as(m.name()).isDeepEqualTo(m.scores(c, now).orElseThrow());
        }
    }
}
