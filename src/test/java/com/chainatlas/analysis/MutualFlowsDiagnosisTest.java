package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;

import org.junit.jupiter.api.Test;

/**
 * Mutual flows as real upstream data has them (配电设备 ⇄ 输变电设备): accepted, grouped as strongly connected
 * components, and the DAG algorithms (chokepoints, 延链 neighbours) work on the condensation.
 */
class MutualFlowsDiagnosisTest {

    private static List<String> chokepoints(Diagnosis d) {
        return d.segments().stream().filter(s -> s.concentration().chokepoint()).map(SegmentDiagnosis::segmentId).toList();
    }

    /** Six firms in six provinces per segment: nothing concentrated, so only the flow decides CRITICAL. */
    private static void spread(Fixture f, String... segments) {
        for (String s : segments) {
            for (String region : List.of("110101", "120101", "130102", "140105", "150102", "210102")) {
                f.firm(region, 100, s);
            }
        }
    }

    @Test
    void aMutualPairAtTheHeadOfTheChainIsRawMaterialAsAWhole() {
        // PD ⇄ TT, both → GRID. Without the condensation there is no segment without an input, so nothing could be
        // a raw material and GRID, the only end product every path reaches, would not be found.
        Fixture f = new Fixture().leaf("PD").leaf("TT").leaf("GRID")
                .flow("PD", "TT").flow("TT", "PD").flow("PD", "GRID").flow("TT", "GRID");
        spread(f, "PD", "TT", "GRID");
        Diagnosis d = f.diagnose();
        assertThat(d.figures().mutualFlowGroups()).containsExactly(List.of("PD", "TT"));
        assertThat(d.figures().flowCycleSegments()).containsExactly("PD", "TT");
        assertThat(chokepoints(d)).containsExactly("GRID");
        assertThat(Fixture.segment(d, "GRID").flags()).contains(Flag.CRITICAL);
    }

    @Test
    void aMutualPairInTheMiddle() {
        // CU → PD ⇄ TT → GRID, and PD → GRID; GRID → CU is a return flow (left out as before).
        // Condensation: CU → {PD, TT} → GRID. Every path enters the pair at PD, and may leave it from PD: PD is a
        // chokepoint, TT is not (CU → PD → GRID skips it); CU and GRID are the only source and sink.
        Fixture f = new Fixture().leaf("CU").leaf("PD").leaf("TT").leaf("GRID")
                .flow("CU", "PD").flow("PD", "TT").flow("TT", "PD").flow("TT", "GRID").flow("PD", "GRID")
                .recycling("GRID", "CU");
        spread(f, "CU", "PD", "TT", "GRID");
        Diagnosis d = f.diagnose();
        assertThat(d.figures().mutualFlowGroups()).containsExactly(List.of("PD", "TT"));
        assertThat(chokepoints(d)).containsExactly("CU", "GRID", "PD");
    }

    @Test
    void extendWorksAcrossAMutualPair() {
        // PD ⇄ TT → GRID. The region is strong in TT (3 of 3 nationally); PD missing next to it → 延链, with TT counted
        // once as a neighbour although two flows join them.
        Fixture f = new Fixture().leaf("PD").leaf("TT").leaf("GRID")
                .flow("PD", "TT").flow("TT", "PD").flow("TT", "GRID");
        f.firms(6, "440304", 100, "PD");
        f.firms(3, "340102", 100, "TT");
        f.firms(6, "440304", 100, "GRID");
        Diagnosis d = f.diagnose();
        assertThat(Fixture.segment(d, "TT").verdict()).isEqualTo(Verdict.STRONG);
        SegmentDiagnosis pd = Fixture.segment(d, "PD");
        assertThat(pd.flags()).contains(Flag.EXTEND);
        DiagnosisModel.ExtendCandidate c = d.extendCandidates().stream().filter(x -> x.segmentId().equals("PD"))
                .findFirst().orElseThrow();
        assertThat(c.neighbours()).isEqualTo(1);
        assertThat(c.relatedness()).isEqualTo(1.0);
        assertThat(c.nearStrongSegments()).containsExactly("TT");
    }
}
