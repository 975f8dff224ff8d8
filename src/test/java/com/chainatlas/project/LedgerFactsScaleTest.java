package com.chainatlas.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * 10,000 projects in one province read through the facts source, as the dashboard does: all of them, each once,
 * with stage dates; prints the time of each read (a scale, not a target: the machine is shared).
 */
@LedgerIntegrationTest
class LedgerFactsScaleTest {

    private static final int N = 10_000;
    /** 云南省: no other ledger test writes there. */
    private static final String PROVINCE = "530000";

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    LedgerFactsSource facts;

    @AfterEach
    void clean() {
        neo4j.query("MATCH (p:Project) WHERE p.id STARTS WITH 'SCALE-' DETACH DELETE p").run();
    }

    @Test
    void tenThousandProjectsOfAProvinceInOneRead() {
        List<String> counties = List.copyOf(neo4j.query("""
                MATCH (r:Region) WHERE r.code STARTS WITH '53' AND r.level = 'COUNTY' RETURN r.code AS code ORDER BY code LIMIT 50
                """).fetchAs(String.class).all());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            boolean expansion = i % 10 == 0;
            Map<String, Object> row = new java.util.HashMap<>();
            row.put("id", "SCALE-" + i);
            row.put("region", counties.get(i % counties.size()));
            row.put("stage", i % 3 == 0 ? "STARTED" : "SIGNED");
            row.put("planned", i % 7 == 0 ? null : (double) (i % 50));
            row.put("added", expansion ? 1.0 : null);
            row.put("expansion", expansion);
            rows.add(row);
        }
        for (int from = 0; from < N; from += 2000) {
            neo4j.query("""
                    UNWIND $rows AS row
                    CREATE (p:Project {id: row.id, name: '规模测试项目' + row.id, enterpriseName: '规模测试企业', regionCode: row.region,
                            chainId: 'NEV', segmentIds: ['NEV-A', 'NEV-B'], stage: row.stage, status: 'ACTIVE',
                            signedOn: date('2025-01-01'), startedOn: CASE WHEN row.stage = 'STARTED' THEN date('2025-06-01') END,
                            plannedInvestmentYi: row.planned, addedInvestmentYi: row.added, expansion: row.expansion,
                            responsible: '规模测试', createdAt: datetime(), updatedAt: datetime()})
                    """).bind(rows.subList(from, Math.min(N, from + 2000))).to("rows").run();
        }
        long[] ms = new long[5];
        List<ProjectFacts> read = List.of();
        for (int run = 0; run < ms.length; run++) {
            long t0 = System.nanoTime();
            read = facts.projectsUnder(PROVINCE);
            ms[run] = (System.nanoTime() - t0) / 1_000_000;
        }
        System.out.println("[ledger-scale] projectsUnder(" + PROVINCE + ") with " + N + " projects, ms per read: " + Arrays.toString(ms));
        assertThat(read).hasSize(N);
        assertThat(read.stream().map(ProjectFacts::id).distinct().count()).isEqualTo(N);
        assertThat(read.stream().filter(f -> f.stage() == ProjectStage.STARTED).count()).isEqualTo((N + 2) / 3);
        assertThat(read.stream().filter(f -> f.dateOf(ProjectStage.STARTED) != null).count()).isEqualTo((N + 2) / 3);
        long unknown = read.stream().filter(f -> f.countedInvestmentYi() == null).count();
        long expected = rows.stream().filter(r -> (Boolean) r.get("expansion") ? r.get("added") == null : r.get("planned") == null).count();
        assertThat(unknown).isEqualTo(expected);
        assertThat(facts.projectsUnder(counties.get(0))).hasSize(N / counties.size());
    }
}
