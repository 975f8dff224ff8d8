package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.BOOLEAN;
import static com.chainatlas.ingest.FieldType.CHOICE;
import static com.chainatlas.ingest.FieldType.DATE;
import static com.chainatlas.ingest.FieldType.DECIMAL;
import static com.chainatlas.ingest.FieldType.ENTERPRISE;
import static com.chainatlas.ingest.FieldType.ID;
import static com.chainatlas.ingest.FieldType.ID_LIST;
import static com.chainatlas.ingest.FieldType.NAME;
import static com.chainatlas.ingest.FieldType.REGION;
import static com.chainatlas.ingest.FieldType.TEXT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 项目台账: the ledger's own export shape (one row per project, every stage date a column). Rows are written by
 * the ledger ({@link ProjectWriter}, implemented in the project feature), which matches them by id or by
 * name + region and records each change in the project's history.
 */
final class ProjectsFormat implements FormatRules<ProjectsFormat.Row> {

    static final Map<String, String> STAGES = Column.choiceMap("谋划", "PLANNING", "洽谈", "NEGOTIATING", "签约", "SIGNED",
            "开工", "STARTED", "建设", "BUILDING", "投产", "IN_PRODUCTION", "达产", "AT_CAPACITY", "达效", "AT_CAPACITY");
    static final Map<String, String> STATUSES = Column.choiceMap("推进中", "ACTIVE", "暂缓", "SUSPENDED", "终止", "TERMINATED");
    private static final List<String> DATES = List.of("planningOn", "negotiatingOn", "signedOn", "startedOn",
            "buildingOn", "inProductionOn", "atCapacityOn");
    private static final List<String> STAGE_ORDER = List.of("PLANNING", "NEGOTIATING", "SIGNED", "STARTED", "BUILDING",
            "IN_PRODUCTION", "AT_CAPACITY");
    private static final int MAX_SEGMENTS = 20;

    static final ImportFormat FORMAT = new ImportFormat("projects", "项目台账", "Project ledger",
            "每行一个招商项目 (台账)。有项目编号时按编号更新，否则按 项目名称 + 落地区划代码 匹配已有项目；变更记入项目历史。"
                    + "当前阶段的日期必填 (谋划除外)，未到达阶段的日期须为空，各阶段日期须按 谋划≤洽谈≤签约≤开工≤建设≤投产≤达产，且不得晚于今天。"
                    + "投资额未知请留空 (不要填 0)；增资/扩产项目只计新增投资。", List.of(
            Column.of("id", "项目编号", ID).note("导出的台账带有编号；新项目留空"),
            Column.of("name", "项目名称", NAME).mandatory().example("年产 10GWh 动力电池项目"),
            Column.of("enterprise", "目标企业", ENTERPRISE).ref(RefKind.ENTERPRISE).example("示例新能源")
                    .note("图谱中的企业；不在图谱中的新企业请留空并填写企业名称"),
            Column.of("enterpriseName", "企业名称", NAME).example("某新能源科技有限公司").note("目标企业不在图谱中时填写"),
            Column.of("enterpriseRegionCode", "企业所在区划代码", REGION).example("320500"),
            Column.of("chainId", "产业链", ID).ref(RefKind.CHAIN).example("NEV").aliases("产业链编号")
                    .note("留空时取环节所属的产业链"),
            Column.of("segmentIds", "环节", ID_LIST).ref(RefKind.SEGMENT).example("电芯").aliases("环节编号")
                    .note("可填多个；一个项目只计一次"),
            Column.of("regionCode", "落地区划代码", REGION).mandatory().example("340104"),
            Column.of("zoneName", "园区", NAME).example("合肥经济技术开发区"),
            Column.of("plannedInvestmentYi", "计划投资", DECIMAL).unit("亿元").range(0.0, null).example("50").aliases("投资额"),
            Column.of("actualInvestmentYi", "实际投资", DECIMAL).unit("亿元").range(0.0, null),
            Column.of("expansion", "增资扩产", BOOLEAN).example("否").note("增资/扩产项目只计新增投资"),
            Column.of("addedInvestmentYi", "新增投资", DECIMAL).unit("亿元").range(0.0, null).note("仅增资/扩产项目填写"),
            Column.of("stage", "阶段", CHOICE).mandatory().choices(STAGES).example("开工"),
            Column.of("planningOn", "谋划日期", DATE),
            Column.of("negotiatingOn", "洽谈日期", DATE),
            Column.of("signedOn", "签约日期", DATE).example("2025-03-01"),
            Column.of("startedOn", "开工日期", DATE).example("2025-07-15"),
            Column.of("buildingOn", "建设日期", DATE),
            Column.of("inProductionOn", "投产日期", DATE),
            Column.of("atCapacityOn", "达产日期", DATE).aliases("达效日期"),
            Column.of("status", "状态", CHOICE).choices(STATUSES).example("推进中").note("留空为推进中"),
            Column.of("statusReason", "状态原因", TEXT).note("暂缓、终止须填写原因"),
            Column.of("responsible", "责任人", NAME).example("张三"),
            Column.of("department", "责任单位", NAME).example("市投资促进局"),
            Column.of("nextAction", "下一步", TEXT).example("协调用地指标"),
            Column.of("nextActionDate", "下一步日期", DATE).example("2025-08-01")),
            List.of("name", "regionCode"), null, ProjectsFormat::new);

    /** One ledger row; dates as ISO strings, stage and status as enum names, figures null when empty. */
    record Row(String id, String name, String enterprise, String enterpriseName, String enterpriseRegionCode,
               String chainId, List<String> segmentIds, String regionCode, String zoneName, Double plannedInvestmentYi,
               Double actualInvestmentYi, boolean expansion, Double addedInvestmentYi, String stage,
               Map<String, String> stageDates, String status, String statusReason, String responsible,
               String department, String nextAction, String nextActionDate) implements FormatRow {
        Row {
            segmentIds = List.copyOf(segmentIds);
        }

        @Override
        public Set<String> chainIds() {
            return FormatRow.chain(chainId);
        }
    }

    @Override
    public void check(RowContext row) {
        int stage = STAGE_ORDER.indexOf(row.text("stage"));
        String current = DATES.get(stage);
        if (stage > 0 && row.get(current) == null) {
            row.problem(current, "项目处于“" + STAGES.entrySet().stream()
                    .filter(e -> e.getValue().equals(row.get("stage"))).findFirst().orElseThrow().getKey()
                    + "”阶段，此日期必填");
        }
        for (int i = stage + 1; i < DATES.size(); i++) {
            if (row.get(DATES.get(i)) != null) {
                row.problem(DATES.get(i), "项目尚未到达此阶段，不应填写此日期");
            }
        }
        // A stage that has not happened yet has no date: the ledger API refuses a future date, so the import does too.
        String today = java.time.LocalDate.now(com.chainatlas.system.ClockConfiguration.OFFICE_ZONE).toString();
        for (String key : DATES) {
            String date = row.text(key);
            if (date != null && date.compareTo(today) > 0) {
                row.problem(key, "日期晚于今天 (" + today + ")：尚未发生的阶段不填日期");
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
        if (row.get("enterprise") == null && row.get("enterpriseName") == null) {
            row.problem("enterpriseName", "请填写目标企业 (图谱中的企业) 或企业名称 (新企业)");
        }
        if (!row.flag("expansion") && row.get("addedInvestmentYi") != null) {
            row.problem("addedInvestmentYi", "只有增资/扩产项目填写新增投资");
        }
        String status = row.text("status");
        if (("SUSPENDED".equals(status) || "TERMINATED".equals(status)) && row.get("statusReason") == null) {
            row.problem("statusReason", "暂缓或终止的项目须填写原因");
        }
        checkSegments(row);
    }

    /** The chain defaults to the first segment's; every segment must belong to it. */
    private static void checkSegments(RowContext row) {
        List<String> segments = row.list("segmentIds");
        String chain = row.text("chainId");
        if (chain == null && !segments.isEmpty()) {
            chain = row.chainOf(RefKind.SEGMENT, segments.get(0));
            row.set("chainId", chain);
        }
        if (segments.size() > MAX_SEGMENTS) {
            row.problem("segmentIds", "环节最多 " + MAX_SEGMENTS + " 个");
        }
        for (String segment : segments) {
            String segChain = row.chainOf(RefKind.SEGMENT, segment);
            if (segChain != null && chain != null && !segChain.equals(chain)) {
                row.problem("segmentIds", "环节 " + segment + " 属于产业链 " + segChain + "，与产业链编号不符");
            }
        }
    }

    @Override
    public Row row(RowContext r) {
        Map<String, String> dates = new LinkedHashMap<>();
        for (String key : DATES) {
            dates.put(key, r.text(key));
        }
        return new Row(r.text("id"), r.text("name"), r.text("enterprise"), r.text("enterpriseName"),
                r.text("enterpriseRegionCode"), r.text("chainId"), r.list("segmentIds"), r.text("regionCode"),
                r.text("zoneName"), r.decimal("plannedInvestmentYi"), r.decimal("actualInvestmentYi"), r.flag("expansion"),
                r.decimal("addedInvestmentYi"), r.text("stage"), dates, r.text("status"), r.text("statusReason"),
                r.text("responsible"), r.text("department"), r.text("nextAction"), r.text("nextActionDate"));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    /** Hands the rows to the ledger keyed as the columns ({@link ProjectWriter} documents the value types). */
    @Override
    public void write(List<Row> rows, GraphWriters w) {
        w.projects().mergeProjects(rows.stream().map(ProjectsFormat::columns).toList());
    }

    private static Map<String, Object> columns(Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("enterprise", r.enterprise());
        m.put("enterpriseName", r.enterpriseName());
        m.put("enterpriseRegionCode", r.enterpriseRegionCode());
        m.put("chainId", r.chainId());
        m.put("segmentIds", r.segmentIds());
        m.put("regionCode", r.regionCode());
        m.put("zoneName", r.zoneName());
        m.put("plannedInvestmentYi", r.plannedInvestmentYi());
        m.put("actualInvestmentYi", r.actualInvestmentYi());
        m.put("expansion", r.expansion());
        m.put("addedInvestmentYi", r.addedInvestmentYi());
        m.put("stage", r.stage());
        m.putAll(r.stageDates());
        m.put("status", r.status());
        m.put("statusReason", r.statusReason());
        m.put("responsible", r.responsible());
        m.put("department", r.department());
        m.put("nextAction", r.nextAction());
        m.put("nextActionDate", r.nextActionDate());
        return m;
    }
}
