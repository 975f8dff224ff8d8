package com.chainatlas.enterprise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.PageResult;
import com.chainatlas.system.Paging;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the enterprise map (企业图谱): filtered lists and one enterprise with its neighbourhood. */
@Service
@Transactional(readOnly = true)
public class EnterpriseService {

    /** Filters of the enterprise list; all optional. {@code region} includes its sub-regions. */
    public record Filter(String chain, String segment, String region, String zone, String tag, String q, String sort) {
    }

    public record SegmentRef(String id, String name, String chainId) {
    }

    public record ProductRef(String id, String name, Double share) {
    }

    /** A trading partner: supplier or customer, with the relation's product and amount (万元). */
    public record Partner(String uscc, String name, String regionCode, String productId, Double amount) {
    }

    public record EnterpriseDetail(Enterprise enterprise, String regionName, List<SegmentRef> segments,
                                   List<ProductRef> products, List<Partner> suppliers, List<Partner> customers) {
    }

    private static final Map<String, String> SORTS = Map.of(
            "revenue", "e.revenue DESC, e.uscc", "name", "e.name, e.uscc",
            "employees", "e.employees DESC, e.uscc", "patents", "e.patents DESC, e.uscc");

    private final Neo4jClient neo4j;
    private final RegionCatalog regions;

    EnterpriseService(Neo4jClient neo4j, RegionCatalog regions) {
        this.neo4j = neo4j;
        this.regions = regions;
    }

    public PageResult<Enterprise> list(Filter f, Paging paging) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        String match = "MATCH (e:Enterprise)";
        if (f.chain() != null || f.segment() != null) {
            match = "MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment)";
            if (f.chain() != null) {
                where.add("s.chainId = $chain");
                params.put("chain", f.chain());
            }
            if (f.segment() != null) {
                where.add("(s.id = $segment OR s.parentId = $segment)");
                params.put("segment", f.segment());
            }
        }
        if (f.region() != null) {
            Region r = regions.find(f.region())
                    .orElseThrow(() -> ApiProblem.unknownRegion(f.region()));
            where.add(switch (r.level()) {
                case PROVINCE -> "e.provinceCode = $region";
                case CITY -> "e.cityCode = $region";
                case COUNTY -> "e.countyCode = $region";
            });
            params.put("region", r.code());
        }
        if (f.zone() != null && !f.zone().isBlank()) {
            where.add("e.zone = $zone");
            params.put("zone", f.zone().strip());
        }
        if (f.tag() != null) {
            where.add("$tag IN e.tags");
            params.put("tag", f.tag());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.add("(e.name CONTAINS $q OR e.shortName CONTAINS $q OR e.uscc = $q)");
            params.put("q", f.q().strip());
        }
        String order = SORTS.get(f.sort() == null ? "revenue" : f.sort());
        if (order == null) {
            throw ApiProblem.badRequest("排序字段须为 " + SORTS.keySet() + " 之一", "sort must be one of " + SORTS.keySet());
        }
        String filter = match + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " WITH DISTINCT e ";
        long total = neo4j.query(filter + "RETURN count(e) AS n").bindAll(params).fetchAs(Long.class).one().orElse(0L);
        params.put("skip", paging.skip());
        params.put("limit", paging.size());
        List<Enterprise> items = List.copyOf(neo4j.query(filter + "RETURN e ORDER BY " + order + " SKIP $skip LIMIT $limit")
                .bindAll(params).fetchAs(Enterprise.class).mappedBy((t, r) -> enterprise(r.get("e"))).all());
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    public EnterpriseDetail detail(String uscc) {
        Enterprise e = neo4j.query("MATCH (e:Enterprise {uscc: $uscc}) RETURN e").bind(uscc).to("uscc")
                .fetchAs(Enterprise.class).mappedBy((t, r) -> enterprise(r.get("e"))).one()
                .orElseThrow(() -> ApiProblem.notFound("企业", "Enterprise", uscc));
        List<SegmentRef> segments = List.copyOf(neo4j.query("""
                MATCH (:Enterprise {uscc: $uscc})-[:IN_SEGMENT]->(s:Segment) RETURN s.id AS id, s.name AS name, s.chainId AS chain ORDER BY id
                """).bind(uscc).to("uscc").fetchAs(SegmentRef.class).mappedBy((t, r) ->
                new SegmentRef(r.get("id").asString(), r.get("name").asString(), r.get("chain").asString())).all());
        List<ProductRef> products = List.copyOf(neo4j.query("""
                MATCH (:Enterprise {uscc: $uscc})-[m:MAKES]->(p:Product) RETURN p.id AS id, p.name AS name, m.share AS share ORDER BY share DESC, id
                """).bind(uscc).to("uscc").fetchAs(ProductRef.class).mappedBy((t, r) ->
                new ProductRef(r.get("id").asString(), r.get("name").asString(), nullableDouble(r.get("share")))).all());
        return new EnterpriseDetail(e, regions.fullName(e.regionCode()), segments, products,
                partners("MATCH (p:Enterprise)-[rel:SUPPLIES]->(:Enterprise {uscc: $uscc})", uscc),
                partners("MATCH (:Enterprise {uscc: $uscc})-[rel:SUPPLIES]->(p:Enterprise)", uscc));
    }

    private List<Partner> partners(String match, String uscc) {
        return List.copyOf(neo4j.query(match + """
                 RETURN p.uscc AS uscc, p.name AS name, p.regionCode AS region, rel.productId AS product, rel.amount AS amount
                ORDER BY amount DESC, uscc LIMIT 500
                """).bind(uscc).to("uscc").fetchAs(Partner.class).mappedBy((t, r) -> new Partner(r.get("uscc").asString(),
                r.get("name").asString(), r.get("region").asString(), r.get("product").asString(null),
                nullableDouble(r.get("amount")))).all());
    }

    static Enterprise enterprise(Value e) {
        Value founded = e.get("founded");
        Value listed = e.get("listed");
        return new Enterprise(e.get("uscc").asString(), e.get("name").asString(), e.get("shortName").asString(null),
                e.get("regionCode").asString(), e.get("zone").asString(null), nullableDouble(e.get("revenue")),
                e.get("employees").isNull() ? null : e.get("employees").asInt(),
                founded.isNull() ? null : founded.asObject() instanceof LocalDate d ? d : LocalDate.parse(founded.asString()),
                e.get("tags").isNull() ? List.of() : e.get("tags").asList(Value::asString),
                e.get("patents").isNull() ? null : e.get("patents").asInt(), e.get("sample").asBoolean(false),
                listed.isNull() ? null : listed.asObject() instanceof LocalDate d ? d : LocalDate.parse(listed.asString()));
    }

    private static Double nullableDouble(Value v) {
        return v == null || v.isNull() ? null : v.asDouble();
    }
}
