package com.chainatlas.ingest;

import java.util.List;
import java.util.Map;

/**
 * One Cypher query per exportable table. Each returns columns named by the import format's column keys
 * (so an export can be imported again unchanged) plus read-only extras (names, figures) that imports ignore.
 * Filters: {@code $chain} (a chain id, or null for all) and {@code $region} (a province, city or county code,
 * or null).
 */
final class ExportQueries {

    /** A table: its import format (column order and headers), extra columns (key → header), the query. */
    record Table(ImportFormat format, Map<String, String> extras, String cypher) {

        /** The table's row count, from the same fixed query (no user input in either). */
        String countCypher() {
            return """
                    CALL () { %s }
                    RETURN count(*) AS n
                    """.formatted(cypher);
        }
    }

    private static final String ENTERPRISE_IN_REGION = """
            ($region IS NULL OR %1$s.regionCode = $region OR %1$s.provinceCode = $region
             OR %1$s.cityCode = $region OR %1$s.countyCode = $region)""";

    private static String inRegion(String var) {
        return ENTERPRISE_IN_REGION.formatted(var);
    }

    static final Map<String, Table> TABLES = Map.ofEntries(
            Map.entry("chains", new Table(ImportFormats.CHAINS, Map.of(), """
                    MATCH (c:Chain) WHERE $chain IS NULL OR c.id = $chain
                    RETURN c.id AS id, c.name AS name, c.description AS description, c.industryCodes AS industryCodes
                    ORDER BY id""")),
            Map.entry("segments", new Table(ImportFormats.SEGMENTS, orderedExtras(
                    "enterpriseCount", "企业数", "revenueKnownCount", "营收已知企业数", "revenueTotal", "营业收入合计(万元)",
                    "localEnterpriseCount", "本地企业数", "localRevenueKnownCount", "本地营收已知企业数",
                    "localRevenueTotal", "本地营业收入合计(万元)"), """
                    MATCH (c:Chain)-[:HAS_SEGMENT]->(s:Segment) WHERE $chain IS NULL OR c.id = $chain
                    CALL (s) {
                      OPTIONAL MATCH (e:Enterprise)-[:IN_SEGMENT]->(s)
                      WITH e, (e IS NOT NULL AND $region IS NOT NULL AND (e.regionCode = $region OR e.provinceCode = $region
                               OR e.cityCode = $region OR e.countyCode = $region)) AS local
                      // sums over known revenues only (sum() skips nulls); no known revenue at all stays unknown
                      RETURN count(e) AS enterpriseCount, count(e.revenue) AS revenueKnown, sum(e.revenue) AS revenueSum,
                             sum(CASE WHEN local THEN 1 ELSE 0 END) AS localCount,
                             count(CASE WHEN local THEN e.revenue END) AS localKnown,
                             sum(CASE WHEN local THEN e.revenue END) AS localSum
                    }
                    WITH s, enterpriseCount, revenueKnown, revenueSum, localCount, localKnown, localSum,
                         COUNT { (s)-[:PART_OF*1..10]->(:Segment) } AS depth
                    ORDER BY s.chainId, depth, s.id
                    RETURN s.id AS id, s.chainId AS chainId, s.name AS name, s.stage AS stage, s.key AS key,
                           s.valueAdded AS valueAdded, s.parentId AS parentId, s.description AS description,
                           enterpriseCount, revenueKnown AS revenueKnownCount,
                           CASE WHEN revenueKnown = 0 THEN null ELSE revenueSum END AS revenueTotal,
                           CASE WHEN $region IS NULL THEN null ELSE localCount END AS localEnterpriseCount,
                           CASE WHEN $region IS NULL THEN null ELSE localKnown END AS localRevenueKnownCount,
                           CASE WHEN $region IS NULL OR localKnown = 0 THEN null ELSE localSum END AS localRevenueTotal""")),
            Map.entry("flows", new Table(ImportFormats.FLOWS, Map.of(), """
                    MATCH (a:Segment)-[f:FEEDS]->(b:Segment) WHERE $chain IS NULL OR a.chainId = $chain OR b.chainId = $chain
                    RETURN a.id AS from, b.id AS to, coalesce(f.recycling, false) AS recycling ORDER BY from, to""")),
            Map.entry("products", new Table(ImportFormats.PRODUCTS, Map.of(), """
                    MATCH (p:Product) WHERE $chain IS NULL OR p.chainId = $chain
                    RETURN p.id AS id, p.name AS name, p.segmentId AS segmentId, p.chainId AS chainId, [] AS inputIds
                    ORDER BY id""")),
            Map.entry("product-inputs", new Table(ImportFormats.PRODUCT_INPUTS, Map.of(), """
                    MATCH (i:Product)-[:INPUT_TO]->(p:Product) WHERE $chain IS NULL OR p.chainId = $chain OR i.chainId = $chain
                    RETURN i.id AS inputId, p.id AS productId ORDER BY productId, inputId""")),
            Map.entry("technologies", new Table(ImportFormats.TECHNOLOGIES, Map.of(), """
                    MATCH (t:Technology) WHERE $chain IS NULL OR t.chainId = $chain
                    OPTIONAL MATCH (t)-[:APPLIES_TO]->(s:Segment)
                    WITH t, s ORDER BY s.id
                    RETURN t.id AS id, t.chainId AS chainId, t.name AS name, t.description AS description,
                           collect(s.id) AS segmentIds ORDER BY id""")),
            Map.entry("enterprises", new Table(ImportFormats.ENTERPRISES, Map.of(), """
                    MATCH (e:Enterprise)
                    WHERE ($chain IS NULL OR EXISTS { (e)-[:IN_SEGMENT]->(:Segment {chainId: $chain}) }) AND %s
                    RETURN e.uscc AS uscc, e.name AS name, e.shortName AS shortName, e.regionCode AS regionCode,
                           e.zone AS zone, e.revenue AS revenue, e.employees AS employees, e.founded AS founded,
                           e.listed AS listed, e.tags AS tags, e.patents AS patents, e.mainProducts AS mainProducts,
                           e.businessScope AS businessScope, e.industry AS industry ORDER BY uscc""".formatted(inRegion("e")))),
            Map.entry("enterprise-segments", new Table(ImportFormats.ENTERPRISE_SEGMENTS, orderedExtras("enterpriseName", "【参考】企业名称"), """
                    MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment)
                    WHERE ($chain IS NULL OR s.chainId = $chain) AND %s
                    RETURN e.uscc AS enterprise, s.id AS segmentId, e.name AS enterpriseName ORDER BY segmentId, enterprise"""
                    .formatted(inRegion("e")))),
            Map.entry("enterprise-products", new Table(ImportFormats.ENTERPRISE_PRODUCTS, orderedExtras("enterpriseName", "【参考】企业名称"), """
                    MATCH (e:Enterprise)-[m:MAKES]->(p:Product)
                    WHERE ($chain IS NULL OR p.chainId = $chain) AND %s
                    RETURN e.uscc AS enterprise, p.id AS productId, m.share AS share, e.name AS enterpriseName
                    ORDER BY productId, enterprise""".formatted(inRegion("e")))),
            Map.entry("supplies", new Table(ImportFormats.SUPPLIES, orderedExtras("supplierName", "【参考】供应商名称", "customerName", "【参考】客户名称"), """
                    MATCH (a:Enterprise)-[r:SUPPLIES]->(b:Enterprise)
                    WHERE ($chain IS NULL OR EXISTS { (a)-[:IN_SEGMENT]->(:Segment {chainId: $chain}) }
                                          OR EXISTS { (b)-[:IN_SEGMENT]->(:Segment {chainId: $chain}) })
                      AND (%s OR %s)
                    RETURN a.uscc AS supplier, b.uscc AS customer, r.productId AS productId, r.amount AS amount,
                           a.name AS supplierName, b.name AS customerName ORDER BY supplier, customer"""
                    .formatted(inRegion("a"), inRegion("b")))),
            Map.entry("institutions", new Table(ImportFormats.INSTITUTIONS, Map.of(), """
                    MATCH (i:Institution)
                    WHERE ($chain IS NULL OR EXISTS { (i)-[:RESEARCHES]->(:Segment {chainId: $chain}) }
                                          OR EXISTS { (i)-[:RESEARCHES]->(:Technology {chainId: $chain}) })
                      AND ($region IS NULL OR i.regionCode = $region OR i.provinceCode = $region
                           OR substring(i.regionCode, 0, 4) + '00' = $region)
                    CALL (i) { OPTIONAL MATCH (i)-[:RESEARCHES]->(t:Technology) WITH t ORDER BY t.id RETURN collect(t.id) AS technologyIds }
                    CALL (i) { OPTIONAL MATCH (i)-[:RESEARCHES]->(s:Segment) WITH s ORDER BY s.id RETURN collect(s.id) AS segmentIds }
                    RETURN i.id AS id, i.name AS name, i.type AS type, i.level AS level, i.regionCode AS regionCode,
                           i.strength AS strength, technologyIds, segmentIds ORDER BY id""")),
            Map.entry("cooperations", new Table(ImportFormats.COOPERATIONS, orderedExtras("enterpriseName", "【参考】企业名称"), """
                    MATCH (i:Institution)-[c:COOPERATES_WITH]->(e:Enterprise)
                    WHERE ($chain IS NULL OR EXISTS { (e)-[:IN_SEGMENT]->(:Segment {chainId: $chain}) }) AND %s
                    RETURN i.id AS institutionId, e.uscc AS enterprise, c.kind AS kind, c.since AS since,
                           e.name AS enterpriseName ORDER BY institutionId, enterprise""".formatted(inRegion("e")))),
            Map.entry("events", new Table(ImportFormats.EVENTS, orderedExtras("enterpriseName", "【参考】企业名称"), """
                    MATCH (e:Enterprise)-[:HAS_EVENT]->(ev:ExpansionEvent)
                    WHERE ($chain IS NULL OR EXISTS { (e)-[:IN_SEGMENT]->(:Segment {chainId: $chain}) }) AND %s
                    RETURN e.uscc AS enterprise, ev.kind AS kind, ev.date AS date, ev.amount AS amount, ev.place AS place,
                           ev.title AS title, ev.source AS source, e.name AS enterpriseName
                    ORDER BY enterprise, date DESC, ev.id""".formatted(inRegion("e")))),
            Map.entry("projects", new Table(ImportFormats.PROJECTS, Map.of(), """
                    MATCH (p:Project)
                    WHERE ($chain IS NULL OR p.chainId = $chain)
                      AND ($region IS NULL OR p.regionCode STARTS WITH CASE WHEN $region ENDS WITH '0000' THEN substring($region, 0, 2)
                           WHEN $region ENDS WITH '00' THEN substring($region, 0, 4) ELSE $region END)
                    RETURN p.id AS id, p.name AS name, p.enterpriseUscc AS enterprise,
                           CASE WHEN p.enterpriseUscc IS NULL THEN p.enterpriseName END AS enterpriseName,
                           p.enterpriseRegionCode AS enterpriseRegionCode, p.chainId AS chainId, p.segmentIds AS segmentIds,
                           p.regionCode AS regionCode, p.zoneName AS zoneName, p.plannedInvestmentYi AS plannedInvestmentYi,
                           p.actualInvestmentYi AS actualInvestmentYi, p.expansion AS expansion,
                           p.addedInvestmentYi AS addedInvestmentYi, p.stage AS stage, p.planningOn AS planningOn,
                           p.negotiatingOn AS negotiatingOn, p.signedOn AS signedOn, p.startedOn AS startedOn,
                           p.buildingOn AS buildingOn, p.inProductionOn AS inProductionOn, p.atCapacityOn AS atCapacityOn,
                           p.status AS status, p.statusReason AS statusReason, p.responsible AS responsible,
                           p.department AS department, p.nextAction AS nextAction, p.nextActionDate AS nextActionDate
                    ORDER BY id""")));

    /** Export names in the order the UI lists them. */
    static final List<String> NAMES = List.of("enterprises", "segments", "supplies", "institutions", "projects", "chains",
            "flows", "products", "product-inputs", "technologies", "enterprise-segments", "enterprise-products", "cooperations", "events");

    private ExportQueries() {
    }

    private static Map<String, String> orderedExtras(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
