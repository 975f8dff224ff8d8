package com.chainatlas.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads regions from the graph (the database is the source of truth once loaded). */
@Service
@Transactional(readOnly = true)
public class RegionService {

    public record RegionNode(String code, String name, RegionLevel level, List<RegionNode> children) {
    }

    public record RegionDetail(Region region, List<Region> path, List<Region> children) {
    }

    private final Neo4jClient neo4j;

    RegionService(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public List<RegionNode> tree() {
        Collection<Region> all = neo4j.query("MATCH (r:Region) RETURN r.code AS code, r.name AS name, r.level AS level, r.parentCode AS parent ORDER BY code")
                .fetchAs(Region.class).mappedBy((t, rec) -> map(rec)).all();
        Map<String, RegionNode> nodes = new LinkedHashMap<>();
        for (Region r : all) {
            RegionNode node = new RegionNode(r.code(), r.name(), r.level(), new ArrayList<>());
            nodes.put(r.code(), node);
        }
        List<RegionNode> roots = new ArrayList<>();
        for (Region r : all) {
            RegionNode node = nodes.get(r.code());
            RegionNode parent = r.parentCode() == null ? null : nodes.get(r.parentCode());
            (parent == null ? roots : parent.children()).add(node);
        }
        return roots;
    }

    public List<Region> children(String parent) {
        String query = parent == null
                ? "MATCH (r:Region {level: 'PROVINCE'}) RETURN r.code AS code, r.name AS name, r.level AS level, r.parentCode AS parent ORDER BY code"
                : "MATCH (r:Region {parentCode: $parent}) RETURN r.code AS code, r.name AS name, r.level AS level, r.parentCode AS parent ORDER BY code";
        return List.copyOf(neo4j.query(query).bind(parent).to("parent").fetchAs(Region.class).mappedBy((t, rec) -> map(rec)).all());
    }

    public List<Region> search(String q) {
        return List.copyOf(neo4j.query("""
                MATCH (r:Region) WHERE r.name CONTAINS $q OR r.code STARTS WITH $q
                RETURN r.code AS code, r.name AS name, r.level AS level, r.parentCode AS parent
                ORDER BY size(r.code), code LIMIT 50
                """).bind(q).to("q").fetchAs(Region.class).mappedBy((t, rec) -> map(rec)).all());
    }

    public Optional<RegionDetail> detail(String code) {
        List<Region> path = List.copyOf(neo4j.query("""
                MATCH (r:Region {code: $code})-[:WITHIN*0..2]->(a:Region)
                RETURN a.code AS code, a.name AS name, a.level AS level, a.parentCode AS parent ORDER BY size(a.code), code
                """).bind(code).to("code").fetchAs(Region.class).mappedBy((t, rec) -> map(rec)).all());
        if (path.isEmpty()) {
            return Optional.empty();
        }
        List<Region> ordered = new ArrayList<>(path);
        ordered.sort((a, b) -> a.level().compareTo(b.level()));
        Region self = ordered.get(ordered.size() - 1);
        return Optional.of(new RegionDetail(self, List.copyOf(ordered), children(code)));
    }

    private static Region map(org.neo4j.driver.Record rec) {
        return new Region(rec.get("code").asString(), rec.get("name").asString(),
                RegionLevel.valueOf(rec.get("level").asString()), rec.get("parent").isNull() ? null : rec.get("parent").asString());
    }
}
