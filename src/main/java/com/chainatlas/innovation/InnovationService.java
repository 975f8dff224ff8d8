package com.chainatlas.innovation;

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

/** Reads the innovation map (创新图谱): institutions by segment, technology and region, with cooperation. */
@Service
@Transactional(readOnly = true)
public class InnovationService {

    public record Partner(String uscc, String name, String regionCode, String kind, Integer since) {
    }

    public record InstitutionDetail(Institution institution, String regionName, List<Partner> cooperations) {
    }

    private final Neo4jClient neo4j;
    private final RegionCatalog regions;

    InnovationService(Neo4jClient neo4j, RegionCatalog regions) {
        this.neo4j = neo4j;
        this.regions = regions;
    }

    /**
     * Institutions researching a segment (directly, through a technology applying to it, or to one of
     * its sub-segments), a technology, and/or located in a region; strongest first.
     */
    public PageResult<Institution> list(String chain, String segment, String technology, String region, Paging paging) {
        Map<String, Object> p = new HashMap<>();
        p.put("chain", chain);
        p.put("segment", segment);
        p.put("technology", technology);
        String prefix = null;
        if (region != null) {
            Region r = regions.find(region).orElseThrow(() -> ApiProblem.badRequest("未知的行政区划代码: " + region, "Unknown region code: " + region));
            prefix = r.prefix();
        }
        p.put("prefix", prefix);
        p.put("skip", paging.skip());
        p.put("limit", paging.size());
        String filter = """
                MATCH (i:Institution)
                WHERE ($prefix IS NULL OR i.regionCode STARTS WITH $prefix)
                  AND ($technology IS NULL OR EXISTS { (i)-[:RESEARCHES]->(:Technology {id: $technology}) })
                  AND ($segment IS NULL OR EXISTS { (i)-[:RESEARCHES]->(s:Segment) WHERE s.id = $segment OR s.parentId = $segment }
                       OR EXISTS { (i)-[:RESEARCHES]->(:Technology)-[:APPLIES_TO]->(s:Segment) WHERE s.id = $segment OR s.parentId = $segment })
                  AND ($chain IS NULL OR EXISTS { (i)-[:RESEARCHES]->(:Technology)-[:APPLIES_TO]->(:Segment {chainId: $chain}) }
                       OR EXISTS { (i)-[:RESEARCHES]->(:Segment {chainId: $chain}) })
                """;
        long total = neo4j.query(filter + " RETURN count(i) AS n").bindAll(p).fetchAs(Long.class).one().orElse(0L);
        List<Institution> items = List.copyOf(neo4j.query(filter + """
                 OPTIONAL MATCH (i)-[:RESEARCHES]->(t:Technology)
                 WITH i, collect(DISTINCT t.id) AS techs
                 OPTIONAL MATCH (i)-[:RESEARCHES]->(s:Segment)
                 WITH i, techs, collect(DISTINCT s.id) AS segs
                 RETURN i, techs, segs
                 ORDER BY CASE i.level WHEN 'NATIONAL' THEN 0 WHEN 'PROVINCIAL' THEN 1 ELSE 2 END, i.strength DESC, i.id
                 SKIP $skip LIMIT $limit
                """).bindAll(p).fetchAs(Institution.class).mappedBy((t, r) -> institution(r.get("i"), r.get("techs"), r.get("segs"))).all());
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    public InstitutionDetail detail(String id) {
        Institution inst = neo4j.query("""
                MATCH (i:Institution {id: $id})
                OPTIONAL MATCH (i)-[:RESEARCHES]->(t:Technology)
                WITH i, collect(DISTINCT t.id) AS techs
                OPTIONAL MATCH (i)-[:RESEARCHES]->(s:Segment)
                RETURN i, techs, collect(DISTINCT s.id) AS segs
                """).bind(id).to("id").fetchAs(Institution.class)
                .mappedBy((t, r) -> institution(r.get("i"), r.get("techs"), r.get("segs"))).one()
                .orElseThrow(() -> ApiProblem.notFound("研发机构", "Institution", id));
        List<Partner> partners = List.copyOf(neo4j.query("""
                MATCH (:Institution {id: $id})-[c:COOPERATES_WITH]->(e:Enterprise)
                RETURN e.uscc AS uscc, e.name AS name, e.regionCode AS region, c.kind AS kind, c.since AS since ORDER BY since DESC, uscc
                """).bind(id).to("id").fetchAs(Partner.class).mappedBy((t, r) -> new Partner(r.get("uscc").asString(),
                r.get("name").asString(), r.get("region").asString(), r.get("kind").asString(null),
                r.get("since").isNull() ? null : r.get("since").asInt())).all());
        return new InstitutionDetail(inst, regions.fullName(inst.regionCode()), partners);
    }

    static Institution institution(Value i, Value techs, Value segs) {
        return new Institution(i.get("id").asString(), i.get("name").asString(), i.get("type").asString(null),
                i.get("level").asString(null), i.get("regionCode").asString(), i.get("strength").asInt(0),
                techs.asList(Value::asString), segs.asList(Value::asString), i.get("sample").asBoolean(false));
    }
}
