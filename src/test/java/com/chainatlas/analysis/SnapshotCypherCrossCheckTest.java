package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * For the demo data: the snapshot's figures equal the same figures computed with plain Cypher, for every
 * segment (leaves and parents) and a sample of regions of every level, the nation included.
 */
@ChainAtlasIntegrationTest
class SnapshotCypherCrossCheckTest {

    /** Per segment, distinct enterprises of it and its sub-segments, nationally and with the region's code prefix. */
    static final String PER_SEGMENT = """
            MATCH (s:Segment {chainId: $chain})
            OPTIONAL MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment)-[:PART_OF*0..]->(s)
            WITH s, collect(DISTINCT e) AS firms
            WITH s, firms, [f IN firms WHERE f.regionCode STARTS WITH $prefix] AS local
            WITH s, firms, local, [f IN firms WHERE f.revenue IS NOT NULL] AS knownFirms,
                 [f IN local WHERE f.revenue IS NOT NULL] AS knownLocal
            RETURN s.id AS id, size(firms) AS national, size(knownFirms) AS nationalKnown,
                   reduce(r = 0.0, f IN knownFirms | r + f.revenue) AS nationalRevenue,
                   size(local) AS local, size(knownLocal) AS localKnown,
                   reduce(r = 0.0, f IN knownLocal | r + f.revenue) AS localRevenue
            """;

    /** Unknown is not zero: the snapshot's sum over known revenues, with how many were known; null when none. */
    static void assertRevenue(String where, Double revenue, int known, Map<String, Object> row, String side) {
        int expectedKnown = ((Number) row.get(side + "Known")).intValue();
        assertThat(known).as(where + " " + side + " known").isEqualTo(expectedKnown);
        if (expectedKnown == 0) {
            assertThat(revenue).as(where + " " + side + " revenue").isNull();
        } else {
            assertThat(revenue).as(where + " " + side + " revenue")
                    .isCloseTo(((Number) row.get(side + "Revenue")).doubleValue(), within(1e-3));
        }
    }

    /** Supply relations into the region's chain enterprises, and how many come from outside. */
    static final String SOURCING = """
            MATCH (:Segment {chainId: $chain})<-[:IN_SEGMENT]-(c:Enterprise)
            WHERE c.regionCode STARTS WITH $prefix
            WITH DISTINCT c
            MATCH (a:Enterprise)-[r:SUPPLIES]->(c)
            WHERE EXISTS { (a)-[:IN_SEGMENT]->(:Segment {chainId: $chain}) }
            RETURN count(r) AS relations, count(CASE WHEN NOT a.regionCode STARTS WITH $prefix THEN 1 END) AS outside
            """;

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    DiagnosisService diagnosis;
    @Autowired
    RegionCatalog regions;

    @ParameterizedTest
    @CsvSource({"NEV,340100", "NEV,340104", "NEV,440000", "NEV,320500", "NEV,000000", "IC,340100", "IC,310000",
            "IC,320505", "IC,000000"})
    void snapshotFiguresEqualCypher(String chain, String region) {
        String prefix = region.equals(RegionScope.NATION) ? "" : regions.find(region).orElseThrow().prefix();
        Diagnosis d = diagnosis.diagnose(chain, region, null, DiagnosisSettings.Overrides.none());
        Collection<Map<String, Object>> rows = neo4j.query(PER_SEGMENT)
                .bindAll(Map.of("chain", chain, "prefix", prefix)).fetch().all();
        assertThat(rows).hasSize(d.segments().size());
        for (Map<String, Object> row : rows) {
            SegmentDiagnosis s = Fixture.segment(d, (String) row.get("id"));
            assertThat(s.figures().nationalEnterprises()).as(s.segmentId()).isEqualTo(((Number) row.get("national")).intValue());
            assertThat(s.figures().localEnterprises()).as(s.segmentId()).isEqualTo(((Number) row.get("local")).intValue());
            assertRevenue(s.segmentId(), s.figures().nationalRevenue(), s.figures().nationalRevenueKnown(), row, "national");
            assertRevenue(s.segmentId(), s.figures().localRevenue(), s.figures().localRevenueKnown(), row, "local");
        }
        Map<String, Object> sourcing = neo4j.query(SOURCING).bindAll(Map.of("chain", chain, "prefix", prefix))
                .fetch().one().orElseThrow();
        assertThat(d.figures().sourcing().relations()).isEqualTo(((Number) sourcing.get("relations")).intValue());
        assertThat(d.figures().sourcing().outsideRelations()).isEqualTo(((Number) sourcing.get("outside")).intValue());
        assertThat(List.of(d.figures().completeness())).allSatisfy(c -> assertThat(c).isBetween(0.0, 1.0));
    }
}
