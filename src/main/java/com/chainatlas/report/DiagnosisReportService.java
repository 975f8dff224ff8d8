package com.chainatlas.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;
import com.chainatlas.analysis.DiagnosisService;
import com.chainatlas.analysis.DiagnosisSettings;
import com.chainatlas.analysis.Verdict;
import com.chainatlas.chain.ChainModel.Chain;
import com.chainatlas.chain.ChainService;
import com.chainatlas.innovation.Pairing;
import com.chainatlas.innovation.ResearchPairing;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.targeting.TargetModel.TargetQuery;
import com.chainatlas.targeting.TargetModel.TargetRow;
import com.chainatlas.targeting.TargetService;
import com.chainatlas.targeting.TargetWeights;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 诊断报告 of one chain for one region: gathers the diagnosis, the top targets (default preset), the R&D
 * pairing of the missing and weak segments and what was unknown, then writes the Word document.
 */
@Service
@Transactional(readOnly = true) // a read transaction: served by any cluster member
class DiagnosisReportService {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int TOP_TARGETS = 20;
    static final int INSTITUTIONS_PER_SEGMENT = 3;

    private final DiagnosisService diagnosis;
    private final ChainService chains;
    private final TargetService targets;
    private final ResearchPairing pairing;
    private final RegionCatalog regions;
    private final Neo4jClient neo4j;

    DiagnosisReportService(DiagnosisService diagnosis, ChainService chains, TargetService targets, ResearchPairing pairing,
                           RegionCatalog regions, Neo4jClient neo4j) {
        this.diagnosis = diagnosis;
        this.chains = chains;
        this.targets = targets;
        this.pairing = pairing;
        this.regions = regions;
        this.neo4j = neo4j;
    }

    /** Validates the request (400/404 problems) and gathers the report's content; nothing is written yet. */
    ReportContent content(String chainId, String regionCode, String zone) {
        if (chainId == null || chainId.isBlank() || regionCode == null || regionCode.isBlank()) {
            throw ApiProblem.badRequest("请指定产业链 chain 和地区 region", "chain and region are required");
        }
        if (chainId.length() > 100 || (zone != null && zone.length() > 200)) {
            throw ApiProblem.badRequest("参数过长", "parameter too long");
        }
        if (!regionCode.strip().matches("\\d{6}")) {
            throw ApiProblem.badRequest("行政区划代码须为 6 位数字: " + regionCode, "Region code must be 6 digits: " + regionCode);
        }
        Chain chain = chains.chain(chainId.strip());
        Region region = regions.find(regionCode.strip()).orElseThrow(() -> ApiProblem.notFound("行政区划", "Region", regionCode));
        Diagnosis d = diagnosis.diagnose(chain.id(), region.code(), zone, DiagnosisSettings.Overrides.none());
        TargetService.Ranking ranking = targets.rankAll(new TargetQuery(chain.id(), region.code(), zone, null, null, null,
                null, null, null, null, null));
        List<TargetRow> top = ranking.rows().subList(0, Math.min(TOP_TARGETS, ranking.rows().size()));
        List<String> weak = d.segments().stream().filter(SegmentDiagnosis::leaf)
                .filter(s -> s.verdict() == Verdict.MISSING || s.verdict() == Verdict.WEAK)
                .map(SegmentDiagnosis::segmentId).limit(ResearchPairing.MAX_SEGMENTS).toList();
        Pairing.Report pairs = weak.isEmpty() ? null : pairing.pair(chain.id(), region.code(), weak, INSTITUTIONS_PER_SEGMENT);
        return new ReportContent(d, chain.sample(), top, ranking.rows().size(), presetText(ranking), pairs,
                unknownNotes(d, region, ranking), ZonedDateTime.now(ZONE));
    }

    void write(ReportContent content, OutputStream out) throws IOException {
        DiagnosisDocx.write(content, out);
    }

    private static String presetText(TargetService.Ranking r) {
        TargetWeights.Preset p = TargetWeights.presets().get(r.preset());
        return p == null ? "自定义" : p.name();
    }

    /** What nobody gave, said in figures, so a reader knows which conclusions rest on counts alone. */
    private List<String> unknownNotes(Diagnosis d, Region region, TargetService.Ranking ranking) {
        List<String> notes = new ArrayList<>();
        Map<String, Object> local = neo4j.query("""
                MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment {chainId: $chain})
                WHERE e.regionCode STARTS WITH $prefix
                WITH DISTINCT e
                RETURN count(e) AS total, count(e.revenue) AS withRevenue, count(e.employees) AS withEmployees
                """).bindAll(Map.of("chain", d.chainId(), "prefix", region.prefix())).fetch().one().orElse(Map.of());
        long total = ((Number) local.getOrDefault("total", 0L)).longValue();
        long withRevenue = ((Number) local.getOrDefault("withRevenue", 0L)).longValue();
        if (total == 0) {
            notes.add("本地没有该产业链的企业，所有环节均为空白。");
        } else if (withRevenue < total) {
            notes.add("本地 " + total + " 家企业中 " + (total - withRevenue) + " 家未提供营业收入：营收合计只加总已知数值，"
                    + (withRevenue == 0 ? "按营收的指标均为未知，结论只依据企业数。" : "按营收的指标只反映已知营收的企业。"));
        } else {
            notes.add("本地 " + total + " 家企业均有营业收入数据。");
        }
        var s = d.figures().sourcing();
        if (s == null || s.relations() == 0) {
            notes.add("没有本地企业的采购关系数据，本地配套率未知。");
        } else if (s.relationsWithAmount() < s.relations()) {
            notes.add("本地企业的 " + s.relations() + " 条采购关系中 " + (s.relations() - s.relationsWithAmount())
                    + " 条没有金额，按金额的本地配套率只依据有金额的关系。");
        }
        long noRevenue = ranking.rows().stream().filter(r -> r.revenue() == null).count();
        long noPatents = ranking.rows().stream().filter(r -> r.patents() == null).count();
        if (noRevenue > 0 || noPatents > 0) {
            notes.add("招商候选 " + ranking.rows().size() + " 家中营收未知 " + noRevenue + " 家、专利数未知 " + noPatents
                    + " 家：评分只用已知数值，未知项不按 0 计，并在入选理由中注明。");
        }
        notes.add("报告中“未知”或“—”表示没有人提供该数值或无法计算，不是 0。");
        return notes;
    }
}
