package com.chainatlas.ingest;

import static com.chainatlas.ingest.FieldType.BOOLEAN;
import static com.chainatlas.ingest.FieldType.CHOICE;
import static com.chainatlas.ingest.FieldType.DATE;
import static com.chainatlas.ingest.FieldType.DECIMAL;
import static com.chainatlas.ingest.FieldType.ENTERPRISE;
import static com.chainatlas.ingest.FieldType.ID;
import static com.chainatlas.ingest.FieldType.ID_LIST;
import static com.chainatlas.ingest.FieldType.INTEGER;
import static com.chainatlas.ingest.FieldType.NAME;
import static com.chainatlas.ingest.FieldType.NAME_LIST;
import static com.chainatlas.ingest.FieldType.REGION;
import static com.chainatlas.ingest.FieldType.SHARE;
import static com.chainatlas.ingest.FieldType.TEXT;
import static com.chainatlas.ingest.FieldType.USCC;
import static com.chainatlas.ingest.FieldType.YEAR;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.chainatlas.chain.ChainModel;
import com.chainatlas.chain.Stage;
import com.chainatlas.enterprise.Enterprise;
import com.chainatlas.enterprise.EnterpriseLinks;
import com.chainatlas.enterprise.EnterpriseWriter;
import com.chainatlas.innovation.Institution;

/** The catalogue of import formats, one per entity and relation of the graph model. */
final class ImportFormats {

    static final Map<String, String> STAGES = choices("上游", "UPSTREAM", "中游", "MIDSTREAM", "下游", "DOWNSTREAM");
    static final Map<String, String> INSTITUTION_TYPES = choices("高校", "UNIVERSITY", "大学", "UNIVERSITY",
            "重点实验室", "KEY_LAB", "工程研究中心", "ENGINEERING_CENTER", "工程技术研究中心", "ENGINEERING_CENTER",
            "科研院所", "INSTITUTE", "研究院", "INSTITUTE");
    static final Map<String, String> LEVELS = choices("国家级", "NATIONAL", "省级", "PROVINCIAL", "市级", "MUNICIPAL");
    static final Map<String, String> PROJECT_STAGES = choices("谋划", "PLANNING", "洽谈", "NEGOTIATING", "签约", "SIGNED",
            "开工", "STARTED", "建设", "BUILDING", "投产", "IN_PRODUCTION", "达产", "AT_CAPACITY", "达效", "AT_CAPACITY");
    static final Map<String, String> PROJECT_STATUSES = choices("推进中", "ACTIVE", "暂缓", "SUSPENDED", "终止", "TERMINATED");

    static final ImportFormat CHAINS = new ImportFormat("chains", "产业链", "Chains",
            "每行一条产业链。", List.of(
            Column.of("id", "产业链编号", ID).mandatory().example("NEV").note("自定的唯一编号，其他文件用它引用本产业链"),
            Column.of("name", "名称", NAME).mandatory().example("新能源汽车"),
            Column.of("description", "说明", TEXT).example("整车、动力电池、电驱电控及充换电"),
            Column.of("industryCodes", "行业代码", ID_LIST).example("C3612;C3841").note("GB/T 4754-2017 行业代码，可填多个")),
            List.of("id"), RefKind.CHAIN, ChainRules::new);

    static final ImportFormat SEGMENTS = new ImportFormat("segments", "环节", "Segments",
            "每行一个产业链环节；上级环节须已存在或在本文件前面的行中。", List.of(
            Column.of("id", "环节编号", ID).mandatory().example("NEV-CELL"),
            Column.of("chainId", "产业链", ID).mandatory().ref(RefKind.CHAIN).example("NEV").aliases("产业链编号"),
            Column.of("name", "名称", NAME).mandatory().example("电芯"),
            Column.of("stage", "环节位置", CHOICE).mandatory().choices(STAGES).example("中游"),
            Column.of("key", "关键环节", BOOLEAN).example("是"),
            Column.of("valueAdded", "附加值等级", INTEGER).range(1.0, 5.0).example("4").note("1 (低) 至 5 (高)，默认 3"),
            Column.of("parentId", "上级环节", ID).ref(RefKind.SEGMENT).example("动力电池").aliases("上级环节编号"),
            Column.of("description", "说明", TEXT)),
            List.of("id"), RefKind.SEGMENT, SegmentRules::new);

    static final ImportFormat FLOWS = new ImportFormat("flows", "环节流向", "Segment flows (FEEDS)",
            "每行一条供给流向：上游环节供给下游环节。互相供给 (成环) 的流向可以导入，结果中会给出提示；回收流向 (如电池回收→锂资源) 请标“是”。", List.of(
            Column.of("from", "上游环节", ID).mandatory().ref(RefKind.SEGMENT).example("正极材料").aliases("上游环节编号"),
            Column.of("to", "下游环节", ID).mandatory().ref(RefKind.SEGMENT).example("动力电池/电芯").aliases("下游环节编号"),
            Column.of("recycling", "回收流向", BOOLEAN).example("否"),
            Column.of("chainId", "产业链", ID).ref(RefKind.CHAIN).example("NEV").aliases("产业链编号")
                    .note("可省略；填写后环节名称只在本产业链中查找")),
            List.of("from", "to"), null, FlowRules::new);

    static final ImportFormat PRODUCTS = new ImportFormat("products", "产品", "Products",
            "每行一个产品；投入品须已存在或在本文件前面的行中。", List.of(
            Column.of("id", "产品编号", ID).mandatory().example("P-LFP-CELL"),
            Column.of("name", "名称", NAME).mandatory().example("磷酸铁锂电芯"),
            Column.of("segmentId", "所属环节", ID).mandatory().ref(RefKind.SEGMENT).example("电芯").aliases("环节", "环节编号"),
            Column.of("chainId", "产业链", ID).ref(RefKind.CHAIN).example("NEV").aliases("产业链编号").note("可省略：取所属环节的产业链"),
            Column.of("inputIds", "投入品", ID_LIST).ref(RefKind.PRODUCT).example("P-LFP;P-ELECTROLYTE")),
            List.of("id"), RefKind.PRODUCT, ProductRules::new);

    static final ImportFormat PRODUCT_INPUTS = new ImportFormat("product-inputs", "产品投入", "Product inputs (INPUT_TO)",
            "每行一条投入关系：投入品用于生产产品。", List.of(
            Column.of("inputId", "投入品", ID).mandatory().ref(RefKind.PRODUCT).example("P-LFP").aliases("投入品编号"),
            Column.of("productId", "产品", ID).mandatory().ref(RefKind.PRODUCT).example("磷酸铁锂电芯").aliases("产品编号")),
            List.of("inputId", "productId"), null, ProductInputRules::new);

    static final ImportFormat TECHNOLOGIES = new ImportFormat("technologies", "核心技术", "Technologies",
            "每行一项核心技术及其应用环节。", List.of(
            Column.of("id", "技术编号", ID).mandatory().example("T-SOLID-STATE"),
            Column.of("chainId", "产业链", ID).mandatory().ref(RefKind.CHAIN).example("NEV").aliases("产业链编号"),
            Column.of("name", "名称", NAME).mandatory().example("固态电池"),
            Column.of("description", "说明", TEXT),
            Column.of("segmentIds", "应用环节", ID_LIST).ref(RefKind.SEGMENT).example("电芯").aliases("应用环节编号")),
            List.of("id"), RefKind.TECHNOLOGY, TechnologyRules::new);

    static final ImportFormat ENTERPRISES = new ImportFormat("enterprises", "企业", "Enterprises",
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
            Column.of("tags", "标签", NAME_LIST).example("高新技术企业;专精特新").note("如 上市、专精特新、专精特新小巨人、高新技术企业、500强、链主"),
            Column.of("patents", "专利数", INTEGER).range(0.0, null).example("45"),
            Column.of("chainId", "产业链", ID).ref(RefKind.CHAIN).example("NEV").aliases("产业链编号")
                    .note("可省略；填写后所属环节只在本产业链中查找"),
            Column.of("segmentIds", "所属环节", ID_LIST).ref(RefKind.SEGMENT).example("电芯;动力电池/电池管理系统")
                    .aliases("环节").note("可填多个；填环节名称、路径 (上级/环节) 或编号"),
            Column.of("mainProducts", "主营产品", TEXT).example("磷酸铁锂电芯、储能电池"),
            Column.of("businessScope", "经营范围", TEXT).example("电池制造；电池销售")),
            List.of("uscc"), RefKind.ENTERPRISE, EnterpriseRules::new);

    static final ImportFormat ENTERPRISE_SEGMENTS = new ImportFormat("enterprise-segments", "企业环节", "Enterprise segments",
            "每行一条：企业属于某环节。企业可填统一社会信用代码、全称或简称。", List.of(
            Column.of("enterprise", "企业", ENTERPRISE).mandatory().ref(RefKind.ENTERPRISE).example("91340104123456788E")
                    .aliases("企业名称", "统一社会信用代码"),
            Column.of("segmentId", "环节", ID).mandatory().ref(RefKind.SEGMENT).example("电芯").aliases("环节编号", "所属环节"),
            Column.of("chainId", "产业链", ID).ref(RefKind.CHAIN).example("NEV").aliases("产业链编号")
                    .note("可省略；填写后环节名称只在本产业链中查找")),
            List.of("enterprise", "segmentId"), null, MembershipRules::new);

    static final ImportFormat ENTERPRISE_PRODUCTS = new ImportFormat("enterprise-products", "企业产品", "Enterprise products (MAKES)",
            "每行一条：企业生产某产品，可填该产品占企业收入的比例。", List.of(
            Column.of("enterprise", "企业", ENTERPRISE).mandatory().ref(RefKind.ENTERPRISE).example("示例新能源")
                    .aliases("企业名称", "统一社会信用代码"),
            Column.of("productId", "产品", ID).mandatory().ref(RefKind.PRODUCT).example("磷酸铁锂电芯").aliases("产品编号"),
            Column.of("share", "收入占比", SHARE).example("35%"),
            Column.of("chainId", "产业链", ID).ref(RefKind.CHAIN).example("NEV").aliases("产业链编号")
                    .note("可省略；填写后产品名称只在本产业链中查找")),
            List.of("enterprise", "productId"), null, MakesRules::new);

    static final ImportFormat SUPPLIES = new ImportFormat("supplies", "供应关系", "Supply relations (SUPPLIES)",
            "每行一条：供应商向客户供货。同一对供应商–客户只记一条。", List.of(
            Column.of("supplier", "供应商", ENTERPRISE).mandatory().ref(RefKind.ENTERPRISE).example("91340104123456788E"),
            Column.of("customer", "客户", ENTERPRISE).mandatory().ref(RefKind.ENTERPRISE).example("示例汽车"),
            Column.of("productId", "产品", ID).ref(RefKind.PRODUCT).example("P-LFP-CELL").aliases("产品编号"),
            Column.of("amount", "年供货金额", DECIMAL).unit("万元").range(0.0, null).example("800")),
            List.of("supplier", "customer"), null, SupplyRules::new);

    static final ImportFormat INSTITUTIONS = new ImportFormat("institutions", "研发机构", "R&D institutions",
            "每行一个研发机构及其研究方向 (技术、环节)。", List.of(
            Column.of("id", "机构编号", ID).mandatory().example("I-USTC-BATT"),
            Column.of("name", "名称", NAME).mandatory().example("某大学储能材料重点实验室"),
            Column.of("type", "类型", CHOICE).mandatory().choices(INSTITUTION_TYPES).example("重点实验室"),
            Column.of("level", "级别", CHOICE).choices(LEVELS).example("国家级"),
            Column.of("regionCode", "行政区划代码", REGION).mandatory().example("340104"),
            Column.of("strength", "研发实力", INTEGER).range(1.0, 5.0).example("4").note("1 至 5，默认 3"),
            Column.of("technologyIds", "研究技术", ID_LIST).ref(RefKind.TECHNOLOGY).example("固态电池").aliases("技术", "研究技术编号"),
            Column.of("segmentIds", "研究环节", ID_LIST).ref(RefKind.SEGMENT).example("电芯").aliases("研究环节编号")),
            List.of("id"), RefKind.INSTITUTION, InstitutionRules::new);

    static final ImportFormat COOPERATIONS = new ImportFormat("cooperations", "产学研合作", "Institution–enterprise cooperation",
            "每行一条研发机构与企业的合作。", List.of(
            Column.of("institutionId", "研发机构", ID).mandatory().ref(RefKind.INSTITUTION).example("I-USTC-BATT").aliases("机构编号"),
            Column.of("enterprise", "企业", ENTERPRISE).mandatory().ref(RefKind.ENTERPRISE).example("示例新能源"),
            Column.of("kind", "合作方式", NAME).example("联合研发").note("如 联合研发、技术转让、共建实验室、人才培养"),
            Column.of("since", "开始年份", YEAR).example("2021")),
            List.of("institutionId", "enterprise"), null, CooperationRules::new);

    /**
     * 项目台账: the ledger's own export shape (one row per project, every stage date a column). Rows are written by
     * the ledger ({@link ProjectWriter}, implemented in the project feature), which matches them by id or by
     * name + region and records each change in the project's history.
     */
    static final ImportFormat PROJECTS = new ImportFormat("projects", "项目台账", "Project ledger",
            "每行一个招商项目 (台账)。有项目编号时按编号更新，否则按 项目名称 + 落地区划代码 匹配已有项目；变更记入项目历史。"
                    + "当前阶段的日期必填 (谋划除外)，未到达阶段的日期须为空，各阶段日期须按 谋划≤洽谈≤签约≤开工≤建设≤投产≤达产。"
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
            Column.of("stage", "阶段", CHOICE).mandatory().choices(PROJECT_STAGES).example("开工"),
            Column.of("planningOn", "谋划日期", DATE),
            Column.of("negotiatingOn", "洽谈日期", DATE),
            Column.of("signedOn", "签约日期", DATE).example("2025-03-01"),
            Column.of("startedOn", "开工日期", DATE).example("2025-07-15"),
            Column.of("buildingOn", "建设日期", DATE),
            Column.of("inProductionOn", "投产日期", DATE),
            Column.of("atCapacityOn", "达产日期", DATE).aliases("达效日期"),
            Column.of("status", "状态", CHOICE).choices(PROJECT_STATUSES).example("推进中").note("留空为推进中"),
            Column.of("statusReason", "状态原因", TEXT).note("暂缓、终止须填写原因"),
            Column.of("responsible", "责任人", NAME).example("张三"),
            Column.of("department", "责任单位", NAME).example("市投资促进局"),
            Column.of("nextAction", "下一步", TEXT).example("协调用地指标"),
            Column.of("nextActionDate", "下一步日期", DATE).example("2025-08-01")),
            List.of("name", "regionCode"), null, ProjectRules::new);

    static final List<ImportFormat> ALL = List.of(CHAINS, SEGMENTS, FLOWS, PRODUCTS, PRODUCT_INPUTS, TECHNOLOGIES,
            ENTERPRISES, ENTERPRISE_SEGMENTS, ENTERPRISE_PRODUCTS, SUPPLIES, INSTITUTIONS, COOPERATIONS, PROJECTS);

    private ImportFormats() {
    }

    static Optional<ImportFormat> find(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    private static Map<String, String> choices(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    // ---- typed access to normalised row values

    /**
     * The node ids validation found for a relation row's enterprise column(s) ({@code to} null when the other
     * end is not an enterprise); the row is certainly new when an enterprise end had no relation of the type.
     */
    static EnterpriseLinks.NodeIds nodeIds(Map<String, Object> r, String from, String to, RefIndex.EnterpriseRelation type) {
        boolean unrelated = lacks(r, from, type) || (to != null && lacks(r, to, type));
        return new EnterpriseLinks.NodeIds(s(r, ImportRun.NODE + from), to == null ? null : s(r, ImportRun.NODE + to), unrelated);
    }

    private static boolean lacks(Map<String, Object> r, String column, RefIndex.EnterpriseRelation type) {
        return r.get(ImportRun.RELATIONS + column) instanceof Number n && (n.intValue() & type.bit()) == 0;
    }

    static String s(Map<String, Object> r, String k) {
        Object v = r.get(k);
        return v == null ? null : v.toString();
    }

    static Double d(Map<String, Object> r, String k) {
        Object v = r.get(k);
        return v == null ? null : ((Number) v).doubleValue();
    }

    static Integer i(Map<String, Object> r, String k, Integer dflt) {
        Object v = r.get(k);
        return v == null ? dflt : Integer.valueOf(((Number) v).intValue());
    }

    static boolean b(Map<String, Object> r, String k) {
        return Boolean.TRUE.equals(r.get(k));
    }

    @SuppressWarnings("unchecked")
    static List<String> l(Map<String, Object> r, String k) {
        Object v = r.get(k);
        return v == null ? List.of() : (List<String>) v;
    }

    // ---- per-format rules

    static final class ChainRules implements FormatRules {
        @Override
        public void write(List<Map<String, Object>> rows, GraphWriters w) {
            rows.forEach(r -> w.chains().mergeChain(new ChainModel.Chain(s(r, "id"), s(r, "name"), s(r, "description"),
                    l(r, "industryCodes"), false)));
        }

        @Override
        public Set<String> chainIds(Map<String, Object> row) {
            return Set.of(s(row, "id"));
        }
    }

    static final class SegmentRules implements FormatRules {
        @Override
        public void check(RowContext row) {
            String parent = (String) row.get("parentId");
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
        public void write(List<Map<String, Object>> rows, GraphWriters w) {
            w.chains().mergeSegments(rows.stream().map(r -> new ChainModel.Segment(s(r, "id"), s(r, "chainId"), s(r, "name"),
                    Stage.valueOf(s(r, "stage")), b(r, "key"), i(r, "valueAdded", 3), s(r, "parentId"),
                    s(r, "description"))).toList());
        }
    }

    static final class ProductRules implements FormatRules {
        @Override
        public void check(RowContext row) {
            String segmentChain = row.chainOf(RefKind.SEGMENT, (String) row.get("segmentId"));
            Object chain = row.get("chainId");
            if (chain == null) {
                row.set("chainId", segmentChain);
            } else if (segmentChain != null && !segmentChain.equals(chain)) {
                row.problem("chainId", "所属环节属于产业链 " + segmentChain + "，与此列不符");
            }
            if (ImportFormats.l(rowMap(row), "inputIds").contains(row.get("id"))) {
                row.problem("inputIds", "产品不能以自身为投入品");
            }
        }

        @Override
        public void write(List<Map<String, Object>> rows, GraphWriters w) {
            w.chains().mergeProducts(rows.stream().map(r -> new ChainModel.Product(s(r, "id"), s(r, "chainId"), s(r, "name"),
                    s(r, "segmentId"), l(r, "inputIds"))).toList());
        }
    }

    static final class ProductInputRules implements FormatRules {
        @Override
        public void check(RowContext row) {
            if (row.get("inputId").equals(row.get("productId"))) {
                row.problem("inputId", "产品不能以自身为投入品");
            }
        }

        @Override
        public void write(List<Map<String, Object>> rows, GraphWriters w) {
            w.chains().mergeProductInputs(rows.stream()
                    .map(r -> new ChainModel.ProductInput(s(r, "inputId"), s(r, "productId"))).toList());
        }

        @Override
        public Set<String> chainIds(Map<String, Object> row) {
            return Set.of();
        }
    }

    static final class TechnologyRules implements FormatRules {
        @Override
        public void write(List<Map<String, Object>> rows, GraphWriters w) {
            w.chains().mergeTechnologies(rows.stream().map(r -> new ChainModel.Technology(s(r, "id"), s(r, "chainId"),
                    s(r, "name"), s(r, "description"), l(r, "segmentIds"))).toList());
        }
    }

    static final class EnterpriseRules implements FormatRules {
        @Override
        public void check(RowContext row) {
            List<String> chains = new ArrayList<>(new java.util.LinkedHashSet<>(l(rowOf(row, "segmentIds"), "segmentIds").stream()
                    .map(id -> row.chainOf(RefKind.SEGMENT, id)).filter(c -> c != null && !c.isEmpty()).toList()));
            if (!chains.isEmpty()) {
                row.set("_chainIds", chains);
            }
            Object founded = row.get("founded");
            if (founded != null && LocalDate.parse(founded.toString()).isAfter(LocalDate.now())) {
                row.problem("founded", "成立日期晚于今天");
            }
        }

        @Override
        public void write(List<Map<String, Object>> rows, GraphWriters w) {
            Map<String, String> upgrades = new LinkedHashMap<>();
            rows.stream().filter(r -> r.get(ImportRun.UPGRADES) != null)
                    .forEach(r -> upgrades.put(s(r, ImportRun.UPGRADES), s(r, "uscc")));
            w.enterprises().upgradeProvisional(upgrades);
            Map<Boolean, List<Enterprise>> byExisting = rows.stream().collect(Collectors.partitioningBy(
                    r -> !Boolean.FALSE.equals(r.get(ImportRun.EXISTS)), Collectors.mapping(EnterpriseRules::enterprise, Collectors.toList())));
            if (!byExisting.get(false).isEmpty()) {
                w.enterprises().createEnterprises(byExisting.get(false));
            }
            if (!byExisting.get(true).isEmpty()) {
                w.enterprises().mergeEnterprises(byExisting.get(true));
            }
            w.enterprises().writeProfiles(rows.stream().map(r -> new EnterpriseWriter.Profile(s(r, "uscc"),
                    s(r, "mainProducts"), s(r, "businessScope"), b(r, ImportRun.PROVISIONAL), l(r, "segmentIds"))).toList());
        }

        @Override
        public Set<String> chainIds(Map<String, Object> row) {
            Object chain = row.get("_chainIds");
            return chain == null ? Set.of() : Set.copyOf(l(row, "_chainIds"));
        }

        private static Enterprise enterprise(Map<String, Object> r) {
            return new Enterprise(s(r, "uscc"), s(r, "name"), s(r, "shortName"), s(r, "regionCode"), s(r, "zone"),
                    d(r, "revenue"), i(r, "employees", null), r.get("founded") == null ? null : LocalDate.parse(s(r, "founded")),
                    l(r, "tags"), i(r, "patents", 0), false);
        }
    }

    /**
     * An enterprise's link to a thing of a chain (segment, product): the import event names that chain,
     * remembered while checking; rows are written with the node ids validation found.
     */
    private abstract static class ChainLinkRules implements FormatRules {
        private final RefKind target;
        private final String targetColumn;
        private final RefIndex.EnterpriseRelation relation;

        ChainLinkRules(RefKind target, String targetColumn, RefIndex.EnterpriseRelation relation) {
            this.target = target;
            this.targetColumn = targetColumn;
            this.relation = relation;
        }

        @Override
        public RefIndex.EnterpriseRelation writes() {
            return relation;
        }

        @Override
        public void check(RowContext row) {
            row.set("_chainId", row.chainOf(target, (String) row.get(targetColumn)));
        }

        @Override
        public Set<String> chainIds(Map<String, Object> row) {
            Object c = row.get("_chainId");
            return c == null ? Set.of() : Set.of(c.toString());
        }

        List<EnterpriseLinks.NodeIds> nodeIdsOf(List<Map<String, Object>> rows) {
            return rows.stream().map(r -> nodeIds(r, "enterprise", null, relation)).toList();
        }
    }

    static final class MembershipRules extends ChainLinkRules {
        MembershipRules() {
            super(RefKind.SEGMENT, "segmentId", RefIndex.EnterpriseRelation.IN_SEGMENT);
        }

        @Override
        public void write(List<Map<String, Object>> rows, GraphWriters w) {
            w.enterprises().writeMemberships(rows.stream()
                    .map(r -> new EnterpriseLinks.Membership(s(r, "enterprise"), s(r, "segmentId"))).toList(), nodeIdsOf(rows));
        }
    }

    static final class MakesRules extends ChainLinkRules {
        MakesRules() {
            super(RefKind.PRODUCT, "productId", RefIndex.EnterpriseRelation.MAKES);
        }

        @Override
        public void write(List<Map<String, Object>> rows, GraphWriters w) {
            w.enterprises().writeMakes(rows.stream()
                    .map(r -> new EnterpriseLinks.Makes(s(r, "enterprise"), s(r, "productId"), d(r, "share"))).toList(),
                    nodeIdsOf(rows));
        }
    }

    static final class SupplyRules implements FormatRules {
        @Override
        public RefIndex.EnterpriseRelation writes() {
            return RefIndex.EnterpriseRelation.SUPPLIES;
        }

        @Override
        public void check(RowContext row) {
            if (row.get("supplier").equals(row.get("customer"))) {
                row.problem("customer", "供应商与客户是同一家企业");
            }
        }

        @Override
        public void write(List<Map<String, Object>> rows, GraphWriters w) {
            w.enterprises().writeSupplies(rows.stream().map(r -> new EnterpriseLinks.Supply(s(r, "supplier"),
                    s(r, "customer"), s(r, "productId"), d(r, "amount"))).toList(), rows.stream().map(r -> nodeIds(r, "supplier", "customer", RefIndex.EnterpriseRelation.SUPPLIES))
                    .toList());
        }
    }

    static final class InstitutionRules implements FormatRules {
        @Override
        public void write(List<Map<String, Object>> rows, GraphWriters w) {
            w.institutions().mergeInstitutions(rows.stream().map(r -> new Institution(s(r, "id"), s(r, "name"),
                    s(r, "type"), s(r, "level"), s(r, "regionCode"), i(r, "strength", 3), l(r, "technologyIds"),
                    l(r, "segmentIds"), false)).toList());
        }
    }

    static final class CooperationRules implements FormatRules {
        @Override
        public void write(List<Map<String, Object>> rows, GraphWriters w) {
            w.institutions().mergeCooperations(rows.stream().map(r -> new Institution.Cooperation(s(r, "institutionId"),
                    s(r, "enterprise"), s(r, "kind"), i(r, "since", null))).toList());
        }
    }

    static final class ProjectRules implements FormatRules {
        private static final List<String> DATES = List.of("planningOn", "negotiatingOn", "signedOn", "startedOn",
                "buildingOn", "inProductionOn", "atCapacityOn");
        private static final List<String> STAGE_ORDER = List.of("PLANNING", "NEGOTIATING", "SIGNED", "STARTED", "BUILDING",
                "IN_PRODUCTION", "AT_CAPACITY");
        static final List<String> KEYS = List.of("id", "name", "enterprise", "enterpriseName", "enterpriseRegionCode",
                "chainId", "segmentIds", "regionCode", "zoneName", "plannedInvestmentYi", "actualInvestmentYi", "expansion",
                "addedInvestmentYi", "stage", "planningOn", "negotiatingOn", "signedOn", "startedOn", "buildingOn",
                "inProductionOn", "atCapacityOn", "status", "statusReason", "responsible", "department", "nextAction",
                "nextActionDate");

        @Override
        public void check(RowContext row) {
            int stage = STAGE_ORDER.indexOf((String) row.get("stage"));
            String current = DATES.get(stage);
            if (stage > 0 && row.get(current) == null) {
                row.problem(current, "项目处于“" + PROJECT_STAGES.entrySet().stream()
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
                String date = (String) row.get(key);
                if (date != null && previous != null && date.compareTo(previous) < 0) {
                    row.problem(key, "日期早于前一阶段的日期 (" + previous + ")");
                }
                previous = date != null ? date : previous;
            }
            if (row.get("enterprise") == null && row.get("enterpriseName") == null) {
                row.problem("enterpriseName", "请填写目标企业 (图谱中的企业) 或企业名称 (新企业)");
            }
            if (!Boolean.TRUE.equals(row.get("expansion")) && row.get("addedInvestmentYi") != null) {
                row.problem("addedInvestmentYi", "只有增资/扩产项目填写新增投资");
            }
            Object status = row.get("status");
            if (("SUSPENDED".equals(status) || "TERMINATED".equals(status)) && row.get("statusReason") == null) {
                row.problem("statusReason", "暂缓或终止的项目须填写原因");
            }
            Object chain = row.get("chainId");
            Object segments = row.get("segmentIds");
            if (chain == null && segments instanceof List<?> ids && !ids.isEmpty()) {
                chain = row.chainOf(RefKind.SEGMENT, ids.get(0).toString());
                row.set("chainId", chain);
            }
            if (segments instanceof List<?> ids) {
                if (ids.size() > 20) {
                    row.problem("segmentIds", "环节最多 20 个");
                }
                for (Object segment : ids) {
                    String segChain = row.chainOf(RefKind.SEGMENT, segment.toString());
                    if (segChain != null && chain != null && !segChain.equals(chain)) {
                        row.problem("segmentIds", "环节 " + segment + " 属于产业链 " + segChain + "，与产业链编号不符");
                    }
                }
            }
        }

        @Override
        public void write(List<Map<String, Object>> rows, GraphWriters w) {
            w.projects().mergeProjects(rows.stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (String k : KEYS) {
                    m.put(k, r.get(k));
                }
                return m;
            }).toList());
        }
    }

    /** Row values of a context, for list access in rules. */
    private static Map<String, Object> rowMap(FormatRules.RowContext row) {
        return rowOf(row, "inputIds");
    }

    private static Map<String, Object> rowOf(FormatRules.RowContext row, String key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, row.get(key));
        return m;
    }

    /** Collects file rows for whole-file checks. */
    static List<String[]> newEdgeList() {
        return new ArrayList<>();
    }
}
