package com.chainatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.chainatlas.enterprise.Enterprise;
import com.chainatlas.enterprise.EnterpriseLinks.Membership;
import com.chainatlas.enterprise.EnterpriseLinks.NodeIds;
import com.chainatlas.enterprise.EnterpriseLinks.Supply;
import com.chainatlas.enterprise.EnterpriseWriter;
import com.chainatlas.enterprise.Uscc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The bulk write paths of {@link EnterpriseWriter} that imports use (node ids from validation, CREATE for rows
 * known to be new) give the same graph as the plain MERGE, also when an id is stale.
 */
class BulkWritePathTest {

    @TempDir
    static Path dir;

    static IngestHarness harness;
    static EnterpriseWriter writer;

    static final String A = Uscc.of("340104", 70_000_001L);
    static final String B = Uscc.of("340104", 70_000_002L);
    static final String C = Uscc.of("340104", 70_000_003L);

    @BeforeAll
    static void start() throws Exception {
        harness = new IngestHarness(dir.resolve("db"), new ImportSettings(1_000, 100, 100, 20, 200), null);
        harness.loadRegions();
        var constructor = EnterpriseWriter.class.getDeclaredConstructor(Neo4jClient.class);
        constructor.setAccessible(true);
        writer = constructor.newInstance(harness.neo4j);
        writer.createEnterprises(List.of(firm(A), firm(B), firm(C)));
        harness.neo4j.query("CREATE (:Chain {id: 'BW'}), (:Segment {id: 'BW-S1', chainId: 'BW'})").run();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static Enterprise firm(String uscc) {
        return new Enterprise(uscc, "写入测试" + uscc.substring(14), null, "340104", null, 10.0, 5, null, List.of(), 0, false);
    }

    private static String id(String uscc) {
        return harness.neo4j.query("MATCH (e:Enterprise {uscc: $u}) RETURN elementId(e)").bind(uscc).to("u")
                .fetchAs(String.class).one().orElseThrow();
    }

    private static long supplies(String from, String to) {
        return harness.count("MATCH (:Enterprise {uscc: $a})-[s:SUPPLIES]->(:Enterprise {uscc: $b}) RETURN count(s)",
                Map.of("a", from, "b", to));
    }

    @Test
    void createdEnterprisesHaveTheirRegionLink() {
        assertThat(harness.count("MATCH (e:Enterprise)-[:LOCATED_IN]->(:Region {code: '340104'}) RETURN count(e)")).isEqualTo(3);
        assertThat(harness.count("""
                MATCH (e:Enterprise {uscc: $u}) WHERE e.provinceCode = '340000' AND e.cityCode = '340100'
                  AND e.countyCode = '340104' RETURN count(e)""", Map.of("u", A))).isEqualTo(1);
    }

    @Test
    void newRowsAreCreatedOnceAndKnownRowsMergedByNodeId() {
        writer.writeSupplies(List.of(new Supply(A, B, null, 5.0)), List.of(new NodeIds(id(A), id(B), true)));
        writer.writeSupplies(List.of(new Supply(A, B, null, 7.0)), List.of(new NodeIds(id(A), id(B), false)));
        assertThat(supplies(A, B)).isEqualTo(1);
        assertThat(harness.count("MATCH (:Enterprise {uscc: $a})-[s:SUPPLIES]->() RETURN toInteger(s.amount)", Map.of("a", A)))
                .isEqualTo(7);
    }

    @Test
    void aStaleNodeIdFallsBackToTheUsccAndWritesTheRightPair() {
        // the id given for B is C's: the guard on the USCC rejects it and the batch is merged by USCC
        writer.writeSupplies(List.of(new Supply(B, C, null, 1.0), new Supply(C, A, null, 2.0)),
                List.of(new NodeIds(id(B), id(A), false), new NodeIds(id(C), id(A), true)));
        assertThat(supplies(B, C)).isEqualTo(1);
        assertThat(supplies(B, A)).isZero();
        assertThat(supplies(C, A)).as("written by id, then found again by the fallback MERGE").isEqualTo(1);
    }

    @Test
    void membershipsByIdAndWithoutIdGiveOneLinkEach() {
        writer.writeMemberships(List.of(new Membership(A, "BW-S1"), new Membership(B, "BW-S1")),
                java.util.Arrays.asList(new NodeIds(id(A), null, true), null));
        writer.writeMemberships(List.of(new Membership(A, "BW-S1")), List.of(new NodeIds(id(A), null, false)));
        assertThat(harness.count("MATCH (:Enterprise)-[m:IN_SEGMENT]->(:Segment {id: 'BW-S1'}) RETURN count(m)")).isEqualTo(2);
    }
}
