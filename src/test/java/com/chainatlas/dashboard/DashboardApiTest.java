package com.chainatlas.dashboard;

import static com.chainatlas.dashboard.HandLedger.lead;
import static com.chainatlas.dashboard.HandLedger.project;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;
import com.chainatlas.analysis.DiagnosisService;
import com.chainatlas.analysis.Verdict;
import com.chainatlas.dashboard.DashboardModel.GapSegment;
import com.chainatlas.project.LeadFacts;
import com.chainatlas.project.ProjectFacts;
import com.chainatlas.project.ProjectStatus;
import com.chainatlas.support.Api;
import com.chainatlas.project.LedgerIntegrationTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard API on the real application (embedded Neo4j, demo data, the ledger's settable clock, shared with the
 * ledger tests' context): bad input, gaps on the sample chain, and the figures of a ledger entered through the API.
 */
@LedgerIntegrationTest
class DashboardApiTest {

    @LocalServerPort
    int port;

    @Autowired
    DiagnosisService diagnosis;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/dashboard                                        | 400 | 缺少参数 region",
            "/api/dashboard?region=34a100                           | 400 | 6 位数字",
            "/api/dashboard?region=999999                           | 404 | 未找到行政区划",
            "/api/dashboard?region=340100&from=2026-13-01           | 400 | YYYY-MM-DD",
            "/api/dashboard?region=340100&from=2026-05-01&to=2026-01-01 | 400 | 晚于截止日期",
            "/api/dashboard?region=340100&chain=NOPE               | 404 | 未找到产业链",
            "/api/projects/rates?region=1                          | 400 | 6 位数字",
            "/api/projects/alerts?region=340100&kind=LATE          | 400 | 未知的预警类型",
            "/api/projects/alerts.xlsx?region=340100&kind=LATE     | 400 | 未知的预警类型",
            "/api/projects/alerts.xlsx                             | 400 | 缺少参数 region",
            "/api/ledger/gaps?region=340100                        | 400 | 缺少参数 chain",
            "/api/ledger/gaps?chain=NEV&region=99                  | 400 | 6 位数字",
    })
    void badInputIsAProblemInChinese(String path, int status, String detail) {
        Api.Response r = new Api(port).get(path.strip());
        assertThat(r.status()).as(path).isEqualTo(status);
        assertThat(r.contentType()).contains("problem+json");
        assertThat(r.json().get("detail").asString()).contains(detail);
    }

    @Test
    void gapsOnTheSampleChainCountLeadsAndProjectsOfThatSegmentOnly() {
        Diagnosis d = diagnosis.diagnose("NEV", "340100", null, null);
        SegmentDiagnosis missing = first(d, Verdict.MISSING);
        SegmentDiagnosis weak = first(d, Verdict.WEAK);
        SegmentDiagnosis strong = first(d, Verdict.STRONG);
        List<ProjectFacts> projects = List.of(
                project("P1").segments(missing.segmentId()).signed("2026-01-10").build(),
                project("P2").segments(missing.segmentId(), strong.segmentId()).negotiating("2026-02-01").build(),
                project("P3").segments(missing.segmentId()).negotiating("2026-02-01").build(),
                // terminated: not filling anything any more
                project("P4").segments(missing.segmentId()).signed("2025-01-01").status(ProjectStatus.TERMINATED).build(),
                // another chain's project naming the same segment id does not count
                project("P5").chain("IC").segments(missing.segmentId()).signed("2026-01-10").build());
        List<LeadFacts> leads = List.of(
                lead("L1", "FOLLOWING", weak.segmentId(), null, null, null),
                lead("L2", "DROPPED", weak.segmentId(), null, null, null),
                lead("L3", "CONVERTED", missing.segmentId(), null, null, null));

        List<GapSegment> gaps = LedgerGaps.of(d, projects, leads);

        long expected = d.segments().stream().filter(s -> s.verdict() == Verdict.MISSING || s.verdict() == Verdict.WEAK
                || (s.concentration() != null && s.concentration().chokepoint())).count();
        assertThat(gaps).hasSize((int) expected);
        assertThat(gaps).extracting(GapSegment::segmentId).doesNotContain(strong.segmentId());
        GapSegment m = gaps.stream().filter(g -> g.segmentId().equals(missing.segmentId())).findFirst().orElseThrow();
        assertThat(m.labelZh()).isEqualTo("补链中：签约 1 · 洽谈 2");
        assertThat(m.projects()).isEqualTo(3);
        assertThat(m.leads()).isZero();
        GapSegment w = gaps.stream().filter(g -> g.segmentId().equals(weak.segmentId())).findFirst().orElseThrow();
        assertThat(w.labelZh()).isEqualTo("强链中：线索 1");
        assertThat(gaps).filteredOn(g -> !g.segmentId().equals(missing.segmentId()) && !g.segmentId().equals(weak.segmentId()))
                .allSatisfy(g -> assertThat(g.labelZh()).isNull());
    }

    private static SegmentDiagnosis first(Diagnosis d, Verdict v) {
        return d.segments().stream().filter(s -> s.verdict() == v).findFirst().orElseThrow();
    }

}
