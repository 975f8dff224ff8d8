package com.chainatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.chainatlas.enterprise.Uscc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offices' own files (issue 10, points 2, 3, 5, 6, 7): segments named by name or path within a chain, one
 * enterprise file with 所属环节 and free texts, enterprises without a credit code, mutual flows. On a real
 * embedded Neo4j through the import service, without Spring.
 */
class OfficeFilesImportTest {

    @TempDir
    static Path dir;
    static IngestHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new IngestHarness(dir.resolve("db"), new ImportSettings(50_000, 1_000, 500, 20, 200), null);
        h.loadRegions();
        ok(h.importCsv("chains", "产业链编号,名称\nZR,测试动力电池链\nZQ,测试储能链\nZE,空链\n", null));
        // parents named by name, defined earlier in the same file
        ok(h.importCsv("segments", String.join("\n",
                "环节编号,产业链编号,名称,环节位置,上级环节",
                "ZR-BAT,ZR,动力电池,中游,",
                "ZR-CELL,ZR,电芯,中游,动力电池",
                "ZR-BMS,ZR,电池管理系统,中游,ZR-BAT",
                "ZR-MAT,ZR,材料,上游,",
                "ZR-MAT-SEP,ZR,隔膜,上游,材料",
                "ZR-EQ,ZR,设备,上游,",
                "ZR-EQ-SEP,ZR,隔膜,上游,设备",
                "ZR-CAR,测试动力电池链,整车,下游,",
                "ZQ-CELL,ZQ,电芯,中游,"), null));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static ImportJob ok(ImportJob job) {
        assertThat(job.phase).as(String.valueOf(job.result)).isEqualTo(ImportJob.Phase.DONE);
        return job;
    }

    static Map<Integer, String> rejected(ImportJob job) {
        assertThat(job.phase).as(String.valueOf(job.result)).isEqualTo(ImportJob.Phase.REJECTED);
        return job.result.problems().stream().collect(Collectors.toMap(Problem::row, Problem::reason, (a, b) -> a + " | " + b));
    }

    @Test
    void segmentsAreFoundByIdNameOrPathWithinTheRowsChain() throws Exception {
        assertThat(h.count("MATCH (:Segment {id: 'ZR-CELL'})-[:PART_OF]->(:Segment {id: 'ZR-BAT'}) RETURN count(*)")).isEqualTo(1);
        assertThat(h.count("MATCH (s:Segment {id: 'ZR-CAR'}) WHERE s.chainId = 'ZR' RETURN count(*)"))
                .as("chain named by its name").isEqualTo(1);
        String e1 = TestGraph.uscc(101);
        String e2 = TestGraph.uscc(102);
        ok(h.importCsv("enterprises", "统一社会信用代码,企业名称,行政区划代码\n" + e1 + ",甲电池有限公司,340104\n"
                + e2 + ",乙电池有限公司,340104\n", null));
        // new header 环节 and the old one 环节编号; id, name, path; the chain from a column or the file
        ok(h.importCsv("enterprise-segments", "企业,环节,产业链\n" + e1 + ",电芯,ZR\n" + e1 + ",动力电池/电池管理系统,ZR\n"
                + e2 + ",ZR-CAR,\n" + e2 + ",材料/隔膜,ZR\n", null));
        ok(h.importCsv("enterprise-segments", "企业,环节编号\n" + e2 + ",整车\n", "ZR"));
        assertThat(h.count("MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment) WHERE e.uscc IN $u RETURN count(*)",
                Map.of("u", List.of(e1, e2)))).isEqualTo(4);
        assertThat(h.count("MATCH (:Enterprise {uscc: $u})-[:IN_SEGMENT]->(:Segment {id: 'ZR-MAT-SEP'}) RETURN count(*)",
                Map.of("u", e2))).isEqualTo(1);

        Map<Integer, String> r = rejected(h.importCsv("enterprise-segments", String.join("\n", "企业,环节,产业链",
                e1 + ",隔膜,ZR",          // 2 ambiguous within the chain: both paths listed
                e1 + ",电芯,",            // 3 ambiguous across chains
                e1 + ",电芯,ZE",          // 4 chain without segments: step 1 is missing
                e1 + ",不存在的环节,ZR",     // 5 unknown
                e1 + ",电芯,ZQ",          // 6 ok: the other chain's 电芯
                e1 + ",整车,ZQ"), null));  // 7 in another chain only
        assertThat(r).containsOnlyKeys(2, 3, 4, 5, 7);
        assertThat(r.get(2)).contains("不唯一").contains("材料/隔膜 (ZR-MAT-SEP)").contains("设备/隔膜 (ZR-EQ-SEP)");
        assertThat(r.get(3)).contains("不唯一").contains("ZR-CELL").contains("ZQ-CELL");
        assertThat(r.get(4)).contains("请先导入产业链环节（第 1 步）");
        assertThat(r.get(5)).contains("未找到环节");
        assertThat(r.get(7)).contains("其他产业链中有").contains("ZR-CAR");

        ImportJob unknownChain = h.importCsv("enterprise-segments", "企业,环节\n" + e1 + ",电芯\n", "没有这条链");
        assertThat(unknownChain.phase).isEqualTo(ImportJob.Phase.REJECTED);
        assertThat(unknownChain.result.problems().get(0).reason()).contains("未找到产业链");
    }

    @Test
    void oneEnterpriseFileCarriesSegmentsProductsAndScopeWithItsSpaces() throws Exception {
        String a = TestGraph.uscc(201);
        String csv = "统一社会信用代码,企业名称,行政区划代码,营业收入(万元),所属环节,主营产品,经营范围,产业链,国民经济行业\n"
                + a + ",丙 新能源 有限公司,340104,100,电芯、动力电池/电池管理系统,\"LFP 电芯 (储能用)\",\"电池制造；申万2021 三级行业\",ZR,C3841 锂离子电池制造\n";
        ok(h.importCsv("enterprises", csv, null));
        ImportJob again = ok(h.importCsv("enterprises", csv, null));
        assertThat(again.result.chainIds()).containsExactly("ZR");
        Map<String, Object> e = h.neo4j.query("MATCH (e:Enterprise {uscc: $u}) RETURN e.name AS name, e.mainProducts AS mp, "
                + "e.businessScope AS bs, e.industry AS ind, e.provisional AS prov, COUNT { (e)-[:IN_SEGMENT]->() } AS segs")
                .bind(a).to("u").fetch().one().orElseThrow();
        assertThat(e.get("name")).isEqualTo("丙新能源有限公司"); // names are normalised
        assertThat(e.get("mp")).isEqualTo("LFP 电芯 (储能用)"); // free text is not
        assertThat(e.get("bs")).isEqualTo("电池制造；申万2021 三级行业");
        assertThat(e.get("ind")).as("所属行业 under its alias 国民经济行业, kept as written").isEqualTo("C3841 锂离子电池制造");
        assertThat(e.get("prov")).isNull();
        assertThat(e.get("segs")).isEqualTo(2L);

        ok(h.importCsv("chains", "产业链编号,名称,说明\nZR,测试动力电池链,申万2021 三级行业 口径\n", null));
        assertThat(h.neo4j.query("MATCH (c:Chain {id: 'ZR'}) RETURN c.description").fetchAs(String.class).one())
                .contains("申万2021 三级行业 口径");
    }

    @Test
    void enterprisesWithoutCodeGetAProvisionalIdentityAndAreUpgradedInPlace() throws Exception {
        String header = "统一社会信用代码,企业名称,行政区划代码,营业收入(万元),所属环节\n";
        ImportJob first = ok(h.importCsv("enterprises", header + ",丁 储能科技有限公司,340104,,电芯\n,戊材料有限公司,340104,50,\n", "ZR"));
        assertThat(first.result.rowsWritten()).isEqualTo(2);
        String key = Uscc.provisionalKey("丁储能科技有限公司", "340104");
        assertThat(Uscc.isProvisional(key)).isTrue();
        assertThat(Uscc.isValid(key)).isFalse();
        assertThat(h.count("MATCH (e:Enterprise {uscc: $k, provisional: true}) RETURN count(*)", Map.of("k", key))).isEqualTo(1);
        // idempotent, also with full-width or spaced spelling of the same name
        ok(h.importCsv("enterprises", header + ",丁储能科技有限公司,340104,,\n", null));
        assertThat(h.count("MATCH (e:Enterprise) WHERE e.name = '丁储能科技有限公司' RETURN count(*)")).isEqualTo(1);
        // relations to it by name, and the exported key itself is accepted in the code column
        String customer = TestGraph.uscc(301);
        ok(h.importCsv("enterprises", header + customer + ",己整车有限公司,340104,,\n" + key + ",丁储能科技有限公司,340104,80,\n", null));
        ok(h.importCsv("supplies", "供应商,客户\n丁储能科技有限公司," + customer + "\n", null));

        // a later row with the same name and region and a code upgrades it in place
        String real = TestGraph.uscc(302);
        ok(h.importCsv("enterprises", header + real + ",丁储能科技有限公司,340104,90,\n", null));
        assertThat(h.count("MATCH (e:Enterprise) WHERE e.name = '丁储能科技有限公司' RETURN count(*)")).isEqualTo(1);
        Map<String, Object> e = h.neo4j.query("MATCH (e:Enterprise {name: '丁储能科技有限公司'}) RETURN e.uscc AS uscc, "
                + "e.provisional AS prov, e.revenue AS rev, COUNT { (e)-[:SUPPLIES]->() } AS supplies, "
                + "COUNT { (e)-[:IN_SEGMENT]->() } AS segs").fetch().one().orElseThrow();
        assertThat(e.get("uscc")).isEqualTo(real);
        assertThat(e.get("prov")).isNull();
        assertThat(e.get("rev")).isEqualTo(90.0);
        assertThat(e.get("supplies")).as("relations kept").isEqualTo(1L);
        assertThat(e.get("segs")).isEqualTo(1L);

        Map<Integer, String> r = rejected(h.importCsv("enterprises", header
                + ",庚有限公司,340104,,\n"                       // 2
                + ",庚 有限公司,340104,,\n"                      // 3 same name and region, no code: cannot tell apart
                + TestGraph.uscc(303) + ",辛有限公司,340104,,\n"  // 4
                + ",辛有限公司,340104,,\n"                       // 5 one with a code, one without
                + ",壬有限公司,,,\n", null));                    // 6 no code and no region
        assertThat(r).containsOnlyKeys(3, 5, 6);
        assertThat(r.get(3)).contains("与第 2 行同名同区划").contains("都没有信用代码");
        assertThat(r.get(5)).contains("与第 4 行同名同区划");
        assertThat(r.get(6)).contains("必填项为空");
        assertThat(h.count("MATCH (e:Enterprise) WHERE e.name IN ['庚有限公司', '辛有限公司'] RETURN count(*)")).isZero();
    }

    @Test
    void mutualFlowsAreWrittenWithAWarning() throws Exception {
        ImportJob job = ok(h.importCsv("flows", "上游环节,下游环节,产业链\n材料/隔膜,电芯,ZR\n电芯,整车,ZR\n整车,电芯,ZR\n", null));
        assertThat(job.result.written()).isTrue();
        assertThat(job.result.warningCount()).isEqualTo(2);
        assertThat(job.result.warnings()).extracting(Problem::row).containsExactlyInAnyOrder(3, 4);
        assertThat(job.result.warnings().get(0).reason()).contains("互相供给").contains("ZR-CELL").contains("ZR-CAR");
        assertThat(h.count("MATCH (:Segment {id: 'ZR-CAR'})-[f:FEEDS]->(:Segment {id: 'ZR-CELL'}) RETURN count(f)")).isEqualTo(1);
        assertThat(rejected(h.importCsv("flows", "上游环节,下游环节\nZR-CELL,ZR-CELL\n", null)).get(2)).contains("自身");
    }

    @Test
    void anEnterpriseFileWithNoSegmentsInItsChainAsksForStepOne() throws Exception {
        Map<Integer, String> r = rejected(h.importCsv("enterprises",
                "企业名称,行政区划代码,所属环节\n癸有限公司,340104,电芯\n", "ZE"));
        assertThat(r.get(2)).contains("请先导入产业链环节（第 1 步）");
        assertThat(Files.exists(dir)).isTrue();
    }
}
