package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.CHOICE;
import static com.chainatlas.ingest.FieldType.ID;
import static com.chainatlas.ingest.FieldType.ID_LIST;
import static com.chainatlas.ingest.FieldType.INTEGER;
import static com.chainatlas.ingest.FieldType.NAME;
import static com.chainatlas.ingest.FieldType.REGION;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chainatlas.innovation.Institution;

/** 研发机构: an R&D institution and what it researches (technologies, segments). */
final class InstitutionsFormat implements FormatRules<InstitutionsFormat.Row> {

    static final Map<String, String> TYPES = Column.choiceMap("高校", "UNIVERSITY", "大学", "UNIVERSITY",
            "重点实验室", "KEY_LAB", "工程研究中心", "ENGINEERING_CENTER", "工程技术研究中心", "ENGINEERING_CENTER",
            "科研院所", "INSTITUTE", "研究院", "INSTITUTE");
    static final Map<String, String> LEVELS = Column.choiceMap("国家级", "NATIONAL", "省级", "PROVINCIAL", "市级", "MUNICIPAL");

    static final ImportFormat FORMAT = new ImportFormat("institutions", "研发机构", "R&D institutions",
            "每行一个研发机构及其研究方向 (技术、环节)。", List.of(
            Column.of("id", "机构编号", ID).mandatory().example("I-USTC-BATT"),
            Column.of("name", "名称", NAME).mandatory().example("某大学储能材料重点实验室"),
            Column.of("type", "类型", CHOICE).mandatory().choices(TYPES).example("重点实验室"),
            Column.of("level", "级别", CHOICE).choices(LEVELS).example("国家级"),
            Column.of("regionCode", "行政区划代码", REGION).mandatory().example("340104"),
            Column.of("strength", "研发实力", INTEGER).range(1.0, 5.0).example("4").note("1 至 5，默认 3"),
            Column.of("technologyIds", "研究技术", ID_LIST).ref(RefKind.TECHNOLOGY).example("固态电池").aliases("技术", "研究技术编号"),
            Column.of("segmentIds", "研究环节", ID_LIST).ref(RefKind.SEGMENT).example("电芯").aliases("研究环节编号")),
            List.of("id"), RefKind.INSTITUTION, InstitutionsFormat::new);

    /** @param strength null when the file left it empty (the documented default applies) */
    record Row(String id, String name, String type, String level, String regionCode, Integer strength,
               List<String> technologyIds, List<String> segmentIds) implements FormatRow {
        @Override
        public Set<String> chainIds() {
            return Set.of();
        }
    }

    @Override
    public Row row(RowContext r) {
        return new Row(r.text("id"), r.text("name"), r.text("type"), r.text("level"), r.text("regionCode"),
                r.integer("strength"), r.list("technologyIds"), r.list("segmentIds"));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void write(List<Row> rows, GraphWriters w) {
        w.institutions().mergeInstitutions(rows.stream().map(r -> new Institution(r.id(), r.name(), r.type(), r.level(),
                r.regionCode(), r.strength() == null ? 3 : r.strength(), r.technologyIds(), r.segmentIds(), false)).toList());
    }
}
