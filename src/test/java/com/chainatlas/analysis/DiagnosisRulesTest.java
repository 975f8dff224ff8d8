package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.Reason;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;

import org.junit.jupiter.api.Test;

/**
 * One test per verdict rule, each on a tiny chain whose figures are worked out by hand in the comments.
 * The local region is 合肥市 340100 (firms in 340102/340103); outside firms sit in 440304 (深圳) or 340202 (芜湖).
 */
class DiagnosisRulesTest {

    private static List<Rule> rules(SegmentDiagnosis s, String about) {
        return s.reasons().stream().filter(r -> r.about().equals(about)).map(Reason::rule).toList();
    }

    private static Reason reason(SegmentDiagnosis s, Rule rule) {
        return s.reasons().stream().filter(r -> r.rule() == rule).findFirst().orElseThrow();
    }

    @Test
    void missingWhenNoLocalEnterprise() {
        Fixture f = new Fixture().leaf("X").leaf("Y");
        f.firms(2, "440304", 100, "X");
        f.firm("340102", 100, "Y");
        f.firm("440304", 100, "Y");
        SegmentDiagnosis x = Fixture.segment(f.diagnose(), "X");
        assertThat(x.verdict()).isEqualTo(Verdict.MISSING);
        assertThat(x.verdictZh()).isEqualTo("空白");
        assertThat(x.actionZh()).isEqualTo("补链");
        assertThat(x.figures().localEnterprises()).isZero();
        assertThat(x.figures().nationalEnterprises()).isEqualTo(2);
        // LQ = (0/1) / (2/4) = 0
        assertThat(x.figures().lqByCount()).isEqualTo(0.0);
        assertThat(rules(x, "MISSING")).containsExactly(Rule.NO_LOCAL_ENTERPRISE);
        assertThat(reason(x, Rule.NO_LOCAL_ENTERPRISE).zh()).isEqualTo("本地无该环节企业（全国 2 家）");
    }

    @Test
    void weakWhenLocationQuotientLow() {
        // X: 3 local (100 each) + 20 outside (200 each); Y: 3 local. Local chain 6, national 26.
        // LQ_X = (3/6) / (23/26) = 13/23 = 0.5652 < 0.6. National top 3 of X are outside (200 > 100).
        Fixture f = new Fixture().leaf("X").leaf("Y");
        f.firms(3, "340102", 100, "X");
        f.firms(20, "440304", 200, "X");
        f.firms(3, "340103", 100, "Y");
        SegmentDiagnosis x = Fixture.segment(f.diagnose(), "X");
        assertThat(x.figures().lqByCount()).isCloseTo(13.0 / 23, within(1e-12));
        // by revenue: (300/600) / (4300/4600) = 0.5349
        assertThat(x.figures().lqByRevenue()).isCloseTo(0.5 / (4300.0 / 4600), within(1e-12));
        assertThat(x.verdict()).isEqualTo(Verdict.WEAK);
        assertThat(rules(x, "WEAK")).containsExactly(Rule.LOW_LOCATION_QUOTIENT);
        assertThat(reason(x, Rule.LOW_LOCATION_QUOTIENT).zh()).isEqualTo("区位熵 0.57，低于薄弱阈值 0.60");
        assertThat(reason(x, Rule.LOW_LOCATION_QUOTIENT).en()).isEqualTo("Location quotient 0.57, below the weak threshold 0.60");
    }

    @Test
    void strongWhenLocationQuotientHighWithEnoughEnterprises() {
        // Same chain: Y has 3 local of 3 national: LQ_Y = (3/6) / (3/26) = 13/3 = 4.33 ≥ 1.5 with 3 ≥ 3 firms.
        Fixture f = new Fixture().leaf("X").leaf("Y");
        f.firms(3, "340102", 100, "X");
        f.firms(20, "440304", 200, "X");
        f.firms(3, "340103", 100, "Y");
        SegmentDiagnosis y = Fixture.segment(f.diagnose(), "Y");
        assertThat(y.figures().lqByCount()).isCloseTo(13.0 / 3, within(1e-12));
        assertThat(y.verdict()).isEqualTo(Verdict.STRONG);
        assertThat(rules(y, "STRONG")).containsExactly(Rule.HIGH_LOCATION_QUOTIENT);
        assertThat(rules(y, "WEAK")).isEmpty();
        assertThat(y.figures().shareByCount()).isEqualTo(1.0);
    }

    @Test
    void weakWhenFewerLocalEnterprisesThanMinimum() {
        // X: 2 local (100) + 2 outside (200); Y likewise. LQ_X = (2/4)/(4/8) = 1; top share 100/200 = 0.5.
        Fixture f = new Fixture().leaf("X").leaf("Y");
        f.firms(2, "340102", 100, "X");
        f.firms(2, "440304", 200, "X");
        f.firms(2, "340102", 100, "Y");
        f.firms(2, "440304", 200, "Y");
        SegmentDiagnosis x = Fixture.segment(f.diagnose(), "X");
        assertThat(x.figures().lqByCount()).isEqualTo(1.0);
        assertThat(x.figures().topLocalShare()).isEqualTo(0.5);
        assertThat(x.verdict()).isEqualTo(Verdict.WEAK);
        assertThat(rules(x, "WEAK")).containsExactly(Rule.FEW_LOCAL_ENTERPRISES);
        assertThat(reason(x, Rule.FEW_LOCAL_ENTERPRISES).zh()).isEqualTo("本地企业 2 家，少于阈值 3 家");
        assertThat(reason(x, Rule.FEW_LOCAL_ENTERPRISES).en()).isEqualTo("2 local enterprises, below the minimum of 3");
    }

    @Test
    void weakWhenOneEnterpriseCarriesTheSegment() {
        // X: local 800, 100, 100 + 3 outside 1000; top local share = 800/1000 = 0.8 ≥ 0.8. LQ 1.
        Fixture f = new Fixture().leaf("X").leaf("Y");
        f.firm("340102", 800, "X");
        f.firms(2, "340103", 100, "X");
        f.firms(3, "440304", 1000, "X");
        f.firms(3, "340102", 100, "Y");
        f.firms(3, "440304", 1000, "Y");
        SegmentDiagnosis x = Fixture.segment(f.diagnose(), "X");
        assertThat(x.figures().topLocalShare()).isEqualTo(0.8);
        assertThat(x.verdict()).isEqualTo(Verdict.WEAK);
        assertThat(rules(x, "WEAK")).containsExactly(Rule.SINGLE_ENTERPRISE);
        assertThat(reason(x, Rule.SINGLE_ENTERPRISE).zh()).isEqualTo("单一企业（企业F01）占本地该环节营收 80%，不低于阈值 80%");
        assertThat(x.localLeaders()).extracting(DiagnosisModel.EnterpriseRef::uscc).containsExactly("F01", "F02", "F03");
    }

    @Test
    void weakWhenLocalCustomersBuyTheSegmentFromOutside_andPresentOtherwise() {
        // X: 3 local (100) + 3 outside (200); Y: same. 6 relations from X suppliers into local Y firms:
        // 5 from outside, 1 local → outside share 5/6 = 0.83 ≥ 0.7 with 6 ≥ 5 relations.
        Fixture f = new Fixture().leaf("X").leaf("Y").flow("X", "Y");
        List<String> localX = f.firms(3, "340102", 100, "X");
        List<String> outX = f.firms(3, "440304", 200, "X");
        List<String> localY = f.firms(3, "340103", 100, "Y");
        f.firms(3, "440304", 200, "Y");
        f.supply(outX.get(0), localY.get(0), 10.0).supply(outX.get(1), localY.get(0), 20.0)
                .supply(outX.get(2), localY.get(0), null).supply(outX.get(0), localY.get(1), 30.0)
                .supply(outX.get(1), localY.get(2), 40.0).supply(localX.get(0), localY.get(2), 100.0);
        Diagnosis d = f.diagnose();
        SegmentDiagnosis x = Fixture.segment(d, "X");
        assertThat(x.figures().inbound().relations()).isEqualTo(6);
        assertThat(x.figures().inbound().outsideRelations()).isEqualTo(5);
        assertThat(x.figures().inbound().outsideShare()).isCloseTo(5.0 / 6, within(1e-12));
        // amounts known on 5 relations: 10+20+30+40+100 = 200, of it local 100
        assertThat(x.figures().inbound().relationsWithAmount()).isEqualTo(5);
        assertThat(x.figures().inbound().amount()).isEqualTo(200.0);
        assertThat(x.figures().inbound().localShareByAmount()).isEqualTo(0.5);
        assertThat(x.verdict()).isEqualTo(Verdict.WEAK);
        assertThat(rules(x, "WEAK")).containsExactly(Rule.OUTSIDE_INPUTS);
        assertThat(reason(x, Rule.OUTSIDE_INPUTS).zh())
                .isEqualTo("本地企业采购该环节的 6 条供应关系中 5 条来自区外（83%），不低于阈值 70%");
        // Y: 3 local, LQ 1, top share 1/3, no inbound relations from Y, national top 3 outside → PRESENT.
        SegmentDiagnosis y = Fixture.segment(d, "Y");
        assertThat(y.verdict()).isEqualTo(Verdict.PRESENT);
        assertThat(rules(y, "PRESENT")).containsExactly(Rule.NO_RULE_FIRED);
        assertThat(reason(y, Rule.NO_RULE_FIRED).zh()).isEqualTo("本地企业 3 家，区位熵 1.00，未触发薄弱或优势规则");
        // chain sourcing: 6 relations, 1 local
        assertThat(d.figures().sourcing().localShare()).isCloseTo(1.0 / 6, within(1e-12));
    }

    @Test
    void outsideInputsNeedEnoughRelations() {
        // Same as above but only 4 relations (all outside): below minSupplyRelations 5, so not judged.
        Fixture f = new Fixture().leaf("X").leaf("Y").flow("X", "Y");
        f.firms(3, "340102", 100, "X");
        List<String> outX = f.firms(3, "440304", 200, "X");
        List<String> localY = f.firms(3, "340103", 100, "Y");
        f.firms(3, "440304", 200, "Y");
        f.supply(outX.get(0), localY.get(0), 1.0).supply(outX.get(1), localY.get(0), 1.0)
                .supply(outX.get(2), localY.get(1), 1.0).supply(outX.get(0), localY.get(2), 1.0);
        assertThat(Fixture.segment(f.diagnose(), "X").verdict()).isEqualTo(Verdict.PRESENT);
    }

    @Test
    void strongWhenANationalTopThreeEnterpriseIsLocal() {
        // X: local 1000, 600, 600 + 10 outside (200). Y: 3 local (100). Local 6, national 16.
        // LQ_X = (3/6)/(13/16) = 0.615: neither weak nor strong by LQ. Top share 1000/2200 = 0.45.
        // National No. 1 of X is local, and X has 13 > 5 enterprises nationally.
        Fixture f = new Fixture().leaf("X").leaf("Y");
        f.firm("340102", 1000, "X");
        f.firms(2, "340103", 600, "X");
        f.firms(10, "440304", 200, "X");
        f.firms(3, "340102", 100, "Y");
        SegmentDiagnosis x = Fixture.segment(f.diagnose(), "X");
        assertThat(x.figures().lqByCount()).isCloseTo(8.0 / 13, within(1e-12));
        assertThat(x.verdict()).isEqualTo(Verdict.STRONG);
        assertThat(rules(x, "STRONG")).containsExactly(Rule.NATIONAL_LEADER_LOCAL);
        assertThat(reason(x, Rule.NATIONAL_LEADER_LOCAL).zh()).isEqualTo("全国营收第 1 的企业（企业F01）位于本地");
    }

    @Test
    void nationalLeaderRuleIgnoredWhenTheSegmentHasFewEnterprisesNationally() {
        // X: 1 local (1000) + 2 outside (10): "top 3" of 3 says nothing; verdict WEAK:
        // LQ = (1/4)/(3/6) = 0.5 < 0.6, 1 < 3 firms, one firm carries 100%.
        Fixture f = new Fixture().leaf("X").leaf("Y");
        f.firm("340102", 1000, "X");
        f.firms(2, "440304", 10, "X");
        f.firms(3, "340102", 100, "Y");
        SegmentDiagnosis x = Fixture.segment(f.diagnose(), "X");
        assertThat(x.verdict()).isEqualTo(Verdict.WEAK);
        assertThat(rules(x, "WEAK")).containsExactly(Rule.LOW_LOCATION_QUOTIENT, Rule.FEW_LOCAL_ENTERPRISES,
                Rule.SINGLE_ENTERPRISE);
        assertThat(x.figures().lqByCount()).isEqualTo(0.5);
    }

    @Test
    void criticalWhenEveryPathPassesTheSegment() {
        // A→C, B→C, C→D, C→E: every raw-material→end-product path passes C; none passes A, B, D or E alone.
        // Each segment: 6 firms in 6 provinces, 100 each (HHI 1,667, top province 1/6, 6 > 5 firms: not concentrated).
        Fixture f = new Fixture().leaf("A").leaf("B").leaf("C").leaf("D").leaf("E")
                .flow("A", "C").flow("B", "C").flow("C", "D").flow("C", "E");
        for (String s : List.of("A", "B", "C", "D", "E")) {
            for (String region : List.of("110101", "120101", "130102", "140105", "150102", "210102")) {
                f.firm(region, 100, s);
            }
        }
        Diagnosis d = f.diagnose();
        assertThat(d.segments().stream().filter(s -> s.flags().contains(Flag.CRITICAL)).map(SegmentDiagnosis::segmentId))
                .containsExactly("C");
        assertThat(Fixture.segment(d, "C").concentration().chokepoint()).isTrue();
        assertThat(reason(Fixture.segment(d, "C"), Rule.CHOKEPOINT).zh()).isEqualTo("从原材料到终端产品的每条供应路径都经过该环节");
    }

    @Test
    void criticalWhenNationalRevenueConcentrated() {
        // X: 900 in 440304, 100 in 320102 → HHI = 90² + 10² = 8,200 ≥ 2,500; top province 90%.
        Fixture f = new Fixture().leaf("X").leaf("Y");
        f.firm("440304", 900, "X");
        f.firm("320102", 100, "X");
        f.firms(3, "340102", 100, "Y");
        SegmentDiagnosis x = Fixture.segment(f.diagnose(Fixture.LOCAL, Fixture.settings(0, 1.0)), "X");
        assertThat(x.concentration().hhi()).isCloseTo(8200, within(1e-9));
        assertThat(x.concentration().top4Share()).isEqualTo(1.0);
        assertThat(x.concentration().topProvinceCode()).isEqualTo("440000");
        assertThat(x.concentration().topProvinceShare()).isEqualTo(0.9);
        assertThat(x.flags()).contains(Flag.CRITICAL);
        assertThat(rules(x, "CRITICAL")).containsExactly(Rule.CONCENTRATED_HHI);
        assertThat(reason(x, Rule.CONCENTRATED_HHI).zh()).isEqualTo("全国营收集中度 HHI 8,200，不低于阈值 2,500");
        // with the default province limit 0.5, the province rule fires too
        SegmentDiagnosis byDefault = Fixture.segment(f.diagnose(Fixture.LOCAL, Fixture.settings(0, 0.5)), "X");
        assertThat(reason(byDefault, Rule.CONCENTRATED_PROVINCE).zh()).isEqualTo("R440000占全国该环节营收 90%，不低于阈值 50%");
    }

    @Test
    void criticalWhenFewEnterprisesNationally() {
        // X: 3 firms in 3 provinces with equal revenue: HHI 3,333 (fires too); few: 3 ≤ 5.
        Fixture f = new Fixture().leaf("X").leaf("Y");
        f.firm("440304", 100, "X");
        f.firm("320102", 100, "X");
        f.firm("110101", 100, "X");
        f.firms(3, "340102", 100, "Y");
        SegmentDiagnosis x = Fixture.segment(f.diagnose(), "X");
        assertThat(rules(x, "CRITICAL")).contains(Rule.FEW_NATIONAL_ENTERPRISES);
        assertThat(reason(x, Rule.FEW_NATIONAL_ENTERPRISES).en()).isEqualTo("Only 3 enterprises nationally (at most 5)");
        assertThat(x.concentration().topProvinceShare()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void criticalWhenOneProvinceHoldsMostRevenue() {
        // X: 6 firms in 44 and 4 elsewhere, 100 each: province share 0.6; HHI 1,000; 10 > 5 firms.
        Fixture f = new Fixture().leaf("X").leaf("Y");
        f.firms(6, "440304", 100, "X");
        f.firms(4, "320102", 100, "X");
        f.firms(3, "340102", 100, "Y");
        SegmentDiagnosis x = Fixture.segment(f.diagnose(), "X");
        assertThat(x.concentration().hhi()).isCloseTo(1000, within(1e-9));
        assertThat(rules(x, "CRITICAL")).containsExactly(Rule.CONCENTRATED_PROVINCE);
        assertThat(reason(x, Rule.CONCENTRATED_PROVINCE).value()).isEqualTo(0.6);
    }

    @Test
    void dependencyWhenACriticalSegmentIsBoughtFromOutside() {
        // X: 3 outside firms only (critical: few). Local Y firms buy X in 5 relations, all from outside.
        Fixture f = new Fixture().leaf("X").leaf("Y").flow("X", "Y");
        List<String> outX = f.firms(3, "440304", 100, "X");
        List<String> localY = f.firms(3, "340102", 100, "Y");
        f.supply(outX.get(0), localY.get(0), null).supply(outX.get(1), localY.get(0), null)
                .supply(outX.get(2), localY.get(1), null).supply(outX.get(0), localY.get(2), null)
                .supply(outX.get(1), localY.get(2), null);
        SegmentDiagnosis x = Fixture.segment(f.diagnose(), "X");
        assertThat(x.verdict()).isEqualTo(Verdict.MISSING);
        assertThat(x.flags()).contains(Flag.CRITICAL, Flag.DEPENDENCY);
        assertThat(reason(x, Rule.OUTSIDE_DEPENDENCY).value()).isEqualTo(1.0);
        assertThat(reason(x, Rule.OUTSIDE_DEPENDENCY).zh())
                .isEqualTo("关键环节依赖区外：本地企业该环节的 5 条采购关系中 5 条来自区外（100%），不低于阈值 70%");
    }

    @Test
    void dependencyOfAMissingCriticalSegmentNeedsOnlyOnePurchase() {
        // X: 3 outside firms (critical: few), none local; local Y firms buy X in 2 relations (< 5), all outside:
        // with no local supplier, every purchase is from outside by definition.
        Fixture f = new Fixture().leaf("X").leaf("Y").flow("X", "Y");
        List<String> outX = f.firms(3, "440304", 100, "X");
        List<String> localY = f.firms(3, "340102", 100, "Y");
        f.supply(outX.get(0), localY.get(0), null).supply(outX.get(1), localY.get(1), null);
        SegmentDiagnosis x = Fixture.segment(f.diagnose(), "X");
        assertThat(x.flags()).contains(Flag.CRITICAL, Flag.DEPENDENCY);
        // but a present critical segment with 2 outside relations is not judged (below minSupplyRelations)
        Fixture g = new Fixture().leaf("X").leaf("Y").flow("X", "Y");
        List<String> outG = g.firms(3, "440304", 100, "X");
        g.firm("340103", 10, "X");
        List<String> localG = g.firms(3, "340102", 100, "Y");
        g.supply(outG.get(0), localG.get(0), null).supply(outG.get(1), localG.get(1), null);
        assertThat(Fixture.segment(g.diagnose(), "X").flags()).contains(Flag.CRITICAL).doesNotContain(Flag.DEPENDENCY);
    }

    @Test
    void extendCandidatesNextToStrongSegmentsRankedByRelatedness() {
        // Flow A→B→C→D, D→A recycling. Region: B strong (3 local of 3), A missing, C weak (1 local), D missing.
        // Value added: A 2, B 4, C 3, D 5. Relatedness (w = neighbour's value added, x = 1 present/strong,
        // ½ weak, 0 missing): A: {B} → 4·1/4 = 1. C: {B, D} → (4·1 + 5·0)/9 = 0.444. D: {C} → 3·½/3 = 0.5.
        // One step: A and C are next to B; D is two steps away (the recycling D→A does not count).
        Fixture f = new Fixture()
                .segment("A", com.chainatlas.chain.Stage.UPSTREAM, false, 2, null)
                .segment("B", com.chainatlas.chain.Stage.MIDSTREAM, true, 4, null)
                .segment("C", com.chainatlas.chain.Stage.MIDSTREAM, false, 3, null)
                .segment("D", com.chainatlas.chain.Stage.DOWNSTREAM, false, 5, null)
                .flow("A", "B").flow("B", "C").flow("C", "D").recycling("D", "A");
        f.firms(6, "440304", 100, "A");
        f.firms(3, "340102", 100, "B");
        f.firm("340103", 50, "C"); // smaller than the outside firms: not a national leader
        f.firms(6, "440304", 100, "C");
        f.firms(6, "440304", 100, "D");
        Diagnosis d = f.diagnose();
        assertThat(Fixture.segment(d, "B").verdict()).isEqualTo(Verdict.STRONG);
        assertThat(d.extendCandidates()).extracting(DiagnosisModel.ExtendCandidate::segmentId).containsExactly("A", "C");
        assertThat(d.extendCandidates().get(0).relatedness()).isEqualTo(1.0);
        assertThat(d.extendCandidates().get(1).relatedness()).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(d.extendCandidates().get(1).nearStrongSegments()).containsExactly("B");
        assertThat(Fixture.segment(d, "D").flags()).doesNotContain(Flag.EXTEND);
        assertThat(reason(Fixture.segment(d, "A"), Rule.NEXT_TO_STRONG).zh())
                .isEqualTo("与优势环节（环节B）在供应流向上相距 1 步以内；相关度 1.00（相邻 1 个环节中本地已有 1 个）");

        DiagnosisSettings twoSteps = new DiagnosisSettings(3, 0.6, 1.5, 0.8, 0.7, 5, 2, 2500, 5, 0.5, 0.8);
        Diagnosis d2 = f.diagnose(Fixture.LOCAL, twoSteps);
        // D (relatedness 0.5, value added 5) now ranks between A (1.0) and C (0.444)
        assertThat(d2.extendCandidates()).extracting(DiagnosisModel.ExtendCandidate::segmentId).containsExactly("A", "D", "C");
    }
}
