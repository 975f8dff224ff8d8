package com.chainatlas.innovation;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Cypher behind {@link ResearchPairing}. A segment's scope is the segment and its direct sub-segments
 * ({@code parentId}), as in {@link InnovationService#list}.
 */
@Component
@Transactional(readOnly = true) // a read transaction: served by any cluster member
class PairingQueries {

    /** A technology applying to a segment's scope; {@code appliesTo} names the scope segments it applies to. */
    record TechnologyRow(String segmentId, String id, String name, List<String> appliesTo) {
    }

    /** One reason an institution matches a segment: a technology it researches, or a scope segment it researches. */
    record MatchRow(String segmentId, String institutionId, String name, String type, String level, int strength,
                    String regionCode, String kind, String matchId, String matchName, String viaName) {
    }

    /** Cooperating enterprises of one institution, local first; {@code shown} is cut to the requested size. */
    record PartnerRows(String institutionId, int total, int local, List<Map<String, Object>> shown) {
    }

    private final Neo4jClient neo4j;

    PairingQueries(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    List<TechnologyRow> technologies(String chainId, List<String> segmentIds) {
        return List.copyOf(neo4j.query("""
                UNWIND $segments AS segId
                MATCH (t:Technology)-[:APPLIES_TO]->(x:Segment {chainId: $chain})
                WHERE x.id = segId OR x.parentId = segId
                WITH segId, t, x ORDER BY x.id
                RETURN segId, t.id AS id, t.name AS name, collect(x.name) AS appliesTo
                ORDER BY segId, id
                """).bindAll(Map.of("chain", chainId, "segments", segmentIds)).fetchAs(TechnologyRow.class)
                .mappedBy((ts, r) -> new TechnologyRow(r.get("segId").asString(), r.get("id").asString(),
                        r.get("name").asString(), r.get("appliesTo").asList(Value::asString))).all());
    }

    List<MatchRow> matches(String chainId, List<String> segmentIds) {
        return List.copyOf(neo4j.query("""
                UNWIND $segments AS segId
                MATCH (x:Segment {chainId: $chain})
                WHERE x.id = segId OR x.parentId = segId
                CALL (x) {
                    MATCH (i:Institution)-[:RESEARCHES]->(t:Technology)-[:APPLIES_TO]->(x)
                    RETURN i, 'TECHNOLOGY' AS kind, t.id AS matchId, t.name AS matchName
                  UNION
                    MATCH (i:Institution)-[:RESEARCHES]->(x)
                    RETURN i, 'SEGMENT' AS kind, x.id AS matchId, x.name AS matchName
                }
                RETURN segId, i.id AS id, i.name AS name, i.type AS type, i.level AS level, i.strength AS strength,
                       i.regionCode AS regionCode, kind, matchId, matchName, x.name AS viaName
                ORDER BY segId, id, kind, matchId, x.id
                """).bindAll(Map.of("chain", chainId, "segments", segmentIds)).fetchAs(MatchRow.class)
                .mappedBy((ts, r) -> new MatchRow(r.get("segId").asString(), r.get("id").asString(),
                        r.get("name").asString(), r.get("type").asString(null), r.get("level").asString(null),
                        r.get("strength").asInt(0), r.get("regionCode").asString(), r.get("kind").asString(),
                        r.get("matchId").asString(), r.get("matchName").asString(), r.get("viaName").asString())).all());
    }

    List<PartnerRows> partners(List<String> institutionIds, String regionPrefix, int perInstitution) {
        return List.copyOf(neo4j.query("""
                UNWIND $ids AS id
                MATCH (:Institution {id: id})-[c:COOPERATES_WITH]->(e:Enterprise)
                WITH id, c, e, e.regionCode STARTS WITH $prefix AS local
                ORDER BY local DESC, coalesce(c.since, 0) DESC, e.uscc
                WITH id, collect({uscc: e.uscc, name: e.name, regionCode: e.regionCode, local: local,
                                  kind: c.kind, since: c.since}) AS partners
                RETURN id, size(partners) AS total, size([p IN partners WHERE p.local]) AS local,
                       partners[..$shown] AS shown
                """).bindAll(Map.of("ids", institutionIds, "prefix", regionPrefix, "shown", perInstitution))
                .fetchAs(PartnerRows.class).mappedBy((ts, r) -> new PartnerRows(r.get("id").asString(),
                        r.get("total").asInt(), r.get("local").asInt(), r.get("shown").asList(Value::asMap))).all());
    }
}
