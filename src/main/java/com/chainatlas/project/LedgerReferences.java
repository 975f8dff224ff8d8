package com.chainatlas.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.system.ApiProblem;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks what leads and projects refer to (region, chain, segments, enterprise) before anything is written.
 * In a request body an unknown reference is the caller's mistake (400); as a list filter it names nothing (404).
 */
@Component
@Transactional(readOnly = true) // a read transaction: served by any cluster member
public class LedgerReferences {

    /** An enterprise of the graph as a lead or project names it. */
    public record EnterpriseRef(String uscc, String name, String regionCode) {
    }

    private final RegionCatalog regions;
    private final Neo4jClient neo4j;

    LedgerReferences(RegionCatalog regions, Neo4jClient neo4j) {
        this.regions = regions;
        this.neo4j = neo4j;
    }

    public Region region(String code, String fieldZh) {
        if (code == null || code.isBlank()) {
            throw ApiProblem.badRequest("请填写" + fieldZh, fieldZh + " is required");
        }
        return regions.find(code.strip()).orElseThrow(() -> ApiProblem.badRequest(
                fieldZh + "不是已知的行政区划代码 (GB/T 2260): " + code, fieldZh + " is not a known GB/T 2260 code: " + code));
    }

    /** A region given as a filter: unknown → 404. */
    public Region filterRegion(String code) {
        return regions.find(code.strip()).orElseThrow(() -> ApiProblem.notFound("行政区划", "Region", code));
    }

    public String regionName(String code) {
        return code == null ? null : regions.find(code).map(Region::name).orElse(null);
    }

    public String chain(String chainId, boolean filter) {
        if (chainId == null || chainId.isBlank()) {
            throw ApiProblem.badRequest("请指定产业链", "chain is required");
        }
        String id = chainId.strip();
        boolean known = neo4j.query("MATCH (c:Chain {id: $id}) RETURN count(c) > 0 AS known").bind(id).to("id")
                .fetchAs(Boolean.class).one().orElse(false);
        if (!known) {
            throw filter ? ApiProblem.notFound("产业链", "Chain", id)
                    : ApiProblem.badRequest("未知的产业链: " + id, "Unknown chain: " + id);
        }
        return id;
    }

    /** Segment ids → names, each checked to belong to the chain; order kept, duplicates dropped. */
    public Map<String, String> segments(String chainId, List<String> ids, boolean filter) {
        Map<String, String> names = new LinkedHashMap<>();
        if (ids == null || ids.isEmpty()) {
            return names;
        }
        if (ids.size() > Limits.SEGMENTS) {
            throw ApiProblem.badRequest("环节最多 " + Limits.SEGMENTS + " 个", "at most " + Limits.SEGMENTS + " segments");
        }
        List<String> clean = ids.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        Map<String, String[]> found = new LinkedHashMap<>();
        neo4j.query("MATCH (s:Segment) WHERE s.id IN $ids RETURN s.id AS id, s.name AS name, s.chainId AS chain")
                .bind(clean).to("ids").fetch().all()
                .forEach(r -> found.put((String) r.get("id"), new String[] {(String) r.get("name"), (String) r.get("chain")}));
        for (String id : clean) {
            String[] s = found.get(id);
            if (s == null) {
                throw filter ? ApiProblem.notFound("环节", "Segment", id)
                        : ApiProblem.badRequest("未知的环节: " + id, "Unknown segment: " + id);
            }
            if (chainId != null && !chainId.equals(s[1])) {
                throw new ApiProblem(filter ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
                        "环节 " + id + " 不属于产业链 " + chainId, "Segment " + id + " is not in chain " + chainId);
            }
            names.put(id, s[0]);
        }
        return names;
    }

    public Optional<EnterpriseRef> enterprise(String uscc) {
        return neo4j.query("MATCH (e:Enterprise {uscc: $uscc}) RETURN e.uscc AS uscc, e.name AS name, e.regionCode AS region")
                .bind(uscc).to("uscc").fetchAs(EnterpriseRef.class)
                .mappedBy((t, r) -> new EnterpriseRef(r.get("uscc").asString(), r.get("name").asString(null), r.get("region").asString(null)))
                .one();
    }

    /** The enterprise's segments in a chain (for a lead made from a target row when no segment is given). */
    public List<String> enterpriseSegments(String uscc, String chainId) {
        return List.copyOf(neo4j.query("""
                MATCH (:Enterprise {uscc: $uscc})-[:IN_SEGMENT]->(s:Segment {chainId: $chain}) RETURN s.id AS id ORDER BY id
                """).bindAll(Map.of("uscc", uscc, "chain", chainId)).fetchAs(String.class).all());
    }

    /** The prefix every region code inside {@code region} starts with. */
    public static String prefix(Region region) {
        return region.prefix();
    }
}
