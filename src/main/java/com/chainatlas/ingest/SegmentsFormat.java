package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.BOOLEAN;
import static com.chainatlas.ingest.FieldType.CHOICE;
import static com.chainatlas.ingest.FieldType.ID;
import static com.chainatlas.ingest.FieldType.INTEGER;
import static com.chainatlas.ingest.FieldType.NAME;
import static com.chainatlas.ingest.FieldType.TEXT;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chainatlas.chain.ChainModel;
import com.chainatlas.chain.Stage;

/** 环节: one segment per row; a parent must exist or come earlier in the file, in the same chain. */
final class SegmentsFormat implements FormatRules<SegmentsFormat.Row> {

    static final Map<String, String> STAGES = Column.choiceMap("上游", "UPSTREAM", "中游", "MIDSTREAM", "下游", "DOWNSTREAM");

    static final ImportFormat FORMAT = new ImportFormat("segments", "环节", "Segments",
            "每行一个产业链环节；上级环节须已存在或在本文件前面的行中。", List.of(
            Column.of("id", "环节编号", ID).mandatory().example("NEV-CELL"),
            Column.of("chainId", "产业链", ID).mandatory().ref(RefKind.CHAIN).example("NEV").aliases("产业链编号"),
            Column.of("name", "名称", NAME).mandatory().example("电芯"),
            Column.of("stage", "环节位置", CHOICE).mandatory().choices(STAGES).example("中游"),
            Column.of("key", "关键环节", BOOLEAN).example("是"),
            Column.of("valueAdded", "附加值等级", INTEGER).range(1.0, 5.0).example("4").note("1 (低) 至 5 (高)，默认 3"),
            Column.of("parentId", "上级环节", ID).ref(RefKind.SEGMENT).example("动力电池").aliases("上级环节编号"),
            Column.of("description", "说明", TEXT)),
            List.of("id"), RefKind.SEGMENT, SegmentsFormat::new);

    /** @param valueAdded null when the file left it empty (the chain model's documented default applies) */
    record Row(String id, String chainId, String name, String stage, boolean key, Integer valueAdded, String parentId,
               String description) implements FormatRow {
        @Override
        public Set<String> chainIds() {
            return FormatRow.chain(chainId);
        }
    }

    @Override
    public void check(RowContext row) {
        String parent = row.text("parentId");
        if (parent == null) {
            return;
        }
        if (parent.equals(row.get("id"))) {
            row.problem("parentId", "上级环节不能是自己");
            return;
        }
        String parentChain = row.chainOf(RefKind.SEGMENT, parent);
        if (parentChain != null && !parentChain.equals(row.get("chainId"))) {
            row.problem("parentId", "上级环节属于另一条产业链 (" + parentChain + ")");
        }
    }

    @Override
    public Row row(RowContext r) {
        return new Row(r.text("id"), r.text("chainId"), r.text("name"), r.text("stage"), r.flag("key"), r.integer("valueAdded"),
                r.text("parentId"), r.text("description"));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void write(List<Row> rows, GraphWriters w) {
        w.chains().mergeSegments(rows.stream().map(r -> new ChainModel.Segment(r.id(), r.chainId(), r.name(),
                Stage.valueOf(r.stage()), r.key(), r.valueAdded() == null ? 3 : r.valueAdded(), r.parentId(),
                r.description())).toList());
    }
}
