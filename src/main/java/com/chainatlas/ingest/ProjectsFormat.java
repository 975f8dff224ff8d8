package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.CHOICE;
import static com.chainatlas.ingest.FieldType.DATE;
import static com.chainatlas.ingest.FieldType.DECIMAL;
import static com.chainatlas.ingest.FieldType.ENTERPRISE;
import static com.chainatlas.ingest.FieldType.ID;
import static com.chainatlas.ingest.FieldType.NAME;
import static com.chainatlas.ingest.FieldType.REGION;
import static com.chainatlas.ingest.FieldType.TEXT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 招商项目: one investment project (ledger row) per line; stage dates in order, the current one required. */
final class ProjectsFormat implements FormatRules<ProjectsFormat.Row> {

    static final Map<String, String> STAGES = Column.choiceMap("签约", "SIGNED", "开工", "STARTED", "投产", "PRODUCING",
            "达效", "EFFECTIVE");
    private static final List<String> DATES = List.of("signedOn", "startedOn", "producingOn", "effectiveOn");
    private static final List<String> STAGE_ORDER = List.of("SIGNED", "STARTED", "PRODUCING", "EFFECTIVE");

    static final ImportFormat FORMAT = new ImportFormat("projects", "招商项目", "Investment projects",
            "每行一个招商项目 (台账)。当前阶段的日期必填，各阶段日期须按 签约≤开工≤投产≤达效。", List.of(
            Column.of("id", "项目编号", ID).mandatory().example("PJ-2025-001"),
            Column.of("name", "项目名称", NAME).mandatory().example("年产 10GWh 动力电池项目"),
            Column.of("enterprise", "目标企业", ENTERPRISE).mandatory().ref(RefKind.ENTERPRISE).example("示例新能源"),
            Column.of("chainId", "产业链", ID).ref(RefKind.CHAIN).example("NEV").aliases("产业链编号"),
            Column.of("segmentId", "环节", ID).ref(RefKind.SEGMENT).example("电芯").aliases("环节编号"),
            Column.of("regionCode", "落地区划代码", REGION).mandatory().example("340104"),
            Column.of("investment", "投资额", DECIMAL).unit("亿元").range(0.0, null).example("50"),
            Column.of("stage", "阶段", CHOICE).mandatory().choices(STAGES).example("开工"),
            Column.of("signedOn", "签约日期", DATE).example("2025-03-01"),
            Column.of("startedOn", "开工日期", DATE).example("2025-07-15"),
            Column.of("producingOn", "投产日期", DATE),
            Column.of("effectiveOn", "达效日期", DATE),
            Column.of("owner", "责任人", NAME).example("张三"),
            Column.of("note", "备注", TEXT)),
            List.of("id"), null, ProjectsFormat::new);

    /** Dates as ISO strings (the writer converts them). */
    record Row(String id, String name, String enterprise, String chainId, String segmentId, String regionCode,
               Double investment, String stage, String signedOn, String startedOn, String producingOn,
               String effectiveOn, String owner, String note) implements FormatRow {
        @Override
        public Set<String> chainIds() {
            return FormatRow.chain(chainId);
        }
    }

    @Override
    public void check(RowContext row) {
        int stage = STAGE_ORDER.indexOf(row.text("stage"));
        String current = DATES.get(stage);
        if (row.get(current) == null) {
            row.problem(current, "项目处于“" + STAGES.entrySet().stream()
                    .filter(e -> e.getValue().equals(row.get("stage"))).findFirst().orElseThrow().getKey()
                    + "”阶段，此日期必填");
        }
        for (int i = stage + 1; i < DATES.size(); i++) {
            if (row.get(DATES.get(i)) != null) {
                row.problem(DATES.get(i), "项目尚未到达此阶段，不应填写此日期");
            }
        }
        String previous = null;
        for (String key : DATES) {
            String date = row.text(key);
            if (date != null && previous != null && date.compareTo(previous) < 0) {
                row.problem(key, "日期早于前一阶段的日期 (" + previous + ")");
            }
            previous = date != null ? date : previous;
        }
        String segment = row.text("segmentId");
        if (segment != null) {
            String segChain = row.chainOf(RefKind.SEGMENT, segment);
            if (row.get("chainId") == null) {
                row.set("chainId", segChain);
            } else if (segChain != null && !segChain.equals(row.get("chainId"))) {
                row.problem("segmentId", "环节属于产业链 " + segChain + "，与产业链编号不符");
            }
        }
    }

    @Override
    public Row row(RowContext r) {
        return new Row(r.text("id"), r.text("name"), r.text("enterprise"), r.text("chainId"), r.text("segmentId"),
                r.text("regionCode"), r.decimal("investment"), r.text("stage"), r.text("signedOn"), r.text("startedOn"),
                r.text("producingOn"), r.text("effectiveOn"), r.text("owner"), r.text("note"));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void write(List<Row> rows, GraphWriters w) {
        w.projects().mergeProjects(rows.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("name", r.name());
            m.put("enterprise", r.enterprise());
            m.put("chainId", r.chainId());
            m.put("segmentId", r.segmentId());
            m.put("regionCode", r.regionCode());
            m.put("investment", r.investment());
            m.put("stage", r.stage());
            m.put("signedOn", r.signedOn());
            m.put("startedOn", r.startedOn());
            m.put("producingOn", r.producingOn());
            m.put("effectiveOn", r.effectiveOn());
            m.put("owner", r.owner());
            m.put("note", r.note());
            return m;
        }).toList());
    }
}
