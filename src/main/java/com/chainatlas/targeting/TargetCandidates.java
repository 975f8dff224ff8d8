package com.chainatlas.targeting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the facts the target score needs: outside enterprises in the segments, and their local ties. */
@Component
@Transactional(readOnly = true) // a read transaction: served by any cluster member
class TargetCandidates {

    /** An outside enterprise operating in a targeted segment. */
    record Candidate(String uscc, String name, String regionCode, Double revenue, Integer employees,
                     List<String> tags, Integer patents, int cooperations, String segmentId) {
    }

    /** An existing supply relation between a candidate and a local enterprise. */
    record Tie(String uscc, String partnerUscc, String partnerName, boolean candidateSupplies, Double amount) {
    }

    private final Neo4jClient neo4j;

    TargetCandidates(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    List<Candidate> outside(Collection<String> segmentIds, String regionPrefix) {
        return List.copyOf(neo4j.query("""
                UNWIND $segments AS segId
                MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment {id: segId})
                WHERE NOT e.regionCode STARTS WITH $prefix
                RETURN e.uscc AS uscc, e.name AS name, e.regionCode AS region, e.revenue AS revenue,
                       e.employees AS employees, e.tags AS tags, e.patents AS patents, segId,
                       COUNT { (e)<-[:COOPERATES_WITH]-(:Institution) } AS cooperations
                """).bindAll(Map.of("segments", List.copyOf(segmentIds), "prefix", regionPrefix))
                .fetchAs(Candidate.class).mappedBy((t, r) -> new Candidate(r.get("uscc").asString(), r.get("name").asString(),
                        r.get("region").asString(), nullableDouble(r.get("revenue")),
                        r.get("employees").isNull() ? null : r.get("employees").asInt(),
                        r.get("tags").isNull() ? List.of() : r.get("tags").asList(Value::asString),
                        r.get("patents").isNull() ? null : r.get("patents").asInt(), r.get("cooperations").asInt(), r.get("segId").asString())).all());
    }

    Map<String, List<Tie>> localTies(Collection<String> usccs, String regionPrefix) {
        Map<String, List<Tie>> byCandidate = new HashMap<>();
        neo4j.query("""
                UNWIND $usccs AS u
                MATCH (e:Enterprise {uscc: u})-[r:SUPPLIES]-(l:Enterprise)
                WHERE l.regionCode STARTS WITH $prefix
                RETURN u AS uscc, l.uscc AS partner, l.name AS partnerName, startNode(r) = e AS supplies, r.amount AS amount
                ORDER BY uscc, amount DESC, partner
                """).bindAll(Map.of("usccs", List.copyOf(usccs), "prefix", regionPrefix))
                .fetchAs(Tie.class).mappedBy((t, r) -> new Tie(r.get("uscc").asString(), r.get("partner").asString(),
                        r.get("partnerName").asString(), r.get("supplies").asBoolean(), nullableDouble(r.get("amount"))))
                .all().forEach(tie -> byCandidate.computeIfAbsent(tie.uscc(), k -> new ArrayList<>()).add(tie));
        return byCandidate;
    }

    /** Local enterprises of the chain, uscc → name. */
    Map<String, String> localEnterprises(String chainId, String regionPrefix) {
        Map<String, String> result = new HashMap<>();
        neo4j.query("""
                MATCH (l:Enterprise)-[:IN_SEGMENT]->(:Segment {chainId: $chain})
                WHERE l.regionCode STARTS WITH $prefix
                RETURN DISTINCT l.uscc AS uscc, l.name AS name
                """).bindAll(Map.of("chain", chainId, "prefix", regionPrefix)).fetch().all()
                .forEach(row -> result.put((String) row.get("uscc"), (String) row.get("name")));
        return result;
    }

    private static Double nullableDouble(Value v) {
        return v.isNull() ? null : v.asDouble();
    }
}
