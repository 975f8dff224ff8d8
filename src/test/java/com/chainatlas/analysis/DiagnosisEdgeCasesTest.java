package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;
import com.chainatlas.chain.Stage;
import com.chainatlas.system.ApiProblem;

import org.junit.jupiter.api.Test;

/** Empty region, empty chain, the whole nation, cycles, roll-up, chain figures, zones, leaders, bad settings. */
class DiagnosisEdgeCasesTest {

    private static Fixture smallChain() {
        // P = {C1, C2}; A→C1, A→C2, C1→D, C2→D. Firm F03 is in both C1 and C2.
        Fixture f = new Fixture()
                .segment("A", Stage.UPSTREAM, false, 2, null)
                .segment("P", Stage.MIDSTREAM, true, 4, null)
                .segment("C1", Stage.MIDSTREAM, true, 4, "P")
                .segment("C2", Stage.MIDSTREAM, false, 3, "P")
                .segment("D", Stage.DOWNSTREAM, false, 1, null)
                .flow("A", "C1").flow("A", "C2").flow("C1", "D").flow("C2", "D");
        f.firm("340102", 100, "C1");              // F01
        f.firm("340103", 200, "C2");              // F02
        f.firm("340102", 300, "C1", "C2");        // F03
        f.firm("440304", 400, "A");               // F04
        f.firm("440305", 500, "C1");              // F05
        f.firm("340202", 600, "D");               // F06
        f.supply("F04", "F01", 10.0).supply("F04", "F03", null).supply("F01", "F06", 5.0);
        return f;
    }

    @Test
    void parentsCountEachEnterpriseOfTheirSubSegmentsOnce() {
        Diagnosis d = smallChain().diagnose();
        SegmentDiagnosis p = Fixture.segment(d, "P");
        // local P: F01, F02, F03 (F03 once) = 3, revenue 600; national P: + F05 = 4, revenue 1100
        assertThat(p.leaf()).isFalse();
        assertThat(p.figures().localEnterprises()).isEqualTo(3);
        assertThat(p.figures().localRevenue()).isEqualTo(600.0);
        assertThat(p.figures().nationalEnterprises()).isEqualTo(4);
        assertThat(p.figures().nationalRevenue()).isEqualTo(1100.0);
        assertThat(Fixture.segment(d, "C1").figures().localEnterprises()).isEqualTo(2);
        assertThat(Fixture.segment(d, "C2").figures().localEnterprises()).isEqualTo(2);
        // local chain: 3 firms (F01–F03), national 6: LQ_P = (3/3)/(4/6) = 1.5
        assertThat(p.figures().lqByCount()).isCloseTo(1.5, within(1e-12));
        assertThat(p.verdict()).isEqualTo(Verdict.STRONG);
        // parent inbound sums its children's: F04→F01 and F04→F03 are from A, not P; P has none
        assertThat(Fixture.segment(d, "A").figures().inbound().relations()).isEqualTo(2);
        assertThat(p.figures().inbound().relations()).isZero();
        // segments come grouped: upstream A, then P with its children, then D
        assertThat(d.segments()).extracting(SegmentDiagnosis::segmentId).containsExactly("A", "P", "C1", "C2", "D");
    }

    @Test
    void chainFiguresCompletenessAndLocalSourcing() {
        Diagnosis d = smallChain().diagnose();
        var c = d.figures();
        // leaves A, C1, C2, D; covered C1, C2 → 2/4
        assertThat(c.leafSegments()).isEqualTo(4);
        assertThat(c.coveredLeafSegments()).isEqualTo(2);
        assertThat(c.completeness()).isEqualTo(0.5);
        // key weights (key 2, else 1): A1 C1:2 C2:1 D1 → covered 3 of 5
        assertThat(c.completenessKeyWeighted()).isEqualTo(0.6);
        // value weights: A2 C1:4 C2:3 D1 → covered 7 of 10
        assertThat(c.completenessValueWeighted()).isEqualTo(0.7);
        // relations into local firms: F04→F01 (10), F04→F03 (unknown) — both from outside
        assertThat(c.sourcing().relations()).isEqualTo(2);
        assertThat(c.sourcing().localShare()).isEqualTo(0.0);
        assertThat(c.sourcing().relationsWithAmount()).isEqualTo(1);
        assertThat(c.sourcing().localShareByAmount()).isEqualTo(0.0);
        assertThat(c.localEnterprises()).isEqualTo(3);
        assertThat(c.localRevenue()).isEqualTo(600.0);
        assertThat(c.verdictCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
    }

    @Test
    void emptyRegionIsAllMissingWithoutQuotients() {
        Diagnosis d = Fixture.diagnose(smallChain().snapshot(), "650100", DiagnosisSettings.defaults());
        assertThat(d.segments()).allSatisfy(s -> {
            assertThat(s.verdict()).isEqualTo(Verdict.MISSING);
            assertThat(s.figures().lqByCount()).isNull();
            assertThat(s.figures().lqByRevenue()).isNull();
        });
        assertThat(d.figures().completeness()).isZero();
        assertThat(d.figures().sourcing().localShare()).isNull();
        assertThat(d.extendCandidates()).isEmpty();
        assertThat(d.leaders()).isEmpty();
    }

    @Test
    void emptyChainAndChainWithoutEnterprisesWork() {
        ChainSnapshot empty = new SnapshotBuilder("E", "空链").build(1);
        Diagnosis d = Fixture.diagnose(empty, Fixture.LOCAL, DiagnosisSettings.defaults());
        assertThat(d.segments()).isEmpty();
        assertThat(d.figures().completeness()).isZero();
        assertThat(d.figures().nationalEnterprises()).isZero();

        Fixture noFirms = new Fixture().leaf("X").leaf("Y").flow("X", "Y");
        Diagnosis d2 = noFirms.diagnose();
        assertThat(d2.segments()).allSatisfy(s -> {
            assertThat(s.verdict()).isEqualTo(Verdict.MISSING);
            assertThat(s.figures().shareByCount()).isNull();
        });
        assertThat(Fixture.diagnose(noFirms.snapshot(), RegionScope.NATION, DiagnosisSettings.defaults()).segments())
                .allSatisfy(s -> assertThat(s.verdict()).isEqualTo(Verdict.MISSING));
    }

    @Test
    void wholeNationHasEveryLocationQuotientOne() {
        Diagnosis d = Fixture.diagnose(smallChain().snapshot(), RegionScope.NATION, DiagnosisSettings.defaults());
        assertThat(d.segments()).allSatisfy(s -> {
            assertThat(s.figures().lqByCount()).isCloseTo(1.0, within(1e-12));
            assertThat(s.figures().lqByRevenue()).isCloseTo(1.0, within(1e-12));
            assertThat(s.figures().shareByCount()).isEqualTo(1.0);
            assertThat(s.reasons()).extracting(DiagnosisModel.Reason::rule)
                    .doesNotContain(Rule.NATIONAL_LEADER_LOCAL, Rule.OUTSIDE_INPUTS, Rule.OUTSIDE_DEPENDENCY);
        });
        assertThat(d.figures().completeness()).isEqualTo(1.0);
        assertThat(d.figures().localEnterprises()).isEqualTo(6);
        assertThat(d.figures().sourcing().localShare()).isEqualTo(1.0);
    }

    @Test
    void mutualFlowsAreOneGroupOfTheCondensation() {
        // A→B→C→A (no recycling mark) and C→D. The condensation is {A,B,C} → D: the group {A,B,C} is the raw
        // material as a whole, D the end product; every path to D leaves the group through C, so C and D are
        // chokepoints, A and B are not (a path can start at C).
        Fixture f = new Fixture().leaf("A").leaf("B").leaf("C").leaf("D")
                .flow("A", "B").flow("B", "C").flow("C", "A").flow("C", "D");
        f.firms(3, "340102", 100, "A");
        f.firms(3, "440304", 100, "B");
        f.firms(3, "440304", 100, "D");
        DiagnosisSettings steps = new DiagnosisSettings(3, 0.6, 1.5, 0.8, 0.7, 5, 5, 2500, 0, 1.0, 0.8);
        Diagnosis d = f.diagnose(Fixture.LOCAL, steps);
        assertThat(d.figures().flowCycleSegments()).containsExactly("A", "B", "C");
        assertThat(d.figures().mutualFlowGroups()).containsExactly(List.of("A", "B", "C"));
        assertThat(d.segments().stream().filter(s -> s.concentration().chokepoint()).map(SegmentDiagnosis::segmentId))
                .containsExactly("C", "D");
        // A is strong; B, C (missing) are within steps of A along the cycle, D too
        assertThat(d.extendCandidates()).extracting(DiagnosisModel.ExtendCandidate::segmentId)
                .containsExactlyInAnyOrder("B", "C", "D");
    }

    @Test
    void zoneRestrictsTheLocalSet() {
        Fixture f = new Fixture().leaf("X").leaf("Y");
        f.firmInZone("340102", "合肥高新区", 100, "X");
        f.firmInZone("340103", "合肥高新区", 100, "Y");
        f.firm("340102", 100, "X");
        f.firm("440304", 100, "X");
        ChainSnapshot s = f.snapshot();
        var ref = new DiagnosisModel.RegionRef(Fixture.LOCAL, "合肥市", "CITY", "安徽省 合肥市");
        Diagnosis zone = Fixture.engine().diagnose(s, RegionScope.of(s, ref, "合肥高新区"), DiagnosisSettings.defaults());
        assertThat(zone.zone()).isEqualTo("合肥高新区");
        assertThat(zone.figures().localEnterprises()).isEqualTo(2);
        assertThat(Fixture.segment(zone, "X").figures().localEnterprises()).isEqualTo(1);
        Diagnosis unknown = Fixture.engine().diagnose(s, RegionScope.of(s, ref, "无此园区"), DiagnosisSettings.defaults());
        assertThat(unknown.figures().localEnterprises()).isZero();
    }

    @Test
    void chainLeaderIsTheLargeIntegratorOfTheSupplyNetwork() {
        // Five suppliers (F01–F05, revenue 10) sell to F06 (revenue 1000), F06 sells to F07 (revenue 10).
        Fixture f = new Fixture().leaf("X").leaf("Y").leaf("Z").flow("X", "Y").flow("Y", "Z");
        List<String> suppliers = f.firms(5, "340102", 10, "X");
        String oem = f.firm("340103", 1000, "Y");
        String dealer = f.firm("340103", 10, "Z");
        suppliers.forEach(s -> f.supply(s, oem, null));
        f.supply(oem, dealer, null);
        Diagnosis d = f.diagnose();
        assertThat(d.leaders().get(0).uscc()).isEqualTo(oem);
        assertThat(d.leaders().get(0).score()).isGreaterThan(d.leaders().get(1).score());
        // the dealer has the highest PageRank (it receives all of the OEM's), but is small
        assertThat(d.leaders().stream().filter(l -> l.uscc().equals(dealer)).findFirst().orElseThrow().pageRank())
                .isEqualTo(1.0);
    }

    @Test
    void settingsOutsideTheirRangeAreBadRequests() {
        assertThatThrownBy(() -> DiagnosisSettings.defaults().with(new DiagnosisSettings.Overrides(
                null, 2.0, 1.5, null, null, null, null, null, null, null, null)))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("weakLq");
        assertThatThrownBy(() -> DiagnosisSettings.defaults().with(new DiagnosisSettings.Overrides(
                0, null, null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("minEnterprises");
        DiagnosisSettings s = DiagnosisSettings.defaults().with(new DiagnosisSettings.Overrides(
                5, null, null, null, null, null, 2, null, null, null, null));
        assertThat(s.minEnterprises()).isEqualTo(5);
        assertThat(s.extendSteps()).isEqualTo(2);
        assertThat(s.strongLq()).isEqualTo(1.5);
    }

    @Test
    void segmentDetailListsLocalFirmsAndOutsideSuppliers() {
        ChainSnapshot s = smallChain().snapshot();
        var ref = new DiagnosisModel.RegionRef(Fixture.LOCAL, "合肥市", "CITY", "安徽省 合肥市");
        var detail = Fixture.engine().detail(s, RegionScope.of(s, ref, null), DiagnosisSettings.defaults(),
                s.segmentIndex("A"), 10);
        assertThat(detail.localEnterprises()).isEmpty();
        assertThat(detail.outsideSuppliers()).singleElement().satisfies(o -> {
            assertThat(o.uscc()).isEqualTo("F04");
            assertThat(o.relations()).isEqualTo(2);
            assertThat(o.amount()).isEqualTo(10.0);
            assertThat(o.regionName()).isEqualTo("R440304");
        });
        var parent = Fixture.engine().detail(s, RegionScope.of(s, ref, null), DiagnosisSettings.defaults(),
                s.segmentIndex("P"), 10);
        assertThat(parent.localEnterprises()).extracting(DiagnosisModel.EnterpriseRef::uscc).containsExactly("F03", "F02", "F01");
        assertThat(parent.nationalLeaders()).extracting(DiagnosisModel.EnterpriseRef::uscc).first().isEqualTo("F05");
    }

    @Test
    void numbersAreFormattedForReadingAloud() {
        assertThat(Reasons.f2(0.5652)).isEqualTo("0.57");
        assertThat(Reasons.f2(13.0 / 3)).isEqualTo("4.33");
        assertThat(Reasons.f2(2)).isEqualTo("2.00");
        assertThat(Reasons.f2(0.005)).isEqualTo("0.01");
        assertThat(Reasons.f2(-1.5)).isEqualTo("-1.50");
        assertThat(Reasons.f0(8200)).isEqualTo("8,200");
        assertThat(Reasons.f0(1234567.4)).isEqualTo("1,234,567");
        assertThat(Reasons.f0(999)).isEqualTo("999");
        assertThat(Reasons.pct(5.0 / 6)).isEqualTo("83%");
        assertThat(DiagnosisEngine.code(340100)).isEqualTo("340100");
        assertThat(DiagnosisEngine.code(0)).isEqualTo("000000");
    }
}
