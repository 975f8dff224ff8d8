package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;
import com.chainatlas.chain.ChainModel;
import com.chainatlas.chain.ChainWriter;
import com.chainatlas.chain.Stage;
import com.chainatlas.enterprise.Enterprise;
import com.chainatlas.enterprise.EnterpriseLinks;
import com.chainatlas.enterprise.EnterpriseWriter;
import com.chainatlas.enterprise.Uscc;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.region.RegionLevel;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The Cypher cross-check again, on a generated chain (random structure, random enterprises over random counties,
 * random supply relations; fixed seed) written through the project's own writers, for regions of every level.
 */
@ChainAtlasIntegrationTest
class GeneratedDataCrossCheckTest {

    static final String CHAIN = "TEST-GENX";

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    DiagnosisService diagnosis;
    @Autowired
    SnapshotRegistry registry;
    @Autowired
    RegionCatalog regions;
    @Autowired
    ChainWriter chains;
    @Autowired
    EnterpriseWriter enterprises;

    @AfterEach
    void removeGeneratedChain() {
        neo4j.query("MATCH (e:Enterprise) WHERE e.uscc IN $ids DETACH DELETE e").bind(usccs).to("ids").run();
        neo4j.query("MATCH (s:Segment {chainId: $c}) DETACH DELETE s").bind(CHAIN).to("c").run();
        neo4j.query("MATCH (c:Chain {id: $c}) DETACH DELETE c").bind(CHAIN).to("c").run();
        registry.invalidate(CHAIN);
    }

    private final List<String> usccs = new ArrayList<>();

    @Test
    void snapshotFiguresEqualCypherOnGeneratedData() {
        Random random = new Random(4242);
        chains.mergeChain(new ChainModel.Chain(CHAIN, "生成测试链", "", List.of(), true));
        List<ChainModel.Segment> segments = new ArrayList<>();
        segments.add(new ChainModel.Segment(CHAIN + "-P1", CHAIN, "父环节一", Stage.UPSTREAM, true, 3, null, ""));
        segments.add(new ChainModel.Segment(CHAIN + "-P2", CHAIN, "父环节二", Stage.MIDSTREAM, false, 2, null, ""));
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            String id = CHAIN + "-L" + i;
            leaves.add(id);
            String parent = i < 4 ? CHAIN + "-P1" : i < 7 ? CHAIN + "-P2" : null;
            Stage stage = i < 5 ? Stage.UPSTREAM : i < 10 ? Stage.MIDSTREAM : Stage.DOWNSTREAM;
            segments.add(new ChainModel.Segment(id, CHAIN, "环节" + i, stage, random.nextBoolean(), 1 + random.nextInt(5), parent, ""));
        }
        chains.mergeSegments(segments);
        List<ChainModel.Flow> flows = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            for (int j = i + 1; j < leaves.size(); j++) {
                if (random.nextDouble() < 0.2) {
                    flows.add(new ChainModel.Flow(leaves.get(i), leaves.get(j), false));
                }
            }
        }
        chains.mergeFlows(flows);

        List<Region> counties = regions.ofLevel(RegionLevel.COUNTY);
        List<Enterprise> firms = new ArrayList<>();
        List<EnterpriseLinks.Membership> memberships = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            // Cluster a third of the firms in 江苏 so some regions have many, others few or none.
            Region county = random.nextInt(3) == 0
                    ? regions.children("320500").get(random.nextInt(regions.children("320500").size()))
                    : counties.get(random.nextInt(counties.size()));
            String uscc = Uscc.of(county.code(), 97_000_000L + i);
            usccs.add(uscc);
            Double revenue = random.nextInt(10) == 0 ? null : Math.round(Math.exp(7 + 2 * random.nextGaussian()) * 100) / 100.0;
            firms.add(new Enterprise(uscc, "生成企业" + i, null, county.code(), null, revenue, 10, null, List.of(), 0, true));
            Set<String> mine = new HashSet<>();
            int k = 1 + (random.nextInt(5) == 0 ? 1 : 0);
            while (mine.size() < k) {
                mine.add(leaves.get(random.nextInt(leaves.size())));
            }
            mine.forEach(s -> memberships.add(new EnterpriseLinks.Membership(uscc, s)));
        }
        enterprises.mergeEnterprises(firms);
        enterprises.mergeMemberships(memberships);
        List<EnterpriseLinks.Supply> supplies = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String a = usccs.get(random.nextInt(usccs.size()));
            String b = usccs.get(random.nextInt(usccs.size()));
            if (!a.equals(b)) {
                supplies.add(new EnterpriseLinks.Supply(a, b, null, random.nextBoolean() ? 100.0 * random.nextInt(50) : null));
            }
        }
        enterprises.mergeSupplies(supplies);
        registry.refresh(CHAIN);

        for (String region : List.of("320000", "320500", "320505", "110000", RegionScope.NATION)) {
            String prefix = region.equals(RegionScope.NATION) ? "" : regions.find(region).orElseThrow().prefix();
            Diagnosis d = diagnosis.diagnose(CHAIN, region, null, DiagnosisSettings.Overrides.none());
            var rows = neo4j.query(SnapshotCypherCrossCheckTest.PER_SEGMENT)
                    .bindAll(Map.of("chain", CHAIN, "prefix", prefix)).fetch().all();
            assertThat(rows).hasSize(d.segments().size());
            for (Map<String, Object> row : rows) {
                SegmentDiagnosis s = Fixture.segment(d, (String) row.get("id"));
                String where = region + "/" + s.segmentId();
                assertThat(s.figures().nationalEnterprises()).as(where).isEqualTo(((Number) row.get("national")).intValue());
                assertThat(s.figures().localEnterprises()).as(where).isEqualTo(((Number) row.get("local")).intValue());
                SnapshotCypherCrossCheckTest.assertRevenue(where, s.figures().nationalRevenue(),
                        s.figures().nationalRevenueKnown(), row, "national");
                SnapshotCypherCrossCheckTest.assertRevenue(where, s.figures().localRevenue(),
                        s.figures().localRevenueKnown(), row, "local");
            }
            Map<String, Object> sourcing = neo4j.query(SnapshotCypherCrossCheckTest.SOURCING)
                    .bindAll(Map.of("chain", CHAIN, "prefix", prefix)).fetch().one().orElseThrow();
            assertThat(d.figures().sourcing().relations()).as(region).isEqualTo(((Number) sourcing.get("relations")).intValue());
            assertThat(d.figures().sourcing().outsideRelations()).as(region).isEqualTo(((Number) sourcing.get("outside")).intValue());
        }
    }
}
