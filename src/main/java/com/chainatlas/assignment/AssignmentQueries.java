package com.chainatlas.assignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chainatlas.region.Region;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The reads and the one write of 挂链, as parameterised Cypher over plain records. */
@Component
class AssignmentQueries {

    /** An enterprise's text as stored (any text field may be null; {@code industry}: registered 所属行业). */
    record FirmRecord(String uscc, String name, String regionCode, boolean provisional, String mainProducts,
                      String businessScope, String industry, Set<String> segments) {
    }

    private static final String HAS_TEXT = "(e.mainProducts IS NOT NULL OR e.businessScope IS NOT NULL)";

    private final Neo4jClient neo4j;

    AssignmentQueries(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    @Transactional(readOnly = true)
    boolean chainExists(String chain) {
        return neo4j.query("MATCH (c:Chain {id: $chain}) RETURN count(c) > 0").bind(chain).to("chain")
                .fetchAs(Boolean.class).one().orElse(false);
    }

    @Transactional(readOnly = true)
    List<SegmentModel.Segment> segments(String chain) {
        return new ArrayList<>(neo4j.query("""
                MATCH (:Chain {id: $chain})-[:HAS_SEGMENT]->(s:Segment) RETURN s.id AS id, s.name AS name ORDER BY id
                """).bind(chain).to("chain").fetchAs(SegmentModel.Segment.class)
                .mappedBy((t, r) -> new SegmentModel.Segment(r.get("id").asString(), r.get("name").asString(""))).all());
    }

    /** The chain's assigned enterprises that have text, at most {@code limit}, by USCC. */
    @Transactional(readOnly = true)
    List<FirmRecord> assigned(String chain, int limit) {
        return new ArrayList<>(neo4j.query("""
                MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment {chainId: $chain})
                WHERE %s
                WITH e, collect(DISTINCT s.id) AS segments ORDER BY e.uscc LIMIT $limit
                RETURN e.uscc AS uscc, e.name AS name, e.regionCode AS regionCode, e.provisional = true AS provisional,
                       e.mainProducts AS mainProducts, e.businessScope AS businessScope, e.industry AS industry, segments
                """.formatted(HAS_TEXT)).bindAll(Map.of("chain", chain, "limit", limit))
                .fetchAs(FirmRecord.class).mappedBy((t, r) -> firm(r)).all());
    }

    /**
     * Enterprises with text and no segment in the chain, in the region (with its sub-regions; null = everywhere),
     * at most {@code limit}, by USCC.
     */
    @Transactional(readOnly = true)
    List<FirmRecord> candidates(String chain, Region region, int limit) {
        String inRegion = region == null ? "true" : switch (region.level()) {
            case PROVINCE -> "e.provinceCode = $region";
            case CITY -> "e.cityCode = $region";
            case COUNTY -> "e.countyCode = $region";
        };
        return new ArrayList<>(neo4j.query("""
                MATCH (e:Enterprise)
                WHERE %s AND %s AND NOT EXISTS { (e)-[:IN_SEGMENT]->(:Segment {chainId: $chain}) }
                  AND NOT EXISTS { (e)-[:ASSIGNMENT_REJECTED]->(:Chain {id: $chain}) }
                WITH e ORDER BY e.uscc LIMIT $limit
                RETURN e.uscc AS uscc, e.name AS name, e.regionCode AS regionCode, e.provisional = true AS provisional,
                       e.mainProducts AS mainProducts, e.businessScope AS businessScope, e.industry AS industry, [] AS segments
                """.formatted(inRegion, HAS_TEXT))
                .bindAll(Map.of("chain", chain, "limit", limit, "region", region == null ? "" : region.code()))
                .fetchAs(FirmRecord.class).mappedBy((t, r) -> firm(r)).all());
    }

    /** Of these USCCs, those that no enterprise has. */
    @Transactional(readOnly = true)
    Set<String> unknownEnterprises(Collection<String> usccs) {
        return new HashSet<>(neo4j.query("""
                UNWIND $usccs AS u
                OPTIONAL MATCH (e:Enterprise {uscc: u})
                WITH u WHERE e IS NULL RETURN u
                """).bind(List.copyOf(usccs)).to("usccs").fetchAs(String.class).all());
    }

    /** Segment id → its chain, for those of these ids that exist. */
    @Transactional(readOnly = true)
    Map<String, String> segmentChains(Collection<String> ids) {
        Map<String, String> out = new java.util.HashMap<>();
        neo4j.query("""
                UNWIND $ids AS id
                MATCH (s:Segment {id: id}) RETURN s.id AS id, s.chainId AS chain
                """).bind(List.copyOf(ids)).to("ids").fetch().all()
                .forEach(r -> out.put((String) r.get("id"), (String) r.get("chain")));
        return out;
    }

    /**
     * Writes IN_SEGMENT for each row ({uscc, segmentId}); returns how many were new. Existing links are kept as
     * they are; new ones record that they came from an accepted suggestion.
     */
    long writeMemberships(List<Map<String, Object>> rows) {
        return neo4j.query("""
                UNWIND $rows AS row
                MATCH (e:Enterprise {uscc: row.uscc}), (s:Segment {id: row.segmentId})
                OPTIONAL MATCH (e)-[old:IN_SEGMENT]->(s)
                WITH e, s, old IS NULL AS isNew
                MERGE (e)-[r:IN_SEGMENT]->(s)
                ON CREATE SET r.source = 'suggestion', r.acceptedAt = datetime()
                RETURN count(CASE WHEN isNew THEN 1 END)
                """).bind(rows).to("rows").fetchAs(Long.class).one().orElse(0L);
    }

    /**
     * Records that the reviewer rejected these enterprises' proposals in the chain, so later batches leave them
     * out; returns how many were new. Accepting one of them into the chain later lifts the rejection.
     */
    long recordRejections(String chain, List<String> usccs) {
        return neo4j.query("""
                MATCH (c:Chain {id: $chain})
                UNWIND $usccs AS u
                MATCH (e:Enterprise {uscc: u})
                OPTIONAL MATCH (e)-[old:ASSIGNMENT_REJECTED]->(c)
                WITH e, c, old IS NULL AS isNew
                MERGE (e)-[r:ASSIGNMENT_REJECTED]->(c)
                ON CREATE SET r.rejectedAt = datetime()
                RETURN count(CASE WHEN isNew THEN 1 END)
                """).bindAll(Map.of("chain", chain, "usccs", usccs)).fetchAs(Long.class).one().orElse(0L);
    }

    /** Lifts rejections of enterprises now assigned in a chain (rows {uscc, segmentId}). */
    void liftRejections(List<Map<String, Object>> rows) {
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (e:Enterprise {uscc: row.uscc})-[r:ASSIGNMENT_REJECTED]->(:Chain)-[:HAS_SEGMENT]->(:Segment {id: row.segmentId})
                DELETE r
                """).bind(rows).to("rows").run();
    }

    private static FirmRecord firm(org.neo4j.driver.Record r) {
        Set<String> segments = new HashSet<>(r.get("segments").asList(Value::asString));
        return new FirmRecord(r.get("uscc").asString(), r.get("name").asString(null), r.get("regionCode").asString(null),
                r.get("provisional").asBoolean(false), text(r.get("mainProducts")), text(r.get("businessScope")),
                text(r.get("industry")), segments);
    }

    /** A text property as a string; a list (should an importer store one) is joined with 、. */
    private static String text(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return v.asString();
        } catch (org.neo4j.driver.exceptions.value.Uncoercible e) {
            return String.join("、", v.asList(x -> String.valueOf(x.asObject())));
        }
    }
}
