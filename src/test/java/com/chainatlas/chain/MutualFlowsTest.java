package com.chainatlas.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.chainatlas.chain.ChainModel.Flow;

import org.junit.jupiter.api.Test;

/** The chain API marks flows between segments that feed each other (strongly connected, return flows aside). */
class MutualFlowsTest {

    @Test
    void flowsInsideAStronglyConnectedGroupAreMutual() {
        // 铜材 → 配电设备 ⇄ 输变电设备 → 电网工程; 电网工程 → 铜材 is a return flow and makes nothing mutual.
        List<Flow> marked = ChainService.markMutual(List.of(new Flow("CU", "PD", false), new Flow("PD", "TT", false),
                new Flow("TT", "PD", false), new Flow("TT", "GRID", false), new Flow("GRID", "CU", true)));
        assertThat(marked).extracting(Flow::mutual).containsExactly(false, true, true, false, false);
        assertThat(marked).extracting(Flow::recycling).containsExactly(false, false, false, false, true);
        // a longer loop A → B → C → A is mutual too: each segment feeds the others through it
        assertThat(ChainService.markMutual(List.of(new Flow("A", "B", false), new Flow("B", "C", false),
                new Flow("C", "A", false), new Flow("C", "D", false)))).extracting(Flow::mutual)
                .containsExactly(true, true, true, false);
    }
}
