package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.DATE;
import static com.chainatlas.ingest.FieldType.DECIMAL;
import static com.chainatlas.ingest.FieldType.ID;
import static com.chainatlas.ingest.FieldType.ID_LIST;
import static com.chainatlas.ingest.FieldType.INTEGER;
import static com.chainatlas.ingest.FieldType.NAME;
import static com.chainatlas.ingest.FieldType.NAME_LIST;
import static com.chainatlas.ingest.FieldType.REGION;
import static com.chainatlas.ingest.FieldType.TEXT;
import static com.chainatlas.ingest.FieldType.USCC;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chainatlas.enterprise.Enterprise;
import com.chainatlas.enterprise.EnterpriseWriter;
import com.chainatlas.system.ClockConfiguration;

/**
 * 企业: one enterprise per row, keyed by its credit code, or by full name + region when it has none (标为
 * 无信用代码; a later row with the code upgrades it in place). Its segments may be given in the same row.
 */
final class EnterprisesFormat implements FormatRules<EnterprisesFormat.Row> {

    static final ImportFormat FORMAT = new ImportFormat("enterprises", "企业", "Enterprises",
            "每行一家企业，以统一社会信用代码为准；重复导入会更新，不会重复。没有信用代码的企业以 企业全称+行政区划代码 识别 (标为“无信用代码”)，"
                    + "以后导入带代码的同名同区划企业时原地补上代码。可同时填所属环节，一个文件即可完成常见的企业名单导入。", List.of(
            Column.of("uscc", "统一社会信用代码", USCC).example("91340104123456788E").aliases("信用代码", "社会信用代码")
                    .note("可不填 (无信用代码)；Excel 中请把此列设为“文本”，否则长数字会被改成科学计数法"),
            Column.of("name", "企业名称", NAME).mandatory().example("合肥示例新能源科技有限公司").aliases("企业全称", "全称", "名称"),
            Column.of("shortName", "简称", NAME).example("示例新能源").aliases("企业简称"),
            Column.of("regionCode", "行政区划代码", REGION).mandatory().example("340104").aliases("区划代码"),
            Column.of("zone", "开发区", NAME).example("合肥高新技术产业开发区").aliases("园区"),
            Column.of("revenue", "营业收入", DECIMAL).unit("万元").range(0.0, null).example("12,500")
                    .note("单位万元；填“1.2亿元”“3000万元”会自动换算"),
            Column.of("employees", "从业人数", INTEGER).range(0.0, null).example("320").aliases("员工人数"),
            Column.of("founded", "成立日期", DATE).example("2016-05-18"),
            Column.of("listed", "上市日期", DATE).example("2021-08-09").aliases("上市时间", "list_date")
                    .note("上市企业填写；可不填"),
            Column.of("tags", "标签", NAME_LIST).example("高新技术企业;专精特新").note("如 上市、专精特新、专精特新小巨人、高新技术企业、500强、链主"),
            Column.of("patents", "专利数", INTEGER).range(0.0, null).example("45"),
            Column.of("chainId", "产业链", ID).ref(RefKind.CHAIN).example("NEV").aliases("产业链编号")
                    .note("可省略；填写后所属环节只在本产业链中查找"),
            Column.of("segmentIds", "所属环节", ID_LIST).ref(RefKind.SEGMENT).example("电芯;动力电池/电池管理系统")
                    .aliases("环节").note("可填多个；填环节名称、路径 (上级/环节) 或编号"),
            Column.of("mainProducts", "主营产品", TEXT).example("磷酸铁锂电芯、储能电池"),
            Column.of("businessScope", "经营范围", TEXT).example("电池制造；电池销售"),
            Column.of("industry", "所属行业", TEXT).example("C3841 锂离子电池制造").aliases("国民经济行业", "国民经济行业分类", "所属国民经济行业")
                    .note("可不填；登记的国民经济行业 (可带代码)，挂链建议把它作为单独的依据")),
            List.of("uscc"), RefKind.ENTERPRISE, EnterprisesFormat::new);

    /**
     * @param uscc        the credit code, or the provisional key of an enterprise without one
     * @param exists      stored already (written by MERGE; new ones by CREATE)
     * @param provisional no credit code (无信用代码)
     * @param upgrades    the provisional key of the stored twin this code row upgrades in place, or null
     * @param chainIds    the chains of the row's segments
     */
    record Row(String uscc, String name, String shortName, String regionCode, String zone, Double revenue,
               Integer employees, LocalDate founded, LocalDate listed, List<String> tags, Integer patents, List<String> segmentIds,
               String mainProducts, String businessScope, String industry, boolean exists, boolean provisional, String upgrades,
               Set<String> chainIds) implements FormatRow {
        /** The enterprise, and the provisional twin it upgrades (that key leaves the chain). */
        @Override
        public java.util.Collection<String> enterpriseKeys() {
            return java.util.Arrays.asList(uscc, upgrades);
        }
    }

    @Override
    public void check(RowContext row) {
        LocalDate founded = row.date("founded");
        if (founded != null && founded.isAfter(LocalDate.now(ClockConfiguration.OFFICE_ZONE))) {
            row.problem("founded", "成立日期晚于今天");
        }
        LocalDate listed = row.date("listed");
        if (listed != null && listed.isAfter(LocalDate.now(ClockConfiguration.OFFICE_ZONE))) {
            row.problem("listed", "上市日期晚于今天");
        }
    }

    @Override
    public Row row(RowContext r) {
        Set<String> chains = new LinkedHashSet<>();
        for (String segment : r.list("segmentIds")) {
            String chain = r.chainOf(RefKind.SEGMENT, segment);
            if (chain != null && !chain.isEmpty()) {
                chains.add(chain);
            }
        }
        return new Row(r.text("uscc"), r.text("name"), r.text("shortName"), r.text("regionCode"), r.text("zone"),
                r.decimal("revenue"), r.integer("employees"), r.date("founded"), r.date("listed"), r.list("tags"), r.integer("patents"),
                r.list("segmentIds"), r.text("mainProducts"), r.text("businessScope"), r.text("industry"), r.exists(), r.provisional(),
                r.upgrades(), Set.copyOf(chains));
    }

    @Override
    public Class<Row> rowType() {
        return Row.class;
    }

    @Override
    public void write(List<Row> rows, GraphWriters w) {
        Map<String, String> upgrades = new LinkedHashMap<>();
        rows.stream().filter(r -> r.upgrades() != null).forEach(r -> upgrades.put(r.upgrades(), r.uscc()));
        w.enterprises().upgradeProvisional(upgrades);
        List<Enterprise> created = rows.stream().filter(r -> !r.exists()).map(EnterprisesFormat::enterprise).toList();
        List<Enterprise> merged = rows.stream().filter(Row::exists).map(EnterprisesFormat::enterprise).toList();
        if (!created.isEmpty()) {
            w.enterprises().createEnterprises(created);
        }
        if (!merged.isEmpty()) {
            w.enterprises().mergeEnterprises(merged);
        }
        w.enterprises().writeProfiles(rows.stream().map(r -> new EnterpriseWriter.Profile(r.uscc(), r.mainProducts(),
                r.businessScope(), r.industry(), r.provisional(), r.segmentIds())).toList());
    }

    private static Enterprise enterprise(Row r) {
        return new Enterprise(r.uscc(), r.name(), r.shortName(), r.regionCode(), r.zone(), r.revenue(), r.employees(),
                r.founded(), r.tags(), r.patents(), false, r.listed());
    }
}
