package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;
import com.chainatlas.chain.Stage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties on randomly generated chains (fixed seeds, so failures reproduce): verdicts agree with the figures,
 * sub-region figures sum to their parent's, completeness stays in [0, 1], and results do not depend on the order
 * the rows were fed in.
 */
class DiagnosisPropertiesTest {

    private static final Map<String, List<String>> CITIES = Map.of(
            "340100", List.of("340102", "340103"), "340200", List.of("340202", "340203"),
            "440300", List.of("440304", "440305"), "440100", List.of("440103", "440104"));
    private static final Map<String, List<String>> PROVINCES = Map.of(
            "340000", List.of("340100", "340200"), "440000", List.of("440300", "440100"));
    private static final List<String> COUNTIES = CITIES.values().stream().flatMap(List::stream).sorted().toList();

    static Stream<Long> seeds() {
        return IntStream.range(0, 25).mapToObj(i -> 1000L + 7919L * i);
    }

    static Fixture randomChain(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Fixture f = new Fixture();
        List<String> leaves = new ArrayList<>();
        int tops = 2 + r.nextInt(4);
        for (int t = 0; t < tops; t++) {
            String top = "S" + t;
            Stage stage = Stage.values()[Math.min(2, t * 3 / tops)];
            int children = r.nextInt(4);
            f.segment(top, stage, r.nextBoolean(), 1 + r.nextInt(5), null);
            if (children == 0) {
                leaves.add(top);
            }
            for (int c = 0; c < children; c++) {
                String child = top + "-" + c;
                f.segment(child, stage, r.nextInt(3) == 0, 1 + r.nextInt(5), top);
                leaves.add(child);
            }
        }
        for (int i = 0; i < leaves.size(); i++) {
            for (int j = i + 1; j < leaves.size(); j++) {
                if (r.nextInt(3) == 0) {
                    f.flow(leaves.get(i), leaves.get(j));
                }
            }
        }
        if (leaves.size() > 2 && r.nextBoolean()) {
            f.recycling(leaves.get(leaves.size() - 1), leaves.get(0));
        }
        int firms = 30 + r.nextInt(250);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < firms; i++) {
            String county = COUNTIES.get(r.nextInt(COUNTIES.size()));
            double revenue = Math.round(Math.exp(6 + 1.5 * r.nextDouble() * 2) * 100) / 100.0;
            String seg = leaves.get(r.nextInt(leaves.size()));
            String[] segs = r.nextInt(6) == 0 ? new String[]{seg, leaves.get(r.nextInt(leaves.size()))} : new String[]{seg};
            int kind = r.nextInt(10);
            ids.add(kind < 2 ? f.firmInZone(county, "园区" + county.substring(4), revenue, segs)
                    : kind == 2 ? f.firmNoRevenue(county, segs) // unknown revenue: counted, never summed as 0
                    : f.firm(county, revenue, segs));
        }
        for (int k = 0; k < firms * 3; k++) {
            f.supply(ids.get(r.nextInt(firms)), ids.get(r.nextInt(firms)), r.nextInt(4) == 0 ? null : 1.0 + r.nextInt(100));
        }
        return f;
    }

    private static DiagnosisSettings settings(long seed) {
        SplittableRandom r = new SplittableRandom(seed * 31);
        double weak = 0.3 + r.nextDouble() * 0.6;
        return new DiagnosisSettings(1 + r.nextInt(4), weak, weak + 0.2 + r.nextDouble(), 0.5 + r.nextDouble() * 0.5,
                0.5 + r.nextDouble() * 0.5, 1 + r.nextInt(6), r.nextInt(3), 1000 + r.nextDouble() * 5000, r.nextInt(8),
                0.3 + r.nextDouble() * 0.7, 0.5 + r.nextDouble() * 0.5);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void verdictsAgreeWithTheFigures(long seed) {
        ChainSnapshot s = randomChain(seed).snapshot();
        DiagnosisSettings cfg = settings(seed);
        for (String region : List.of("340100", "340102", "440000", "440305", RegionScope.NATION)) {
            Diagnosis d = Fixture.diagnose(s, region, cfg);
            boolean nation = region.equals(RegionScope.NATION);
            for (SegmentDiagnosis g : d.segments()) {
                var f = g.figures();
                int n = f.localEnterprises();
                Double lq = f.lqByCount();
                boolean highLq = lq != null && lq >= cfg.strongLq() && n >= cfg.minEnterprises();
                boolean leader = g.reasons().stream()
                        .anyMatch(x -> x.rule() == Rule.NATIONAL_LEADER_LOCAL && x.about().equals("STRONG"));
                // a rule is either judged (and may fire) or reported as not judged, never both
                g.reasons().stream().filter(x -> x.about().equals("NOT_JUDGED")).forEach(x -> assertThat(
                        g.reasons().stream().filter(y -> y.rule() == x.rule()).count()).as(g.segmentId()).isEqualTo(1));
                boolean weak = lq != null && lq < cfg.weakLq() || n < cfg.minEnterprises()
                        || f.topLocalShare() != null && f.topLocalShare() >= cfg.singleEnterpriseShare()
                        || !nation && f.inbound().relations() >= cfg.minSupplyRelations()
                        && f.inbound().outsideShare() >= cfg.outsideInputShare();
                String at = "seed " + seed + " region " + region + " segment " + g.segmentId();
                switch (g.verdict()) {
                    case MISSING -> assertThat(n).as(at).isZero();
                    case STRONG -> {
                        assertThat(n).as(at).isPositive();
                        assertThat(highLq || leader).as(at).isTrue();
                    }
                    case WEAK -> {
                        assertThat(n).as(at).isPositive();
                        assertThat(highLq || leader).as(at).isFalse();
                        assertThat(weak).as(at).isTrue();
                    }
                    case PRESENT -> {
                        assertThat(n).as(at).isPositive();
                        assertThat(highLq || leader || weak).as(at).isFalse();
                    }
                }
                if (nation && f.nationalEnterprises() > 0) {
                    assertThat(lq).as(at).isCloseTo(1.0, within(1e-9));
                }
                if (g.flags().contains(Flag.DEPENDENCY)) {
                    assertThat(g.flags()).as(at).contains(Flag.CRITICAL);
                }
                if (g.flags().contains(Flag.EXTEND)) {
                    assertThat(g.verdict()).as(at).isIn(Verdict.MISSING, Verdict.WEAK);
                }
            }
            var c = d.figures();
            for (double x : new double[]{c.completeness(), c.completenessKeyWeighted(), c.completenessValueWeighted()}) {
                assertThat(x).isBetween(0.0, 1.0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void subRegionFiguresSumToTheirParent(long seed) {
        ChainSnapshot s = randomChain(seed).snapshot();
        DiagnosisSettings cfg = DiagnosisSettings.defaults();
        for (var province : PROVINCES.entrySet()) {
            assertSums(s, cfg, province.getKey(), province.getValue());
            for (String city : province.getValue()) {
                assertSums(s, cfg, city, CITIES.get(city));
            }
        }
        assertSums(s, cfg, RegionScope.NATION, List.copyOf(PROVINCES.keySet()));
    }

    private static void assertSums(ChainSnapshot s, DiagnosisSettings cfg, String parent, List<String> children) {
        Diagnosis whole = Fixture.diagnose(s, parent, cfg);
        List<Diagnosis> parts = children.stream().map(c -> Fixture.diagnose(s, c, cfg)).toList();
        assertThat(parts.stream().mapToInt(p -> p.figures().localEnterprises()).sum())
                .isEqualTo(whole.figures().localEnterprises());
        assertThat(parts.stream().mapToInt(p -> p.figures().sourcing().relations()).sum())
                .isEqualTo(whole.figures().sourcing().relations());
        for (int i = 0; i < whole.segments().size(); i++) {
            int k = i;
            var w = whole.segments().get(i).figures();
            assertThat(parts.stream().mapToInt(p -> p.segments().get(k).figures().localEnterprises()).sum())
                    .as(parent + " " + whole.segments().get(i).segmentId()).isEqualTo(w.localEnterprises());
            assertThat(parts.stream().mapToInt(p -> p.segments().get(k).figures().localRevenueKnown()).sum())
                    .isEqualTo(w.localRevenueKnown());
            if (w.localRevenueKnown() == 0) {
                assertThat(w.localRevenue()).isNull();
            } else {
                assertThat(parts.stream().map(p -> p.segments().get(k).figures().localRevenue())
                        .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sum())
                        .isCloseTo(w.localRevenue(), within(1e-6));
            }
            assertThat(parts.stream().mapToInt(p -> p.segments().get(k).figures().inbound().relations()).sum())
                    .isEqualTo(w.inbound().relations());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void resultsDoNotDependOnInputOrder(long seed) {
        Fixture f = randomChain(seed);
        ChainSnapshot forward = f.snapshot(false);
        ChainSnapshot reversed = f.snapshot(true);
        DiagnosisSettings cfg = settings(seed);
        for (String region : List.of("340100", "440304", RegionScope.NATION)) {
            Diagnosis a = Fixture.diagnose(forward, region, cfg);
            Diagnosis b = Fixture.diagnose(reversed, region, cfg);
            assertThat(b.segments()).isEqualTo(a.segments());
            assertThat(b.figures()).isEqualTo(a.figures());
            assertThat(b.extendCandidates()).isEqualTo(a.extendCandidates());
            assertThat(b.leaders()).isEqualTo(a.leaders());
        }
    }
}
