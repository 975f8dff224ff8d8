package com.chainatlas.targeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;

import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.targeting.TargetModel.ScoreParts;
import com.chainatlas.targeting.TargetModel.TargetRow;

import org.junit.jupiter.api.Test;

/** The saved-list bound and the Chinese preset text of the 说明 sheet. */
class TargetListLimitsTest {

    private static TargetService.Ranking ranking(int rows) {
        Region hefei = new RegionCatalog().find("340100").orElseThrow();
        TargetRow row = new TargetRow(1, "U", "甲", "320500", "江苏省苏州市", "S", "环节", "FILL", "补链", 1,
                new ScoreParts(0, 0, 0, 0, 0, 0, 1, 1), List.of(), "", List.of(), List.of(), null, null, List.of(), null, 0);
        return new TargetService.Ranking("NEV", "新能源汽车", hefei, "balanced", TargetWeights.BALANCED, List.of(), 1,
                Collections.nCopies(rows, row));
    }

    @Test
    void aListKeepsUpToTheBoundAndRefusesMoreWithAChineseMessage() {
        assertThatCode(() -> TargetListStore.checkSize(ranking(TargetListStore.MAX_ITEMS))).doesNotThrowAnyException();
        assertThatThrownBy(() -> TargetListStore.checkSize(ranking(TargetListStore.MAX_ITEMS + 1)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status().value()).isEqualTo(400);
                    assertThat(p.detailZh()).contains("100001").contains("100000").contains("缩小范围");
                });
    }

    @Test
    void presetsReadInChineseWithTheirWeights() {
        assertThat(TargetListExporter.presetText("leaders", TargetWeights.LEADERS))
                .isEqualTo("龙头优先（规模 35、质量 20、创新 10、本地关联 10、预测关联 5、区位 5、环节优先 10、扩张信号 5）");
        assertThat(TargetListExporter.presetText("custom", new TargetWeights(1.5, 0, 0, 0, 0, 0, 1)))
                .startsWith("自定义权重（规模 1.50、");
    }
}
