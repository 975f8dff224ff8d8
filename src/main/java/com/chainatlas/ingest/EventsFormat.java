package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.CHOICE;
import static com.chainatlas.ingest.FieldType.DATE;
import static com.chainatlas.ingest.FieldType.DECIMAL;
import static com.chainatlas.ingest.FieldType.ENTERPRISE;
import static com.chainatlas.ingest.FieldType.NAME;
import static com.chainatlas.ingest.FieldType.REGION;
import static com.chainatlas.ingest.FieldType.TEXT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chainatlas.signal.EventKind;
import com.chainatlas.signal.ExpansionEvent;
import com.chainatlas.system.ClockConfiguration;

/**
 * 扩张信号: one dated event of an enterprise per row (融资, 新设分支机构, …), which the target score reads as a
 * recency-weighted signal. Keyed by enterprise + kind + date + title, so re-importing a corrected amount or place
 * updates the event instead of adding a second one.
 */
final class EventsFormat implements FormatRules<EventsFormat.Row> {

    static final Map<String, String> KINDS = kinds();
    static final int MAX_TITLE = 200;

    static final ImportFormat FORMAT = new ImportFormat("events", "扩张信号", "Expansion signals (enterprise events)",
            "每行一条企业扩张事件 (融资、新设分支机构、对外投资、扩产/新建项目、招聘、中标、专利授权)，招商清单按事件的新近程度加分。"
                    + "以 企业+事件类型+日期+标题 识别，重复导入会更新金额、地点和来源，不会重复。只记已发生的事件 (日期不能晚于今天)；"
                    + "金额未知请留空 (不要填 0)。", List.of(
            Column.of("enterprise", "企业", ENTERPRISE).mandatory().ref(RefKind.ENTERPRISE).example("示例新能源")
                    .aliases("统一社会信用代码", "企业名称"),
            Column.of("kind", "事件类型", CHOICE).mandatory().choices(KINDS).example("融资")
                    .note("模板中可从下拉选择"),
            Column.of("date", "日期", DATE).mandatory().example("2026-09-18").aliases("事件日期")
                    .note("事件发生的日期；不能晚于今天"),
            Column.of("amount", "金额", DECIMAL).unit("万元").range(0.0, null).example("30000")
                    .note("融资额、投资额、中标金额等，单位万元；填“3亿元”会自动换算；未知请留空 (不要填 0)"),
            Column.of("place", "地点", REGION).example("510100").aliases("地点区划代码")
                    .note("事件发生地的 6 位行政区划代码，如新设分支机构或新建项目所在的市、区县"),
            Column.of("title", "标题", TEXT).mandatory().example("完成 B 轮融资 3 亿元").aliases("说明", "标题/说明")
                    .note("最多 " + MAX_TITLE + " 个字"),
            Column.of("source", "来源", NAME).example("企业公告").note("如 企业公告、新闻、企查查")),
            List.of("enterprise", "kind", "date", "title"), null, EventsFormat::new);

    record Row(String enterprise, String kind, String date, Double amount, String place, String title, String source)
            implements FormatRow {
        @Override
        public Set<String> chainIds() {
            return Set.of();
        }
    }

    private static Map<String, String> kinds() {
        List<String> pairs = new ArrayList<>();
        for (EventKind k : EventKind.values()) {
            pairs.add(k.zh);
            pairs.add(k.name());
        }
        return Column.choiceMap(pairs.toArray(String[]::new));
    }

    @Override
    public void check(RowContext row) {
        LocalDate date = row.date("date");
        if (date != null && date.isAfter(LocalDate.now(ClockConfiguration.OFFICE_ZONE))) {
            row.problem("date", "日期晚于今天：扩张信号只记已发生的事件 (计划中的事项请在发生后导入)");
        }
        String title = row.text("title");
        if (title != null && title.length() > MAX_TITLE) {
            row.problem("title", "标题过长 (最多 " + MAX_TITLE + " 个字)");
        }
    }

    @Override
    public Row row(RowContext r) {
        return new Row(r.text("enterprise"), r.text("kind"), r.text("date"), r.decimal("amount"), r.text("place"),
                r.text("title"), r.text("source"));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void write(List<Row> rows, GraphWriters w) {
        w.events().mergeEvents(rows.stream().map(r -> {
            EventKind kind = EventKind.valueOf(r.kind());
            LocalDate date = LocalDate.parse(r.date());
            return new ExpansionEvent(ExpansionEvent.key(r.enterprise(), kind, date, r.title()), r.enterprise(), kind, date,
                    r.amount(), r.place(), r.title(), r.source(), false);
        }).toList());
    }
}
