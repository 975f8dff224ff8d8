package com.chainatlas.ingest;

import static com.chainatlas.ingest.ImportClient.csv;
import static com.chainatlas.ingest.TestGraph.count;
import static com.chainatlas.ingest.TestGraph.uscc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Imports a small chain through every format over HTTP and checks the graph it made. */
@ChainAtlasIntegrationTest
class ImportApiTest extends ImportHttpTestBase {

    /** Imports chain ZT1 with all formats; returns the job of each. */
    static List<JsonNode> importSmallChain(ImportClient client) {
        List<JsonNode> jobs = new ArrayList<>();
        jobs.add(client.run("chains", "chains.csv", csv("产业链编号,名称,说明\nZT1,测试链,导入测试\n")));
        jobs.add(client.run("segments", "segments.csv", csv("""
                环节编号,产业链编号,名称,环节位置,关键环节,附加值等级,上级环节
                ZT1-UP,ZT1,原料,上游,否,2,
                ZT1-MID,ZT1,部件,中游,是,4,
                ZT1-MID-A,ZT1,部件甲,中游,否,3,ZT1-MID
                ZT1-DOWN,ZT1,整机,下游,是,5,
                ZT1-RECY,ZT1,回收,下游,否,2,
                """)));
        jobs.add(client.run("flows", "flows.csv", csv("""
                上游环节,下游环节,回收流向
                ZT1-UP,ZT1-MID,否
                ZT1-MID,ZT1-DOWN,否
                ZT1-DOWN,ZT1-RECY,否
                ZT1-RECY,ZT1-UP,是
                """)));
        jobs.add(client.run("products", "products.csv", csv("""
                产品编号,名称,所属环节,投入品
                ZT1-P1,原料一,ZT1-UP,
                ZT1-P2,部件一,ZT1-MID,ZT1-P1
                ZT1-P3,整机一,ZT1-DOWN,ZT1-P2;ZT1-P1
                """)));
        jobs.add(client.run("product-inputs", "inputs.csv", csv("投入品编号,产品编号\nZT1-P1,ZT1-P3\n")));
        jobs.add(client.run("technologies", "tech.csv", csv("技术编号,产业链编号,名称,应用环节\nZT1-T1,ZT1,关键工艺,ZT1-MID;ZT1-DOWN\n")));
        jobs.add(client.run("enterprises", "enterprises.csv", csv(
                "统一社会信用代码,企业名称,简称,行政区划代码,开发区,营业收入(万元),从业人数,成立日期,标签,专利数\n"
                        + uscc(1) + ",测试原料有限公司,测原料,340104,高新区,\"12,500\",320,2016-05-18,高新技术企业;专精特新,45\n"
                        + uscc(2) + ",测试部件股份有限公司,测部件,340104,,１２００,80,2019/3/1,,3\n"
                        + uscc(3) + ",测试整机有限公司（合肥）,测整机,110105,,1.5亿元,2000,2010年7月9日,上市,300\n")));
        jobs.add(client.run("enterprise-segments", "members.csv", csv(
                "企业,环节编号\n" + uscc(1) + ",ZT1-UP\n测试部件股份有限公司,ZT1-MID-A\n测整机,ZT1-DOWN\n")));
        jobs.add(client.run("enterprise-products", "makes.csv", csv(
                "企业,产品编号,收入占比\n" + uscc(1) + ",ZT1-P1,60%\n测部件,ZT1-P2,0.9\n测试整机有限公司(合肥),ZT1-P3,\n")));
        jobs.add(client.run("supplies", "supplies.csv", csv(
                "供应商,客户,产品编号,年供货金额(万元)\n测原料,测部件,ZT1-P1,800\n测部件,测整机,ZT1-P2,\"1,000\"\n")));
        jobs.add(client.run("institutions", "inst.csv", csv(
                "机构编号,名称,类型,级别,行政区划代码,研发实力,研究技术,研究环节\nZT1-I1,测试重点实验室,重点实验室,国家级,340104,4,ZT1-T1,ZT1-MID\n")));
        jobs.add(client.run("cooperations", "coop.csv", csv("机构编号,企业,合作方式,开始年份\nZT1-I1,测部件,联合研发,2021\n")));
        jobs.add(client.run("projects", "projects.csv", csv("""
                项目编号,项目名称,目标企业,环节编号,落地区划代码,投资额(亿元),阶段,签约日期,开工日期,责任人
                ZT1-PJ1,整机扩产项目,测整机,ZT1-DOWN,340104,50,开工,2025-03-01,2025-07-15,张三
                """)));
        return jobs;
    }

    @Test
    void importsEveryFormatAndBuildsTheGraph() {
        List<JsonNode> jobs = importSmallChain(client);
        assertThat(jobs).allSatisfy(j -> assertThat(j.get("phase").asString()).as(j.toString()).isEqualTo("DONE"));

        assertThat(count(neo4j, "MATCH (:Chain {id:'ZT1'})-[:HAS_SEGMENT]->(s) RETURN count(s)")).isEqualTo(5);
        assertThat(count(neo4j, "MATCH (:Segment {id:'ZT1-MID-A'})-[:PART_OF]->(:Segment {id:'ZT1-MID'}) RETURN count(*)")).isEqualTo(1);
        assertThat(count(neo4j, "MATCH (a:Segment)-[f:FEEDS]->(b:Segment) WHERE a.id STARTS WITH 'ZT1' RETURN count(f)")).isEqualTo(4);
        assertThat(count(neo4j, "MATCH (:Segment {id:'ZT1-RECY'})-[f:FEEDS {recycling:true}]->(:Segment {id:'ZT1-UP'}) RETURN count(f)")).isEqualTo(1);
        assertThat(count(neo4j, "MATCH (p:Product) WHERE p.id STARTS WITH 'ZT1' AND p.chainId = 'ZT1' RETURN count(p)")).isEqualTo(3);
        assertThat(count(neo4j, "MATCH (:Product)-[r:INPUT_TO]->(:Product {id:'ZT1-P3'}) RETURN count(r)")).isEqualTo(2);
        assertThat(count(neo4j, "MATCH (:Technology {id:'ZT1-T1'})-[:APPLIES_TO]->(s) RETURN count(s)")).isEqualTo(2);

        Map<String, Object> e1 = neo4j.query("MATCH (e:Enterprise {uscc:$u}) RETURN e{.*} AS e").bind(uscc(1)).to("u")
                .fetch().one().orElseThrow();
        @SuppressWarnings("unchecked") Map<String, Object> p1 = (Map<String, Object>) e1.get("e");
        assertThat(p1.get("revenue")).isEqualTo(12500.0);
        assertThat(p1.get("tags")).asList().containsExactly("高新技术企业", "专精特新");
        assertThat(p1.get("cityCode")).isEqualTo("340100");
        assertThat(count(neo4j, "MATCH (e:Enterprise {uscc:$u}) WHERE e.revenue = 1200.0 RETURN count(e)", Map.of("u", uscc(2)))).isEqualTo(1);
        assertThat(count(neo4j, "MATCH (e:Enterprise {uscc:$u}) WHERE e.revenue = 15000.0 AND e.name = '测试整机有限公司(合肥)' "
                + "AND e.founded = date('2010-07-09') RETURN count(e)", Map.of("u", uscc(3)))).isEqualTo(1);
        assertThat(count(neo4j, "MATCH (e:Enterprise {uscc:$u})-[:LOCATED_IN]->(:Region {code:'110105'}) RETURN count(e)",
                Map.of("u", uscc(3)))).isEqualTo(1);
        assertThat(count(neo4j, "MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment) WHERE s.id STARTS WITH 'ZT1' RETURN count(e)")).isEqualTo(3);
        assertThat(count(neo4j, "MATCH (e:Enterprise {uscc:$u})-[m:MAKES]->(:Product {id:'ZT1-P1'}) WHERE m.share = 0.6 RETURN count(m)",
                Map.of("u", uscc(1)))).isEqualTo(1);
        assertThat(count(neo4j, "MATCH (:Enterprise {uscc:$a})-[s:SUPPLIES {productId:'ZT1-P2', amount:1000.0}]->(:Enterprise {uscc:$b}) RETURN count(s)",
                Map.of("a", uscc(2), "b", uscc(3)))).isEqualTo(1);
        assertThat(count(neo4j, "MATCH (:Institution {id:'ZT1-I1', type:'KEY_LAB', level:'NATIONAL'})-[:RESEARCHES]->(x) RETURN count(x)")).isEqualTo(2);
        assertThat(count(neo4j, "MATCH (:Institution {id:'ZT1-I1'})-[c:COOPERATES_WITH {since:2021}]->(:Enterprise {uscc:$u}) RETURN count(c)",
                Map.of("u", uscc(2)))).isEqualTo(1);
        assertThat(count(neo4j, """
                MATCH (p:Project {id:'ZT1-PJ1', stage:'STARTED', plannedInvestmentYi:50.0, responsible:'张三', chainId:'ZT1'})
                WHERE p.startedOn = date('2025-07-15')
                MATCH (p)-[:TARGETS]->(:Enterprise {uscc:$u}) MATCH (p)-[:IN_SEGMENT]->(:Segment {id:'ZT1-DOWN'})
                MATCH (p)-[:LOCATED_IN]->(:Region {code:'340104'})
                RETURN count(p)""", Map.of("u", uscc(3)))).isEqualTo(1);
    }

    @Test
    void reimportingTheSameFilesUpdatesAndNeverDuplicates() {
        importSmallChain(client);
        String census = """
                MATCH (n) WHERE n.id STARTS WITH 'ZT1' OR n.uscc STARTS WITH '91340104970'
                OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) * 100000 + count(r)""";
        long before = count(neo4j, census);
        List<JsonNode> again = importSmallChain(client);
        assertThat(again).allSatisfy(j -> assertThat(j.get("phase").asString()).isEqualTo("DONE"));
        assertThat(count(neo4j, census)).isEqualTo(before);
        // an update changes values in place
        JsonNode upd = client.run("enterprises", "e.csv", csv("统一社会信用代码,企业名称,行政区划代码,营业收入(万元)\n"
                + uscc(1) + ",测试原料有限公司,340104,99\n"));
        assertThat(upd.get("phase").asString()).isEqualTo("DONE");
        assertThat(count(neo4j, "MATCH (e:Enterprise {uscc:$u, revenue: 99.0}) RETURN count(e)", Map.of("u", uscc(1)))).isEqualTo(1);
        assertThat(count(neo4j, census)).isEqualTo(before);
    }

    @Test
    void enterpriseNamesResolveToOneOrAreReportedAmbiguousOrUnknown() {
        importSmallChain(client);
        client.run("enterprises", "twins.csv", csv("统一社会信用代码,企业名称,简称,行政区划代码\n"
                + uscc(4) + ",双胞胎甲有限公司,双胞胎,340104\n" + uscc(5) + ",双胞胎乙有限公司,双胞胎,340104\n"));
        JsonNode job = client.run("enterprise-segments", "m.csv", csv("企业,环节编号\n"
                + "双胞胎,ZT1-UP\n"                    // row 2: ambiguous short name
                + "不存在的公司,ZT1-UP\n"                // row 3: unknown
                + "双胞胎甲有限公司,ZT1-UP\n"             // row 4: full name: fine
                + " 测试原料有限公司 ,ZT1-UP\n"           // row 5: fine after trimming
                + uscc(6) + ",ZT1-UP\n"));            // row 6: valid USCC, not in the database
        assertThat(job.get("phase").asString()).isEqualTo("REJECTED");
        Map<Integer, String> reasons = reasons(job);
        assertThat(reasons).containsOnlyKeys(2, 3, 6);
        assertThat(reasons.get(2)).contains("不唯一").contains(uscc(4)).contains(uscc(5));
        assertThat(reasons.get(3)).contains("未找到");
        assertThat(reasons.get(6)).contains("未找到");
    }

    @Test
    void uploadProblemsAreProblemDetails() {
        assertThat(client.upload("nonsense", "x.csv", csv("a\n1\n"), false).status()).isEqualTo(404);
        var empty = client.upload("enterprises", "x.csv", new byte[0], false);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asString()).contains("文件为空");
        assertThat(client.api().get("/api/import/jobs/nope").status()).isEqualTo(404);
        assertThat(client.api().get("/api/import/templates/enterprises.pdf").status()).isEqualTo(400);
        assertThat(client.api().ok("/api/import/formats").size()).isEqualTo(ImportFormats.ALL.size());
    }

    static Map<Integer, String> reasons(JsonNode job) {
        Map<Integer, String> m = new java.util.TreeMap<>();
        job.get("result").get("problems").forEach(p -> m.merge(p.get("row").asInt(),
                p.get("header").asString() + ": " + p.get("reason").asString(), (a, b) -> a + " | " + b));
        return m;
    }
}
