package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.Reason;
import com.chainatlas.analysis.DiagnosisModel.RegionRef;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;
import com.chainatlas.chain.Stage;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.region.RegionLevel;

import org.junit.jupiter.api.Test;

/**
 * A real chain without any revenue: the A-share listed companies ({@code ../shared/data}, never committed; skipped
 * when absent) as enterprises, 申万2021 level-3 industries of one level-1 industry as segments (level 2 as their
 * parents), {@code industry_up.json} as FEEDS (mutual pairs such as 配电设备 ⇄ 输变电设备 included), the company's
 * province as its region. Writes the diagnosis of one province, verdict by verdict, to
 * {@code target/real-data-diagnosis.txt}, and checks over every province of three chains that no verdict rests
 * on revenue nobody gave.
 */
class RealDataDiagnosisTest {

    private static final Path DATA = Path.of(System.getProperty("chainatlas.shared-data", "../shared/data"));

    private final RegionCatalog regions = new RegionCatalog();
    private ListedCompanies listed;

    @Test
    void listedCompaniesWithoutRevenue() throws IOException {
        assumeTrue(ListedCompanies.available(DATA), "no ../shared/data here");
        DiagnosisEngine engine = new DiagnosisEngine(code -> regions.exists(code) ? regions.fullName(code) : code);
        DiagnosisSettings cfg = DiagnosisSettings.defaults();
        StringBuilder out = new StringBuilder();

        ChainSnapshot power = snapshot("63", "电力设备");
        assertThat(power.flows.mutualGroups).isNotEmpty(); // 配电设备 ⇄ 输变电设备
        Diagnosis jiangsu = diagnose(engine, power, "320000", cfg);
        out.append(readAloud(jiangsu));

        int strongByLeader = 0;
        int provinceByRevenue = 0;
        int strong = 0;
        int judged = 0;
        for (String[] chain : List.of(new String[]{"63", "电力设备"}, new String[]{"64", "机械设备"},
                new String[]{"28", "汽车"})) {
            ChainSnapshot s = snapshot(chain[0], chain[1]);
            for (Region p : regions.ofLevel(RegionLevel.PROVINCE)) {
                Diagnosis d = diagnose(engine, s, p.code(), cfg);
                judged++;
                for (SegmentDiagnosis g : d.segments()) {
                    strong += g.verdict() == Verdict.STRONG ? 1 : 0;
                    for (Reason r : g.reasons()) {
                        strongByLeader += r.rule() == Rule.NATIONAL_LEADER_LOCAL && r.about().equals("STRONG") ? 1 : 0;
                        provinceByRevenue += r.rule() == Rule.CONCENTRATED_PROVINCE && r.zh().contains("营收 ") ? 1 : 0;
                    }
                }
                assertThat(d.leaders()).allSatisfy(l -> assertThat(l.score()).isPositive());
                assertThat(d.figures().localRevenue()).isNull();
            }
        }
        out.append("\n").append(judged).append(" province × chain diagnoses (电力设备, 机械设备, 汽车): ").append(strong)
                .append(" STRONG segment verdicts, ").append(strongByLeader).append(" of them by NATIONAL_LEADER_LOCAL; ")
                .append(provinceByRevenue).append(" province-concentration reasons claiming 营收\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/real-data-diagnosis.txt"), out, StandardCharsets.UTF_8);
        System.out.println(out);
        assertThat(strongByLeader).isZero();
        assertThat(provinceByRevenue).isZero();
    }

    private static Diagnosis diagnose(DiagnosisEngine engine, ChainSnapshot s, String province, DiagnosisSettings cfg) {
        return engine.diagnose(s, RegionScope.of(s, new RegionRef(province, province, "PROVINCE", province), null), cfg);
    }

    /** The diagnosis as one would read it in a meeting: chain figures, then every segment with its reasons. */
    static String readAloud(Diagnosis d) {
        StringBuilder b = new StringBuilder();
        var f = d.figures();
        b.append(d.chainName()).append(" · ").append(d.region().code()).append('\n')
                .append("本地企业 ").append(f.localEnterprises()).append(" 家（全国 ").append(f.nationalEnterprises())
                .append("）；营收：").append(f.localRevenue() == null ? "未知" : f.localRevenue()).append("（已知 ")
                .append(f.localRevenueKnown()).append(" 家）；完整度 ").append(Reasons.pct(f.completeness()))
                .append("（").append(f.coveredLeafSegments()).append("/").append(f.leafSegments()).append(" 个末级环节）\n")
                .append("说明：").append(f.revenueNoteZh()).append('\n')
                .append("互供环节组：").append(f.mutualFlowGroups()).append('\n')
                .append("链主（").append(d.leaderBasis().zh()).append("）：").append(d.leadersNoteZh()).append("；")
                .append(d.leaders().size()).append(" 家\n");
        for (SegmentDiagnosis s : d.segments()) {
            if (!s.leaf()) {
                continue;
            }
            b.append("- ").append(s.name()).append("：").append(s.verdictZh()).append(s.flags().isEmpty() ? ""
                    : " " + s.flags().stream().map(Flag::zh).toList()).append("（本地 ").append(s.figures().localEnterprises())
                    .append(" / 全国 ").append(s.figures().nationalEnterprises()).append(" 家，区位熵 ")
                    .append(s.figures().lqByCount() == null ? "—" : Reasons.f2(s.figures().lqByCount())).append("）\n");
            for (Reason r : s.reasons()) {
                b.append("    · [").append(r.about()).append(' ').append(r.rule()).append("] ").append(r.zh()).append('\n');
            }
        }
        return b.toString();
    }

    /** One level-1 industry (code prefix) as a chain: level-2 parents, level-3 leaves, FEEDS among leaves. */
    private ChainSnapshot snapshot(String prefix, String chainName) throws IOException {
        ListedCompanies data = listed();
        SnapshotBuilder b = new SnapshotBuilder("SW" + prefix, chainName);
        Map<String, String> leafByName = new LinkedHashMap<>();
        for (ListedCompanies.Industry i : data.industries()) {
            if (!i.code().startsWith(prefix) || i.level1()) {
                continue;
            }
            b.segment(i.code(), i.name(), Stage.MIDSTREAM, false, 3, i.level2() ? null : i.parentCode());
            if (!i.level2()) {
                leafByName.put(i.name(), i.code());
            }
        }
        for (ListedCompanies.Upstream u : data.upstream()) {
            String to = leafByName.get(u.to());
            String from = leafByName.get(u.from());
            if (to != null && from != null && !from.equals(to)) {
                b.flow(from, to, false);
            }
        }
        for (ListedCompanies.Company c : data.companies()) {
            if (c.swCode().startsWith(prefix) && c.regionCode() != null) {
                // listed companies have no USCC here; the stock code stands in as the key; no revenue column
                b.enterprise("A" + c.code(), c.fullName(), c.regionCode(), null, null).membership("A" + c.code(),
                        c.swCode());
            }
        }
        return b.build(1);
    }

    private ListedCompanies listed() throws IOException {
        if (listed == null) {
            listed = ListedCompanies.read(DATA);
        }
        return listed;
    }
}
