package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.Reason;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;

import org.junit.jupiter.api.Test;

/**
 * Unknown is not zero: every rule on a chain where nobody gave a revenue, and on one where only some firms did.
 * Figures are worked out by hand in the comments. Local region 合肥市 340100 (firms in 340102); outside firms in
 * 320102 (江苏), 440304 (广东) and 510104 (四川). Region names are "R" + code in the fixture.
 */
class UnknownRevenueTest {

    private static List<Rule> fired(SegmentDiagnosis s, String about) {
        return s.reasons().stream().filter(r -> r.about().equals(about)).map(Reason::rule).toList();
    }

    private static Reason reason(SegmentDiagnosis s, String about, Rule rule) {
        return s.reasons().stream().filter(r -> r.about().equals(about) && r.rule() == rule).findFirst().orElseThrow();
    }

    /**
     * Flows R→M, X→M, M→E; P has no flow. Nobody gave a revenue. Supplies (no amounts): the outside R firms sell to
     * five local M firms; the outside X firm sells to five local M firms and a local X firm to one.
     * <pre>
     * segment  local (340102)  outside                         national
     * R        0               6 in 440304                     6
     * M        6               3 in 320102                     9
     * E        1               3 in 440304, 2 in 320102        6
     * X        2               1 in 320102                     3
     * P        3               2 in 440304, 2 in 510104        7
     * chain: local 12, national 31
     * </pre>
     */
    private static Fixture noRevenueChain() {
        Fixture f = new Fixture().leaf("R").leaf("M").leaf("E").leaf("X").leaf("P")
                .flow("R", "M").flow("X", "M").flow("M", "E");
        List<String> outR = f.firmsNoRevenue(6, "440304", "R");
        List<String> localM = f.firmsNoRevenue(6, "340102", "M");
        f.firmsNoRevenue(3, "320102", "M");
        f.firmNoRevenue("340102", "E");
        f.firmsNoRevenue(3, "440304", "E");
        f.firmsNoRevenue(2, "320102", "E");
        List<String> localX = f.firmsNoRevenue(2, "340102", "X");
        String outX = f.firmNoRevenue("320102", "X");
        // P: the local firms have the lowest region code, so a ranking "by revenue" of unknowns would pick them first
        f.firmsNoRevenue(3, "340102", "P");
        f.firmsNoRevenue(2, "440304", "P");
        f.firmsNoRevenue(2, "510104", "P");
        for (int i = 0; i < 5; i++) {
            f.supply(outR.get(i), localM.get(i), null);
            f.supply(outX, localM.get(i), null);
        }
        f.supply(localX.get(0), localM.get(5), null);
        return f;
    }

    @Test
    void chainWithoutAnyRevenue_verdictsFromCountsAlone() {
        Diagnosis d = noRevenueChain().diagnose();

        // Chain figures: no revenue anywhere → null, with 0 known; a note says revenue rules were not judged.
        assertThat(d.figures().localEnterprises()).isEqualTo(12);
        assertThat(d.figures().localRevenue()).isNull();
        assertThat(d.figures().localRevenueKnown()).isZero();
        assertThat(d.figures().nationalRevenue()).isNull();
        assertThat(d.figures().nationalRevenueKnown()).isZero();
        assertThat(d.figures().revenueNoteZh()).startsWith("全国 31 家企业中营收已知 0 家（低于 80%）");
        // Supply amounts unknown: null, and 0 relations had one.
        assertThat(d.figures().sourcing().relations()).isEqualTo(11);
        assertThat(d.figures().sourcing().relationsWithAmount()).isZero();
        assertThat(d.figures().sourcing().amount()).isNull();
        assertThat(d.figures().sourcing().localAmount()).isNull();
        assertThat(d.figures().sourcing().localShareByAmount()).isNull();

        // R: MISSING; CRITICAL by count (all 6 in 广东; reason says 按企业数, never 营收); bought from outside → 卡脖子;
        // next to the strong M → 延链.
        SegmentDiagnosis r = Fixture.segment(d, "R");
        assertThat(r.verdict()).isEqualTo(Verdict.MISSING);
        assertThat(fired(r, "MISSING")).containsExactly(Rule.NO_LOCAL_ENTERPRISE);
        assertThat(fired(r, "CRITICAL")).containsExactly(Rule.CONCENTRATED_PROVINCE);
        assertThat(reason(r, "CRITICAL", Rule.CONCENTRATED_PROVINCE).zh())
                .isEqualTo("R440000占全国该环节企业数 100%（按企业数：营收已知 0/6 家，不足以按营收判断），不低于阈值 50%");
        assertThat(reason(r, "CRITICAL", Rule.CONCENTRATED_PROVINCE).zh()).doesNotContain("营收 ");
        assertThat(r.concentration().topProvinceBasis()).isEqualTo("COUNT");
        assertThat(r.concentration().hhi()).isNull();
        assertThat(r.concentration().top4Share()).isNull();
        assertThat(r.flags()).containsExactlyInAnyOrder(Flag.CRITICAL, Flag.DEPENDENCY, Flag.EXTEND);
        assertThat(fired(r, "DEPENDENCY")).containsExactly(Rule.OUTSIDE_DEPENDENCY);
        assertThat(fired(r, "EXTEND")).containsExactly(Rule.NEXT_TO_STRONG);
        assertThat(fired(r, "NOT_JUDGED")).containsExactly(Rule.CONCENTRATED_HHI);
        assertThat(reason(r, "NOT_JUDGED", Rule.CONCENTRATED_HHI).zh())
                .isEqualTo("营收未知，未判断营收集中度 HHI：全国 6 家企业中营收已知 0 家，低于 80%");

        // M: STRONG by LQ by count = (6/12)/(9/31) = 1.72 with 6 firms; the top-3 rule is not judged; chokepoint;
        // 67% of its firms in 安徽 → CRITICAL by count.
        SegmentDiagnosis m = Fixture.segment(d, "M");
        assertThat(m.figures().lqByCount()).isCloseTo((6.0 / 12) / (9.0 / 31), within(1e-12));
        assertThat(m.verdict()).isEqualTo(Verdict.STRONG);
        assertThat(fired(m, "STRONG")).containsExactly(Rule.HIGH_LOCATION_QUOTIENT);
        assertThat(fired(m, "WEAK")).isEmpty();
        assertThat(fired(m, "CRITICAL")).containsExactly(Rule.CHOKEPOINT, Rule.CONCENTRATED_PROVINCE);
        assertThat(reason(m, "CRITICAL", Rule.CONCENTRATED_PROVINCE).zh()).startsWith("R340000占全国该环节企业数 67%（按企业数");
        assertThat(fired(m, "NOT_JUDGED")).containsExactly(Rule.NATIONAL_LEADER_LOCAL, Rule.SINGLE_ENTERPRISE,
                Rule.CONCENTRATED_HHI);
        assertThat(reason(m, "NOT_JUDGED", Rule.NATIONAL_LEADER_LOCAL).zh())
                .isEqualTo("营收未知，未判断全国营收前三是否位于本地：全国 9 家企业中营收已知 0 家，低于 80%");
        assertThat(reason(m, "NOT_JUDGED", Rule.SINGLE_ENTERPRISE).zh())
                .isEqualTo("营收未知，未判断单一企业占本地营收比重：本地 6 家企业中营收已知 0 家，低于 80%");
        assertThat(m.figures().localRevenue()).isNull();
        assertThat(m.figures().nationalRevenue()).isNull();
        assertThat(m.figures().shareByRevenue()).isNull();
        assertThat(m.figures().lqByRevenue()).isNull();
        assertThat(m.figures().topLocalShare()).isNull();
        assertThat(m.localLeaders()).isEmpty(); // nobody ranks by an unknown revenue

        // E: WEAK by LQ (1/12)/(6/31) = 0.43 and 1 firm; CRITICAL: chokepoint (the only end product) and 广东 3/6 = 50%.
        SegmentDiagnosis e = Fixture.segment(d, "E");
        assertThat(e.verdict()).isEqualTo(Verdict.WEAK);
        assertThat(fired(e, "WEAK")).containsExactly(Rule.LOW_LOCATION_QUOTIENT, Rule.FEW_LOCAL_ENTERPRISES);
        assertThat(reason(e, "WEAK", Rule.LOW_LOCATION_QUOTIENT).zh()).isEqualTo("区位熵 0.43，低于薄弱阈值 0.60");
        assertThat(fired(e, "CRITICAL")).containsExactly(Rule.CHOKEPOINT, Rule.CONCENTRATED_PROVINCE);
        assertThat(fired(e, "EXTEND")).containsExactly(Rule.NEXT_TO_STRONG);
        assertThat(fired(e, "NOT_JUDGED")).containsExactly(Rule.NATIONAL_LEADER_LOCAL, Rule.SINGLE_ENTERPRISE,
                Rule.CONCENTRATED_HHI);

        // X: WEAK (2 < 3 firms; local M firms buy X from outside in 5 of 6 relations = 83%); CRITICAL: only 3
        // nationally, 安徽 2/3; bought from outside → 卡脖子. Top-3 rule does not apply (3 ≤ 5 nationally): no note.
        SegmentDiagnosis x = Fixture.segment(d, "X");
        assertThat(x.verdict()).isEqualTo(Verdict.WEAK);
        assertThat(fired(x, "WEAK")).containsExactly(Rule.FEW_LOCAL_ENTERPRISES, Rule.OUTSIDE_INPUTS);
        assertThat(reason(x, "WEAK", Rule.OUTSIDE_INPUTS).zh())
                .isEqualTo("本地企业采购该环节的 6 条供应关系中 5 条来自区外（83%），不低于阈值 70%");
        assertThat(x.figures().inbound().amount()).isNull();
        assertThat(x.figures().inbound().relationsWithAmount()).isZero();
        assertThat(fired(x, "CRITICAL")).containsExactly(Rule.FEW_NATIONAL_ENTERPRISES, Rule.CONCENTRATED_PROVINCE);
        assertThat(fired(x, "DEPENDENCY")).containsExactly(Rule.OUTSIDE_DEPENDENCY);
        assertThat(fired(x, "NOT_JUDGED")).containsExactly(Rule.SINGLE_ENTERPRISE, Rule.CONCENTRATED_HHI);

        // P: the local firms come first in region-code order, yet no "national top-3" verdict: not judged.
        // LQ (3/12)/(7/31) = 1.11: PRESENT, no rule fired. No province ≥ 50% (3/7 at most).
        SegmentDiagnosis p = Fixture.segment(d, "P");
        assertThat(p.verdict()).isEqualTo(Verdict.PRESENT);
        assertThat(fired(p, "PRESENT")).containsExactly(Rule.NO_RULE_FIRED);
        assertThat(reason(p, "PRESENT", Rule.NO_RULE_FIRED).zh()).isEqualTo("本地企业 3 家，区位熵 1.11，未触发薄弱或优势规则");
        assertThat(fired(p, "STRONG")).isEmpty();
        assertThat(p.flags()).isEmpty();
        assertThat(fired(p, "NOT_JUDGED")).containsExactly(Rule.NATIONAL_LEADER_LOCAL, Rule.SINGLE_ENTERPRISE,
                Rule.CONCENTRATED_HHI);

        // Not-judged notes come after the reasons that fired (the first reason explains the verdict).
        for (SegmentDiagnosis s : d.segments()) {
            assertThat(s.reasons().get(0).about()).as(s.segmentId()).isNotEqualTo("NOT_JUDGED");
            assertThat(s.reasons()).as(s.segmentId()).noneMatch(reason -> reason.zh().contains("营收 ")
                    && !reason.about().equals("NOT_JUDGED"));
        }

        // 链主: no revenue, but supply relations exist → by centrality alone, only firms with a relation, score > 0.
        assertThat(d.leaderBasis()).isEqualTo(LeaderBasis.CENTRALITY);
        assertThat(d.leadersNoteZh()).isEqualTo("全国 31 家企业中营收已知 0 家，不足以按规模评选；改按供应网络中心度（PageRank）评选，仅含有供应关系的企业");
        assertThat(d.leaders()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.score()).isPositive();
            assertThat(l.revenue()).isNull();
            assertThat(l.basis()).isEqualTo(LeaderBasis.CENTRALITY);
        });
        // the five local M firms that buy from two suppliers each rank above the one buying from one (F12)
        assertThat(d.leaders()).hasSize(7); // 6 local M customers + the local X supplier; nobody without a relation
        assertThat(d.leaders().get(0).segmentIds()).containsExactly("M");
    }

    @Test
    void withoutRevenueOrSupplyRelationsNoChainLeaderIsNamed() {
        Fixture f = new Fixture().leaf("A").leaf("B").flow("A", "B");
        f.firmsNoRevenue(3, "340102", "A");
        f.firmsNoRevenue(3, "440304", "B");
        Diagnosis d = f.diagnose();
        assertThat(d.leaders()).isEmpty();
        assertThat(d.leaderBasis()).isEqualTo(LeaderBasis.NONE);
        assertThat(d.leadersNoteZh()).isEqualTo("全国 6 家企业中营收已知 0 家，且无供应关系：无法按规模或中心度评选链主");
    }

    /**
     * Revenue for some firms only.
     * <pre>
     * K: local 1000, 50, 50 (all known); outside 4 × 100 in 440304, 3 unknown in 510104 → known 7/10 = 70%
     * J: local 2000 and one unknown; outside 8 × 100 in 440304            → known 9/10 = 90%
     * Q: local 100; outside 5 × 100 in 440304 (a tie: all six 100)        → known 6/6
     * chain: local 6 (5 known), national 26 (22 known = 85%)
     * </pre>
     */
    @Test
    void chainWithRevenueForSomeFirms() {
        Fixture f = new Fixture().leaf("K").leaf("J").leaf("Q");
        List<String> localK = f.firms(1, "340102", 1000, "K");
        localK.addAll(f.firms(2, "340102", 50, "K"));
        f.firms(4, "440304", 100, "K");
        f.firmsNoRevenue(3, "510104", "K");
        String bigJ = f.firm("340102", 2000, "J");
        String unknownJ = f.firmNoRevenue("340102", "J");
        List<String> outJ = f.firms(8, "440304", 100, "J");
        f.firm("340102", 100, "Q");
        f.firms(5, "440304", 100, "Q");
        f.supply(outJ.get(0), localK.get(0), 10.0).supply(outJ.get(1), localK.get(1), 20.0)
                .supply(outJ.get(2), localK.get(2), null);
        Diagnosis d = f.diagnose();

        assertThat(d.figures().localRevenue()).isEqualTo(3200.0);
        assertThat(d.figures().localRevenueKnown()).isEqualTo(5);
        assertThat(d.figures().nationalRevenue()).isEqualTo(4900.0);
        assertThat(d.figures().nationalRevenueKnown()).isEqualTo(22);
        assertThat(d.figures().revenueNoteZh()).isNull(); // 85% ≥ 80% nationally

        // K: revenue known for 7 of 10 nationally → top-3 and HHI not judged, province by count (广东 4/10: no);
        // locally all 3 known → single enterprise judged: 1000 / 1100 = 91% → WEAK.
        SegmentDiagnosis k = Fixture.segment(d, "K");
        assertThat(k.figures().localRevenue()).isEqualTo(1100.0);
        assertThat(k.figures().nationalRevenue()).isEqualTo(1500.0);
        assertThat(k.figures().nationalRevenueKnown()).isEqualTo(7);
        assertThat(k.figures().topLocalShare()).isCloseTo(1000.0 / 1100, within(1e-12));
        assertThat(k.figures().shareByRevenue()).isNull(); // national coverage 70%
        assertThat(k.figures().lqByRevenue()).isNull();
        assertThat(k.verdict()).isEqualTo(Verdict.WEAK);
        assertThat(fired(k, "WEAK")).containsExactly(Rule.SINGLE_ENTERPRISE);
        assertThat(reason(k, "WEAK", Rule.SINGLE_ENTERPRISE).zh()).isEqualTo("单一企业（企业F01）占本地该环节营收 91%，不低于阈值 80%");
        assertThat(fired(k, "NOT_JUDGED")).containsExactly(Rule.NATIONAL_LEADER_LOCAL, Rule.CONCENTRATED_HHI);
        assertThat(reason(k, "NOT_JUDGED", Rule.NATIONAL_LEADER_LOCAL).zh())
                .isEqualTo("营收未知，未判断全国营收前三是否位于本地：全国 10 家企业中营收已知 7 家，低于 80%");
        assertThat(k.flags()).doesNotContain(Flag.CRITICAL);
        assertThat(k.concentration().topProvinceBasis()).isEqualTo("COUNT");
        assertThat(k.concentration().topProvinceShare()).isEqualTo(0.4);

        // J: 9 of 10 known → judged: the local 2000 is No. 1 and above the 4th (100) → STRONG (2 firms, also WEAK
        // by count, strength wins). HHI over known = 71.43² + 8 · 3.571² = 5,204 → CRITICAL; 安徽 holds 2000/2800 = 71%
        // of known revenue → CRITICAL by revenue. Locally 1 of 2 known → single enterprise not judged.
        SegmentDiagnosis j = Fixture.segment(d, "J");
        assertThat(j.figures().localRevenue()).isEqualTo(2000.0);
        assertThat(j.figures().localRevenueKnown()).isEqualTo(1);
        assertThat(j.verdict()).isEqualTo(Verdict.STRONG);
        assertThat(fired(j, "STRONG")).containsExactly(Rule.NATIONAL_LEADER_LOCAL);
        assertThat(reason(j, "STRONG", Rule.NATIONAL_LEADER_LOCAL).zh()).isEqualTo("全国营收第 1 的企业（企业F11）位于本地");
        assertThat(fired(j, "WEAK")).containsExactly(Rule.FEW_LOCAL_ENTERPRISES);
        assertThat(fired(j, "CRITICAL")).containsExactly(Rule.CONCENTRATED_HHI, Rule.CONCENTRATED_PROVINCE);
        assertThat(j.concentration().hhi()).isCloseTo(Math.pow(200000.0 / 2800, 2) + 8 * Math.pow(10000.0 / 2800, 2),
                within(1e-9));
        assertThat(reason(j, "CRITICAL", Rule.CONCENTRATED_PROVINCE).zh()).isEqualTo("R340000占全国该环节营收 71%，不低于阈值 50%");
        assertThat(j.concentration().topProvinceBasis()).isEqualTo("REVENUE");
        assertThat(fired(j, "NOT_JUDGED")).containsExactly(Rule.SINGLE_ENTERPRISE);
        assertThat(reason(j, "NOT_JUDGED", Rule.SINGLE_ENTERPRISE).zh())
                .isEqualTo("营收未知，未判断单一企业占本地营收比重：本地 2 家企业中营收已知 1 家，低于 80%");
        assertThat(j.figures().topLocalShare()).isNull();
        assertThat(j.localLeaders()).extracting(DiagnosisModel.EnterpriseRef::uscc).containsExactly(bigJ);
        // J bought by local K firms: 3 relations, 2 with an amount (10 + 20), all from outside
        assertThat(j.figures().inbound().relations()).isEqualTo(3);
        assertThat(j.figures().inbound().relationsWithAmount()).isEqualTo(2);
        assertThat(j.figures().inbound().amount()).isEqualTo(30.0);
        assertThat(j.figures().inbound().localShareByAmount()).isEqualTo(0.0);

        // Q: all six at 100 — a tie at the top-3 boundary is no ranking: the local firm (first by region code) is
        // not "national No. 1". WEAK: 1 firm, and it carries 100% of local revenue. 广东 500/600 = 83% → CRITICAL.
        SegmentDiagnosis q = Fixture.segment(d, "Q");
        assertThat(fired(q, "STRONG")).isEmpty();
        assertThat(q.verdict()).isEqualTo(Verdict.WEAK);
        assertThat(fired(q, "WEAK")).containsExactly(Rule.FEW_LOCAL_ENTERPRISES, Rule.SINGLE_ENTERPRISE);
        assertThat(fired(q, "CRITICAL")).containsExactly(Rule.CONCENTRATED_PROVINCE);
        assertThat(reason(q, "CRITICAL", Rule.CONCENTRATED_PROVINCE).zh()).isEqualTo("R440000占全国该环节营收 83%，不低于阈值 50%");
        assertThat(fired(q, "NOT_JUDGED")).isEmpty();
        // LQ by revenue: judged on both sides: (100/3200) / (600/4900) = 0.255
        assertThat(q.figures().lqByRevenue()).isCloseTo((100.0 / 3200) / (600.0 / 4900), within(1e-12));

        // 链主 by size × centrality (85% known): only firms with a known revenue > 0, never the unknown J firm.
        assertThat(d.leaderBasis()).isEqualTo(LeaderBasis.SIZE_AND_CENTRALITY);
        assertThat(d.leaders()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.revenue()).isNotNull();
            assertThat(l.score()).isPositive();
        });
        assertThat(d.leaders()).extracting(DiagnosisModel.ChainLeader::uscc).doesNotContain(unknownJ);
        assertThat(d.leaders().get(0).uscc()).isEqualTo(bigJ);

        // Segment detail: unknown revenue listed after the known ones, with no share; outside supplier amounts
        // are null when none of their relations had one.
        DiagnosisModel.SegmentDetail detail = Fixture.engine().detail(f.snapshot(),
                RegionScope.of(f.snapshot(), new DiagnosisModel.RegionRef(Fixture.LOCAL, "", "CITY", ""), null),
                DiagnosisSettings.defaults(), f.snapshot().segmentIndex("J"), 10);
        assertThat(detail.localEnterprises()).extracting(DiagnosisModel.EnterpriseRef::uscc).containsExactly(bigJ, unknownJ);
        assertThat(detail.localEnterprises().get(1).revenue()).isNull();
        assertThat(detail.localEnterprises().get(1).share()).isNull();
        assertThat(detail.outsideSuppliers()).hasSize(3);
        assertThat(detail.outsideSuppliers()).filteredOn(o -> o.relationsWithAmount() == 0)
                .singleElement().satisfies(o -> assertThat(o.amount()).isNull());
    }

    @Test
    void aLowerCoverageSettingJudgesWithWhatIsKnown() {
        // Same K as above with minRevenueCoverage 0.7: 7 of 10 is enough; the local 1000 is No. 1 → STRONG.
        Fixture f = new Fixture().leaf("K").leaf("Y");
        f.firm("340102", 1000, "K");
        f.firms(2, "340102", 50, "K");
        f.firms(4, "440304", 100, "K");
        f.firmsNoRevenue(3, "510104", "K");
        f.firms(3, "440304", 100, "Y");
        DiagnosisSettings d = DiagnosisSettings.defaults();
        DiagnosisSettings lower = new DiagnosisSettings(d.minEnterprises(), d.weakLq(), d.strongLq(),
                d.singleEnterpriseShare(), d.outsideInputShare(), d.minSupplyRelations(), d.extendSteps(), d.hhiLimit(),
                d.fewEnterprises(), d.topProvinceShare(), 0.7);
        SegmentDiagnosis k = Fixture.segment(f.diagnose(Fixture.LOCAL, lower), "K");
        assertThat(fired(k, "STRONG")).containsExactly(Rule.NATIONAL_LEADER_LOCAL);
        assertThat(fired(k, "NOT_JUDGED")).isEmpty();
        assertThat(Fixture.segment(f.diagnose(), "K").reasons()).noneMatch(r -> r.about().equals("STRONG"));
    }
}
