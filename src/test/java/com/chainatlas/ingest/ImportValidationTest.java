package com.chainatlas.ingest;

import static com.chainatlas.ingest.ImportApiTest.reasons;
import static com.chainatlas.ingest.ImportClient.csv;
import static com.chainatlas.ingest.TestGraph.count;
import static com.chainatlas.ingest.TestGraph.uscc;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.Map;

import com.chainatlas.enterprise.Uscc;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every validation rule with a failing row; a rejected file writes nothing. */
@ChainAtlasIntegrationTest
class ImportValidationTest extends ImportHttpTestBase {

    private long testNodes() {
        return count(neo4j, "MATCH (n) WHERE n.id STARTS WITH 'ZT' OR n.uscc STARTS WITH '91340104970' RETURN count(n)");
    }

    private Map<Integer, String> rejected(String format, String text) {
        long before = testNodes();
        JsonNode job = client.run(format, format + ".csv", csv(text));
        assertThat(job.get("phase").asString()).as(job.toString()).isEqualTo("REJECTED");
        assertThat(job.get("result").get("written").asBoolean()).isFalse();
        assertThat(testNodes()).as("nothing written").isEqualTo(before);
        return reasons(job);
    }

    @Test
    void enterpriseRowsFailOnEveryFieldRule() {
        String good = uscc(1);
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        String future = java.time.LocalDate.now().plusDays(10).toString();
        Map<Integer, String> r = rejected("enterprises", String.join("\n",
                "统一社会信用代码,企业名称,行政区划代码,营业收入(万元),从业人数,成立日期,专利数,备注",
                good + ",正常企业,340104,\"1,200\",10,2020-01-01,４５,忽略的列",      // 2 ok (full-width digits)
                badCheck + ",校验位错,340104,,,,,",                                   // 3 check char
                "91340104MA2N,位数不对,340104,,,,,",                                  // 4 length
                uscc(2) + ",区划不存在,999999,,,,,",                                    // 5 region unknown
                uscc(3) + ",区划格式,3401,,,,,",                                      // 6 region format
                uscc(4) + ",,340104,,,,,",                                           // 7 name required
                uscc(5) + ",收入非数字,340104,abc,,,,",                                 // 8 number
                uscc(6) + ",收入为负,340104,-5,,,,",                                   // 9 negative
                uscc(7) + ",千分位错,340104,\"1,23\",,,,",                              // 10 thousands separator
                uscc(8) + ",人数非整数,340104,,3.5,,,",                                 // 11 integer
                uscc(9) + ",日期不存在,340104,,,2021-02-30,,",                          // 12 date
                uscc(10) + ",日期在未来,340104,,,"  + future + ",,",                    // 13 future date
                good + ",重复企业,340104,,,,,",                                       // 14 duplicate of row 2
                uscc(11) + ",引号\"错,340104,,,,,",                                     // 15 bad quoting
                uscc(12) + ",单位换算,340104,3亿元,,2020年1月2日,,"));                    // 16 ok
        assertThat(r).containsOnlyKeys(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(r.get(3)).contains("统一社会信用代码").contains("校验位错误");
        assertThat(r.get(4)).contains("18 位");
        assertThat(r.get(5)).contains("行政区划代码不存在");
        assertThat(r.get(6)).contains("6 位数字");
        assertThat(r.get(7)).contains("企业名称").contains("必填");
        assertThat(r.get(8)).contains("不是数字");
        assertThat(r.get(9)).contains("负数");
        assertThat(r.get(10)).contains("千分位");
        assertThat(r.get(11)).contains("整数");
        assertThat(r.get(12)).contains("日期不存在");
        assertThat(r.get(13)).contains("晚于今天");
        assertThat(r.get(14)).contains("与第 2 行重复");
        assertThat(r.get(15)).contains("引号");
    }

    @Test
    void problemsCarryRowColumnValueAndReason() {
        JsonNode job = client.run("enterprises", "e.csv", csv("企业名称,统一社会信用代码,行政区划代码\n甲公司,BAD,340104\n"));
        JsonNode p = job.get("result").get("problems").get(0);
        assertThat(p.get("row").asInt()).isEqualTo(2);
        assertThat(p.get("column").asString()).isEqualTo("B");
        assertThat(p.get("header").asString()).isEqualTo("统一社会信用代码");
        assertThat(p.get("value").asString()).isEqualTo("BAD");
        assertThat(p.get("reason").asString()).contains("18 位");
        var report = client.api().get("/api/import/jobs/" + job.get("id").asString() + "/report.xlsx");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).contains("spreadsheetml");
    }

    @Test
    void headerProblemsAreFileProblems() {
        Map<Integer, String> missing = rejected("enterprises", "企业名称,简称\n甲,乙\n");
        assertThat(missing.get(0)).contains("缺少必填列").contains("行政区划代码").doesNotContain("统一社会信用代码"); // optional: 无信用代码
        Map<Integer, String> wrongKind = rejected("enterprises", "foo,bar\n1,2\n");
        assertThat(wrongKind.get(0)).contains("选错了导入类型");
        Map<Integer, String> unit = rejected("enterprises", "统一社会信用代码,企业名称,行政区划代码,营业收入(元)\n" + uscc(1) + ",甲,340104,1\n");
        assertThat(unit.get(0)).contains("单位应为 万元");
        Map<Integer, String> headerOnly = rejected("enterprises", "统一社会信用代码,企业名称,行政区划代码\n");
        assertThat(headerOnly.get(0)).contains("没有数据行");
        // English keys are accepted as headers, in any order
        JsonNode ok = client.run("enterprises", "en.csv", csv("regionCode,name,uscc\n340104,English Header Co,"
                + uscc(1) + "\n"));
        assertThat(ok.get("phase").asString()).isEqualTo("DONE");
    }

    @Test
    void chainFilesFailOnReferencesChoicesRangesAndCycles() {
        client.run("chains", "c.csv", csv("产业链编号,名称\nZT2,测试链二\n"));
        Map<Integer, String> seg = rejected("segments", String.join("\n",
                "环节编号,产业链编号,名称,环节位置,关键环节,附加值等级,上级环节",
                "ZT2-A,ZT2,甲,上游,是,3,",           // 2 ok
                "ZT2-B,NOPE,乙,中游,否,3,",           // 3 chain unknown
                "ZT2-C,ZT2,丙,旁游,否,3,",            // 4 stage choice
                "ZT2-D,ZT2,丁,中游,也许,3,",           // 5 boolean
                "ZT2-E,ZT2,戊,中游,否,9,",            // 6 range
                "ZT2-F,ZT2,己,中游,否,3,ZT2-G",       // 7 parent defined only later
                "ZT2-G,ZT2,庚,中游,否,3,ZT2-A",       // 8 ok (parent earlier)
                "ZT2-H,ZT2,辛,中游,否,3,ZT2-H"));     // 9 self parent
        assertThat(seg).containsOnlyKeys(3, 4, 5, 6, 7, 9);
        assertThat(seg.get(3)).contains("未找到产业链");
        assertThat(seg.get(4)).contains("上游、中游、下游");
        assertThat(seg.get(5)).contains("是 或 否");
        assertThat(seg.get(6)).contains("不大于 5");
        assertThat(seg.get(7)).contains("未找到环节 ZT2-G").contains("前面的行");
        assertThat(seg.get(9)).contains("不能是自己");

        client.run("segments", "s.csv", csv("环节编号,产业链编号,名称,环节位置\nZT2-A,ZT2,甲,上游\nZT2-B,ZT2,乙,中游\nZT2-C,ZT2,丙,下游\n"));
        client.run("flows", "f.csv", csv("上游环节,下游环节\nZT2-A,ZT2-B\n"));
        Map<Integer, String> flows = rejected("flows", String.join("\n",
                "上游环节,下游环节,回收流向",
                "ZT2-B,ZT2-C,否",      // 2 part of cycle A→B→C→A (A→B stored): a warning only
                "ZT2-C,ZT2-A,否",      // 3 closes the cycle: a warning only
                "ZT2-C,ZT2-C,否",      // 4 self loop
                "ZT2-C,ZT2-X,否"));    // 5 unknown segment
        assertThat(flows).containsOnlyKeys(4, 5);
        assertThat(flows.get(4)).contains("自身");
        assertThat(flows.get(5)).contains("未找到环节");
        // a mutual flow goes in, with a warning per edge on the cycle that the API returns
        JsonNode mutual = client.run("flows", "f1.csv", csv("上游环节,下游环节,回收流向\nZT2-B,ZT2-C,否\nZT2-C,ZT2-A,否\n"));
        assertThat(mutual.get("phase").asString()).as(mutual.toString()).isEqualTo("DONE");
        assertThat(mutual.get("result").get("warningCount").asInt()).isEqualTo(2);
        assertThat(mutual.get("result").get("warnings").get(1).get("row").asInt()).isEqualTo(3);
        assertThat(mutual.get("result").get("warnings").get(1).get("reason").asString()).contains("循环")
                .contains("ZT2-C → ZT2-A → ZT2-B → ZT2-C");
        assertThat(mutual.get("reportXlsx").isNull()).isFalse();
        neo4j.query("MATCH (:Segment {id: 'ZT2-C'})-[f:FEEDS]->(:Segment {id: 'ZT2-A'}) DELETE f").run();
        // the same cycle with the return flow marked as recycling is fine
        JsonNode ok = client.run("flows", "f2.csv", csv("上游环节,下游环节,回收流向\nZT2-B,ZT2-C,否\nZT2-C,ZT2-A,是\n"));
        assertThat(ok.get("phase").asString()).as(ok.toString()).isEqualTo("DONE");

        Map<Integer, String> products = rejected("products", String.join("\n",
                "产品编号,名称,所属环节,产业链编号,投入品",
                "ZT2-P1,一,ZT2-A,,",             // 2 ok
                "ZT2-P2,二,ZT2-Q,,",             // 3 segment unknown
                "ZT2-P3,三,ZT2-B,NEV,",          // 4 chain mismatch
                "ZT2-P4,四,ZT2-B,,ZT2-P1;ZT2-P9", // 5 input unknown
                "ZT2-P5,五,ZT2-B,,ZT2-P5"));     // 6 own input
        assertThat(products).containsOnlyKeys(3, 4, 5, 6);
        assertThat(products.get(4)).contains("与此列不符");
        assertThat(products.get(5)).contains("ZT2-P9").doesNotContain("ZT2-P1");
    }

    @Test
    void relationFilesFailOnTheirRules() {
        client.run("chains", "c.csv", csv("产业链编号,名称\nZT3,测试链三\n"));
        client.run("segments", "s.csv", csv("环节编号,产业链编号,名称,环节位置\nZT3-A,ZT3,甲,上游\n"));
        client.run("products", "p.csv", csv("产品编号,名称,所属环节\nZT3-P1,一,ZT3-A\n"));
        client.run("technologies", "t.csv", csv("技术编号,产业链编号,名称\nZT3-T1,ZT3,技术\n"));
        client.run("enterprises", "e.csv", csv("统一社会信用代码,企业名称,简称,行政区划代码\n"
                + uscc(1) + ",甲有限公司,甲,340104\n" + uscc(2) + ",乙有限公司,乙,340104\n"));
        Map<Integer, String> supplies = rejected("supplies",
                "供应商,客户,产品编号,年供货金额(万元)\n甲,甲,,\n甲,乙,ZT3-P9,\n甲,乙,,一百\n乙,甲,,1\n乙,甲有限公司,,2\n");
        assertThat(supplies).containsOnlyKeys(2, 3, 4, 6);
        assertThat(supplies.get(2)).contains("同一家企业");
        assertThat(supplies.get(3)).contains("未找到产品");
        assertThat(supplies.get(4)).contains("不是数字");
        assertThat(supplies.get(6)).contains("与第 5 行重复");
        Map<Integer, String> makes = rejected("enterprise-products", "企业,产品编号,收入占比\n甲,ZT3-P1,150%\n乙,ZT3-P1,0.5\n");
        assertThat(makes).containsOnlyKeys(2);
        assertThat(makes.get(2)).contains("0–1");
        Map<Integer, String> inst = rejected("institutions", String.join("\n",
                "机构编号,名称,类型,级别,行政区划代码,研发实力,研究技术",
                "ZT3-I1,一所,研究所所,国家级,340104,3,",
                "ZT3-I2,二所,高校,国家级,340104,7,",
                "ZT3-I3,三所,高校,国家级,340104,3,ZT3-T9",
                "ZT3-I4,四所,高校,特级,340104,3,ZT3-T1"));
        assertThat(inst).containsOnlyKeys(2, 3, 4, 5);
        client.run("institutions", "i.csv", csv("机构编号,名称,类型,行政区划代码\nZT3-I1,一所,高校,340104\n"));
        Map<Integer, String> coop = rejected("cooperations", "机构编号,企业,开始年份\nZT3-I1,甲,1800\nZT3-I9,乙,2020\n");
        assertThat(coop).containsOnlyKeys(2, 3);
        assertThat(coop.get(2)).contains("年份");
        assertThat(coop.get(3)).contains("未找到研发机构");
        Map<Integer, String> projects = rejected("projects", String.join("\n",
                "项目编号,项目名称,目标企业,落地区划代码,投资额(亿元),阶段,签约日期,开工日期,投产日期",
                "ZT3-PJ1,缺日期,甲,340104,10,开工,2025-01-01,,",
                "ZT3-PJ2,倒序,甲,340104,10,投产,2025-05-01,2025-03-01,2025-06-01",
                "ZT3-PJ3,超前,甲,340104,10,签约,2025-05-01,2025-06-01,",
                "ZT3-PJ4,正常,甲,340104,10,签约,2025-05-01,,",
                "ZT3-PJ5,未来,甲,340104,10,签约," + java.time.LocalDate.now().plusDays(10) + ",,"));
        assertThat(projects).containsOnlyKeys(2, 3, 4, 6);
        assertThat(projects.get(6)).contains("晚于今天");
        assertThat(projects.get(2)).contains("此日期必填");
        assertThat(projects.get(3)).contains("早于前一阶段");
        assertThat(projects.get(4)).contains("尚未到达");
    }

    @Test
    void oneBadRowAmongTenThousandWritesNothing() {
        StringBuilder sb = new StringBuilder("统一社会信用代码,企业名称,行政区划代码,营业收入(万元)\n");
        for (int i = 0; i < 10_000; i++) {
            String code = i == 7_777 ? "91340104MA2N00000X" : uscc(i);
            sb.append(code).append(",批量企业").append(i).append("有限公司,340104,").append(i).append('\n');
        }
        JsonNode job = client.run("enterprises", "big.csv", csv(sb.toString()));
        assertThat(job.get("phase").asString()).isEqualTo("REJECTED");
        assertThat(job.get("result").get("problemCount").asInt()).isEqualTo(1);
        assertThat(job.get("result").get("problems").get(0).get("row").asInt()).isEqualTo(7_779);
        assertThat(testNodes()).isZero();
    }

    @Test
    void gbkAndUtf8FilesWithTheSameContentImportTheSame() {
        String text = "统一社会信用代码,企业名称,简称,行政区划代码,开发区,标签\n"
                + uscc(1) + ",合肥（测试）　新能源科技有限公司,测试新能源,340104,合肥高新技术产业开发区,专精特新；高新技术企业\n"
                + uscc(2) + ",鑫源智能装备股份有限公司,鑫源,340104,,上市\n";
        String snapshot = """
                MATCH (e:Enterprise) WHERE e.uscc STARTS WITH '91340104970'
                RETURN e.uscc + '|' + e.name + '|' + coalesce(e.shortName, '') + '|' + coalesce(e.zone, '') + '|'
                       + reduce(s = '', t IN e.tags | s + t + ';') AS line ORDER BY line""";
        JsonNode gbk = client.run("enterprises", "gbk.csv", text.getBytes(Charset.forName("GBK")));
        assertThat(gbk.get("result").get("fileKind").asString()).contains("GB18030");
        var fromGbk = java.util.List.copyOf(neo4j.query(snapshot).fetchAs(String.class).all());
        TestGraph.clean(neo4j);
        JsonNode utf8 = client.run("enterprises", "utf8.csv", csv(text));
        assertThat(utf8.get("result").get("fileKind").asString()).contains("UTF-8");
        var fromUtf8 = java.util.List.copyOf(neo4j.query(snapshot).fetchAs(String.class).all());
        assertThat(fromGbk).hasSize(2).isEqualTo(fromUtf8);
        assertThat(fromUtf8.get(0)).contains("合肥(测试)新能源科技有限公司").contains("专精特新;高新技术企业;");
        assertThat(Uscc.isValid(uscc(1))).isTrue();
    }

    @Test
    void dryRunValidatesWithoutWriting() {
        JsonNode job = client.run("enterprises", "e.csv", csv("统一社会信用代码,企业名称,行政区划代码\n" + uscc(1) + ",甲,340104\n"), true);
        assertThat(job.get("phase").asString()).isEqualTo("DONE");
        assertThat(job.get("result").get("written").asBoolean()).isFalse();
        assertThat(testNodes()).isZero();
    }
}
