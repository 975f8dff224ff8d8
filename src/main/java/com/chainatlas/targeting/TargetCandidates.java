package com.chainatlas.targeting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the target score needs and the chain's snapshot does not hold: the members' figures and tags (once per
 * snapshot, {@link ChainFacts}), and the candidates' supply relations with local firms (any firm of the region, in
 * the chain or not; per region and targeted segments).
 */
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

    /** What the snapshot lacks of one member: null figures are unknown (nobody gave them). */
    record Attributes(String uscc, String regionCode, Integer employees, List<String> tags, Integer patents,
                      int cooperations) {
    }

    /**
     * A candidate's ties in the order the ranking shows them: larger amount first, unknown amount before every known
     * one (Cypher's {@code ORDER BY amount DESC}, which this list used to come from), then partner USCC.
     */
    static final Comparator<Tie> TIE_ORDER = Comparator
            .comparing(Tie::amount, Comparator.nullsFirst(Comparator.<Double>reverseOrder()))
            .thenComparing(Tie::partnerUscc)
            .thenComparing(Tie::candidateSupplies);

    private final Neo4jClient neo4j;

    TargetCandidates(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Every member of the chain, one row each, with what scoring needs beyond the snapshot. */
    void attributes(String chainId, Consumer<Attributes> into) {
        neo4j.query("""
                MATCH (:Segment {chainId: $chain})<-[:IN_SEGMENT]-(e:Enterprise)
                WITH DISTINCT e
                RETURN e.uscc AS uscc, e.regionCode AS region, e.employees AS employees, e.tags AS tags,
                       e.patents AS patents, COUNT { (e)<-[:COOPERATES_WITH]-(:Institution) } AS cooperations
                """).bindAll(Map.of("chain", chainId))
                .fetchAs(Attributes.class).mappedBy((t, r) -> new Attributes(r.get("uscc").asString(null),
                        r.get("region").asString(null),
                        r.get("employees").isNull() ? null : r.get("employees").asInt(),
                        r.get("tags").isNull() ? List.of() : r.get("tags").asList(Value::asString),
                        r.get("patents").isNull() ? null : r.get("patents").asInt(), r.get("cooperations").asInt()))
                .all().forEach(into);
    }

    /**
     * The supply relations between local firms (region code starting with {@code regionPrefix}) and the given outside
     * firms, by outside firm, each list in {@link #TIE_ORDER}. Read from the region's side (an index seek on the region
     * code), so the cost follows the region's firms, not every candidate of the chain; which partners are candidates
     * is decided here, not in Cypher (a check of each partner's segments walked its relationships: ten times the reads).
     */
    Map<String, List<Tie>> localTies(java.util.Set<String> candidates, String regionPrefix) {
        Map<String, List<Tie>> byCandidate = new HashMap<>();
        neo4j.query("""
                MATCH (l:Enterprise) WHERE l.regionCode STARTS WITH $prefix
                MATCH (l)-[r:SUPPLIES]-(e:Enterprise)
                WHERE NOT e.regionCode STARTS WITH $prefix
                RETURN e.uscc AS uscc, l.uscc AS partner, l.name AS partnerName, startNode(r) = e AS supplies,
                       r.amount AS amount
                """).bindAll(Map.of("prefix", regionPrefix))
                .fetchAs(Tie.class).mappedBy((t, r) -> new Tie(r.get("uscc").asString(), r.get("partner").asString(),
                        r.get("partnerName").asString(), r.get("supplies").asBoolean(), nullableDouble(r.get("amount"))))
                .all().forEach(tie -> {
                    if (candidates.contains(tie.uscc())) {
                        byCandidate.computeIfAbsent(tie.uscc(), k -> new ArrayList<>()).add(tie);
                    }
                });
        byCandidate.values().forEach(list -> list.sort(TIE_ORDER));
        return byCandidate;
    }

    private static Double nullableDouble(Value v) {
        return v.isNull() ? null : v.asDouble();
    }
}
