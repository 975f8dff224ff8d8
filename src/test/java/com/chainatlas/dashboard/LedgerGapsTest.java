package com.chainatlas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import com.chainatlas.analysis.Verdict;
import com.chainatlas.project.ProjectStage;

import org.junit.jupiter.api.Test;

/** The segment label the chain map shows. */
class LedgerGapsTest {

    @Test
    void labelReadsFurthestStageFirstThenLeads() {
        Map<ProjectStage, Integer> by = new EnumMap<>(ProjectStage.class);
        by.put(ProjectStage.NEGOTIATING, 2);
        by.put(ProjectStage.SIGNED, 1);
        assertThat(LedgerGaps.label(Verdict.MISSING, by, 0)).isEqualTo("补链中：签约 1 · 洽谈 2");
        assertThat(LedgerGaps.label(Verdict.WEAK, by, 3)).isEqualTo("强链中：签约 1 · 洽谈 2 · 线索 3");
        assertThat(LedgerGaps.label(Verdict.MISSING, Map.of(), 0)).isNull();
    }
}
