package com.chainatlas.innovation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.chain.ChainService;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.system.ApiProblem;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds {@link InnovationGraph}: what the innovation map draws, in three fixed queries instead of one request per
 * institution from the browser.
 */
@Service
@Transactional(readOnly = true)
public class InnovationGraphService {

    /** Institutions drawn when the caller does not say (the demo chains have about 40 each). */
    public static final int DEFAULT_LIMIT = 80;
    public static final int MAX_LIMIT = 200;

    /** An institution belongs to a chain when it researches one of its segments or a technology applying to one. */
    private static final String OF_CHAIN = """
            MATCH (i:Institution)
            WHERE EXISTS { (i)-[:RESEARCHES]->(:Technology)-[:APPLIES_TO]->(:Segment {chainId: $chain}) }
               OR EXISTS { (i)-[:RESEARCHES]->(:Segment {chainId: $chain}) }
            """;

    private final Neo4jClient neo4j;
    private final ChainService chains;
    private final RegionCatalog regions;

    InnovationGraphService(Neo4jClient neo4j, ChainService chains, RegionCatalog regions) {
        this.neo4j = neo4j;
        this.chains = chains;
        this.regions = regions;
    }

    public InnovationGraph graph(String chainId, String region, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.badRequest("limit 须在 1 到 " + MAX_LIMIT + " 之间", "limit must be between 1 and " + MAX_LIMIT);
        }
        String chain = chains.chain(chainId).id(); // 404 for an unknown chain
        String prefix = region == null ? null : regions.find(region)
                .orElseThrow(() -> ApiProblem.badRequest("未知的行政区划代码: " + region, "Unknown region code: " + region)).prefix();
        long total = neo4j.query(OF_CHAIN + " RETURN count(i) AS n").bind(chain).to("chain").fetchAs(Long.class).one().orElse(0L);
        List<Institution> institutions = List.copyOf(neo4j.query(OF_CHAIN + """
                 WITH i, $prefix IS NOT NULL AND i.regionCode STARTS WITH $prefix AS local
                 ORDER BY CASE WHEN local THEN 0 ELSE 1 END,
                          CASE i.level WHEN 'NATIONAL' THEN 0 WHEN 'PROVINCIAL' THEN 1 ELSE 2 END, i.strength DESC, i.id
                 LIMIT $limit
                 CALL (i) {
                   OPTIONAL MATCH (i)-[:RESEARCHES]->(t:Technology)
                   RETURN collect(DISTINCT t.id) AS techs
                 }
                 CALL (i) {
                   OPTIONAL MATCH (i)-[:RESEARCHES]->(s:Segment)
                   RETURN collect(DISTINCT s.id) AS segs
                 }
                 RETURN i, techs, segs
                """).bindAll(params(chain, prefix, limit)).fetchAs(Institution.class)
                .mappedBy((t, r) -> InnovationService.institution(r.get("i"), r.get("techs"), r.get("segs"))).all());
        return new InnovationGraph(chain, chains.technologies(chain, null), institutions, total, cooperations(institutions));
    }

    /** Partners of the given institutions, newest cooperation first (as the institution detail lists them). */
    private Map<String, List<InnovationService.Partner>> cooperations(List<Institution> institutions) {
        Map<String, List<InnovationService.Partner>> out = new LinkedHashMap<>();
        institutions.forEach(i -> out.put(i.id(), new ArrayList<>()));
        neo4j.query("""
                UNWIND $ids AS id
                MATCH (:Institution {id: id})-[c:COOPERATES_WITH]->(e:Enterprise)
                RETURN id, e.uscc AS uscc, e.name AS name, e.regionCode AS region, c.kind AS kind, c.since AS since
                ORDER BY id, since DESC, uscc
                """).bind(List.copyOf(out.keySet())).to("ids").fetch().all().forEach(r -> out.get((String) r.get("id")).add(
                new InnovationService.Partner((String) r.get("uscc"), (String) r.get("name"), (String) r.get("region"),
                        (String) r.get("kind"), r.get("since") == null ? null : ((Number) r.get("since")).intValue())));
        out.replaceAll((id, list) -> List.copyOf(list));
        return out;
    }

    private static Map<String, Object> params(String chain, String prefix, int limit) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("chain", chain);
        p.put("prefix", prefix);
        p.put("limit", limit);
        return p;
    }
}
