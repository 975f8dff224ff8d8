package com.chainatlas.enterprise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.region.RegionLevel;
import com.chainatlas.system.ApiProblem;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregates the maps need in one request instead of one per region or per product: enterprise counts and
 * revenue by region (企业分布), the development zones of a region, and who makes each product (本地生产).
 */
@Service
@Transactional(readOnly = true)
public class EnterpriseAggregates {

    /**
     * Enterprises of one region (including its sub-regions); {@code revenue} in 万元, the sum over the
     * {@code revenueKnown} enterprises whose revenue was given, null when none was (unknown is not zero).
     */
    public record RegionFigure(String code, String name, RegionLevel level, long enterprises, Double revenue,
                               long revenueKnown) {
    }

    /** Makers of one product: all, and those inside the region asked for. */
    public record ProductMakers(String productId, long makers, long localMakers, List<String> localUsccs) {
        public ProductMakers {
            localUsccs = localUsccs == null ? List.of() : List.copyOf(localUsccs);
        }
    }

    /** A development zone (开发区) with its enterprise count. */
    public record Zone(String name, long enterprises) {
    }

    private final Neo4jClient neo4j;
    private final RegionCatalog regions;

    EnterpriseAggregates(Neo4jClient neo4j, RegionCatalog regions) {
        this.neo4j = neo4j;
        this.regions = regions;
    }

    /**
     * Counts per child region of {@code parent} (provinces when {@code parent} is null), for a chain and
     * optionally one segment with its sub-segments. Regions without enterprises are listed with zeros.
     */
    public List<RegionFigure> distribution(String chain, String segment, String parent) {
        RegionLevel childLevel;
        String parentProperty = null;
        if (parent == null || parent.isBlank()) {
            childLevel = RegionLevel.PROVINCE;
        } else {
            Region p = region(parent);
            if (p.level() == RegionLevel.COUNTY) {
                throw ApiProblem.badRequest("区县没有下级行政区划: " + parent, "A county has no sub-regions: " + parent);
            }
            childLevel = p.level() == RegionLevel.PROVINCE ? RegionLevel.CITY : RegionLevel.COUNTY;
            parentProperty = p.level() == RegionLevel.PROVINCE ? "provinceCode" : "cityCode";
        }
        String childProperty = switch (childLevel) {
            case PROVINCE -> "provinceCode";
            case CITY -> "cityCode";
            case COUNTY -> "countyCode";
        };
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        String match = "MATCH (e:Enterprise)";
        if (chain != null || segment != null) {
            match = "MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment)";
            if (chain != null) {
                where.add("s.chainId = $chain");
                params.put("chain", chain);
            }
            if (segment != null) {
                where.add("(s.id = $segment OR s.parentId = $segment)");
                params.put("segment", segment);
            }
        }
        if (parentProperty != null) {
            where.add("e." + parentProperty + " = $parent");
            params.put("parent", parent);
        }
        String cypher = match + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " WITH DISTINCT e RETURN e." + childProperty
                + " AS code, count(e) AS n, count(e.revenue) AS known, sum(e.revenue) AS revenue";
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Double> revenue = new HashMap<>();
        neo4j.query(cypher).bindAll(params).fetch().all().forEach(row -> {
            Object code = row.get("code");
            if (code != null) {
                long known = ((Number) row.get("known")).longValue();
                counts.put(code.toString(), new long[] {((Number) row.get("n")).longValue(), known});
                if (known > 0) { // Cypher's sum skips nulls; with none known it would say 0
                    revenue.put(code.toString(), ((Number) row.get("revenue")).doubleValue());
                }
            }
        });
        List<Region> children = parent == null || parent.isBlank() ? regions.ofLevel(RegionLevel.PROVINCE) : regions.children(parent);
        List<RegionFigure> out = new ArrayList<>();
        for (Region r : children) {
            long[] n = counts.get(r.code());
            out.add(new RegionFigure(r.code(), r.name(), r.level(), n == null ? 0 : n[0], revenue.get(r.code()),
                    n == null ? 0 : n[1]));
        }
        return List.copyOf(out);
    }

    /** For every product of a chain: how many enterprises make it, and how many of them lie in {@code region}. */
    public List<ProductMakers> productMakers(String chain, String region) {
        Region r = region == null || region.isBlank() ? null : region(region);
        String regionProperty = r == null ? null : switch (r.level()) {
            case PROVINCE -> "provinceCode";
            case CITY -> "cityCode";
            case COUNTY -> "countyCode";
        };
        String local = regionProperty == null ? "false" : "e." + regionProperty + " = $region";
        Map<String, Object> params = new HashMap<>();
        params.put("chain", chain);
        params.put("region", r == null ? null : r.code());
        return List.copyOf(neo4j.query("""
                MATCH (p:Product {chainId: $chain})
                OPTIONAL MATCH (e:Enterprise)-[:MAKES]->(p)
                WITH p, e, CASE WHEN e IS NULL THEN false ELSE %s END AS local
                WITH p, count(e) AS makers, collect(CASE WHEN local THEN e.uscc END) AS locals
                RETURN p.id AS id, makers, locals ORDER BY id
                """.formatted(local)).bindAll(params).fetch().all().stream().map(row -> {
            @SuppressWarnings("unchecked")
            List<String> locals = ((List<Object>) row.get("locals")).stream().filter(x -> x != null).map(Object::toString).toList();
            return new ProductMakers(row.get("id").toString(), ((Number) row.get("makers")).longValue(), locals.size(),
                    locals.size() > 50 ? locals.subList(0, 50) : locals);
        }).toList());
    }

    /** Development zones (开发区) with enterprises in {@code region}, largest first. */
    public List<Zone> zones(String region) {
        Region r = region(region);
        return List.copyOf(neo4j.query("""
                        MATCH (e:Enterprise) WHERE e.regionCode STARTS WITH $prefix AND e.zone IS NOT NULL
                        RETURN e.zone AS zone, count(e) AS n ORDER BY n DESC, zone
                        """)
                .bind(r.prefix()).to("prefix").fetch().all().stream()
                .map(row -> new Zone(row.get("zone").toString(), ((Number) row.get("n")).longValue())).toList());
    }

    private Region region(String code) {
        return regions.find(code)
                .orElseThrow(() -> ApiProblem.unknownRegion(code));
    }
}
