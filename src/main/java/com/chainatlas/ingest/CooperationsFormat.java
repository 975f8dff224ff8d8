package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.ENTERPRISE;
import static com.chainatlas.ingest.FieldType.ID;
import static com.chainatlas.ingest.FieldType.NAME;
import static com.chainatlas.ingest.FieldType.YEAR;

import java.util.List;
import java.util.Set;

import com.chainatlas.innovation.Institution;

/** 产学研合作: an institution cooperates with an enterprise. */
final class CooperationsFormat implements FormatRules<CooperationsFormat.Row> {

    static final ImportFormat FORMAT = new ImportFormat("cooperations", "产学研合作", "Institution–enterprise cooperation",
            "每行一条研发机构与企业的合作。", List.of(
            Column.of("institutionId", "研发机构", ID).mandatory().ref(RefKind.INSTITUTION).example("I-USTC-BATT").aliases("机构编号"),
            Column.of("enterprise", "企业", ENTERPRISE).mandatory().ref(RefKind.ENTERPRISE).example("示例新能源"),
            Column.of("kind", "合作方式", NAME).example("联合研发").note("如 联合研发、技术转让、共建实验室、人才培养"),
            Column.of("since", "开始年份", YEAR).example("2021")),
            List.of("institutionId", "enterprise"), null, CooperationsFormat::new);

    record Row(String institutionId, String enterprise, String kind, Integer since) implements FormatRow {
        @Override
        public Set<String> chainIds() {
            return Set.of();
        }
    }

    @Override
    public Row row(RowContext r) {
        return new Row(r.text("institutionId"), r.text("enterprise"), r.text("kind"), r.integer("since"));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void write(List<Row> rows, GraphWriters w) {
        w.institutions().mergeCooperations(rows.stream().map(r -> new Institution.Cooperation(r.institutionId(),
                r.enterprise(), r.kind(), r.since())).toList());
    }
}
