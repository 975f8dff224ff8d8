package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.ID;
import static com.chainatlas.ingest.FieldType.ID_LIST;
import static com.chainatlas.ingest.FieldType.NAME;
import static com.chainatlas.ingest.FieldType.TEXT;

import java.util.List;
import java.util.Set;

import com.chainatlas.chain.ChainModel;

/** 核心技术: a technology of a chain and the segments it applies to. */
final class TechnologiesFormat implements FormatRules<TechnologiesFormat.Row> {

    static final ImportFormat FORMAT = new ImportFormat("technologies", "核心技术", "Technologies",
            "每行一项核心技术及其应用环节。", List.of(
            Column.of("id", "技术编号", ID).mandatory().example("T-SOLID-STATE"),
            Column.of("chainId", "产业链", ID).mandatory().ref(RefKind.CHAIN).example("NEV").aliases("产业链编号"),
            Column.of("name", "名称", NAME).mandatory().example("固态电池"),
            Column.of("description", "说明", TEXT),
            Column.of("segmentIds", "应用环节", ID_LIST).ref(RefKind.SEGMENT).example("电芯").aliases("应用环节编号")),
            List.of("id"), RefKind.TECHNOLOGY, TechnologiesFormat::new);

    record Row(String id, String chainId, String name, String description, List<String> segmentIds) implements FormatRow {
        @Override
        public Set<String> chainIds() {
            return FormatRow.chain(chainId);
        }
    }

    @Override
    public Row row(RowContext r) {
        return new Row(r.text("id"), r.text("chainId"), r.text("name"), r.text("description"), r.list("segmentIds"));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void write(List<Row> rows, GraphWriters w) {
        w.chains().mergeTechnologies(rows.stream().map(r -> new ChainModel.Technology(r.id(), r.chainId(), r.name(),
                r.description(), r.segmentIds())).toList());
    }
}
