package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.BOOLEAN;
import static com.chainatlas.ingest.FieldType.ID;

import java.util.List;

/** 环节流向: one supply flow (FEEDS) between segments per row; checks in {@link FlowRules}. */
final class FlowsFormat {

    static final ImportFormat FORMAT = new ImportFormat("flows", "环节流向", "Segment flows (FEEDS)",
            "每行一条供给流向：上游环节供给下游环节。互相供给 (成环) 的流向可以导入，结果中会给出提示；回收流向 (如电池回收→锂资源) 请标“是”。", List.of(
            Column.of("from", "上游环节", ID).mandatory().ref(RefKind.SEGMENT).example("正极材料").aliases("上游环节编号"),
            Column.of("to", "下游环节", ID).mandatory().ref(RefKind.SEGMENT).example("动力电池/电芯").aliases("下游环节编号"),
            Column.of("recycling", "回收流向", BOOLEAN).example("否"),
            Column.of("chainId", "产业链", ID).ref(RefKind.CHAIN).example("NEV").aliases("产业链编号")
                    .note("可省略；填写后环节名称只在本产业链中查找")),
            List.of("from", "to"), null, FlowRules::new);

    private FlowsFormat() {
    }
}
