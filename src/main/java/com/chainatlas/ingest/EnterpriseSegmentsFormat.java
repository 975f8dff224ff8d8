package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.ENTERPRISE;
import static com.chainatlas.ingest.FieldType.ID;

import java.util.List;
import java.util.Set;

import com.chainatlas.enterprise.EnterpriseLinks;

/** 企业环节: an enterprise belongs to a segment (IN_SEGMENT). */
final class EnterpriseSegmentsFormat extends EnterpriseLinkRules<EnterpriseSegmentsFormat.Row> {

    static final ImportFormat FORMAT = new ImportFormat("enterprise-segments", "企业环节", "Enterprise segments",
            "每行一条：企业属于某环节。企业可填统一社会信用代码、全称或简称。", List.of(
            Column.of("enterprise", "企业", ENTERPRISE).mandatory().ref(RefKind.ENTERPRISE).example("91340104123456788E")
                    .aliases("企业名称", "统一社会信用代码"),
            Column.of("segmentId", "环节", ID).mandatory().ref(RefKind.SEGMENT).example("电芯").aliases("环节编号", "所属环节"),
            Column.of("chainId", "产业链", ID).ref(RefKind.CHAIN).example("NEV").aliases("产业链编号")
                    .note("可省略；填写后环节名称只在本产业链中查找")),
            List.of("enterprise", "segmentId"), null, EnterpriseSegmentsFormat::new);

    /** @param chainId the segment's chain */
    record Row(String enterprise, String segmentId, String chainId, EnterpriseLinks.NodeIds nodeIds) implements FormatRow {
        @Override
        public Set<String> chainIds() {
            return FormatRow.chain(chainId);
        }

        @Override
        public java.util.Collection<String> enterpriseKeys() {
            return java.util.Collections.singletonList(enterprise);
        }
    }

    EnterpriseSegmentsFormat() {
        super(RefKind.SEGMENT, "segmentId", RefIndex.EnterpriseRelation.IN_SEGMENT);
    }

    @Override
    public Row row(RowContext r) {
        return new Row(r.text("enterprise"), r.text("segmentId"), chainOf(r), nodeIds(r));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void write(List<Row> rows, GraphWriters w) {
        w.enterprises().writeMemberships(rows.stream().map(r -> new EnterpriseLinks.Membership(r.enterprise(), r.segmentId()))
                .toList(), rows.stream().map(Row::nodeIds).toList());
    }
}
