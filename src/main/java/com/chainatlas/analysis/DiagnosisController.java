package com.chainatlas.analysis;

import java.util.List;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.PeerComparison;
import com.chainatlas.analysis.DiagnosisModel.SegmentDetail;
import com.chainatlas.analysis.DiagnosisModel.SegmentRanking;
import com.chainatlas.analysis.DiagnosisModel.SnapshotInfo;
import com.chainatlas.region.RegionLevel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chain diagnosis API. Every threshold of {@link DiagnosisSettings} can be overridden with a query parameter of
 * the same name (e.g. {@code &minEnterprises=5&weakLq=0.8}); the response's {@code settings} says what was used.
 */
@RestController
@Tag(name = "diagnosis", description = "产业链诊断: 补链 强链 延链, 关键环节与卡脖子, 同级对标, 全国排名")
class DiagnosisController {

    private final DiagnosisService diagnosis;
    private final com.chainatlas.system.ExpensiveRequests expensive;

    DiagnosisController(DiagnosisService diagnosis, com.chainatlas.system.ExpensiveRequests expensive) {
        this.diagnosis = diagnosis;
        this.expensive = expensive;
    }

    @GetMapping("/api/diagnosis")
    @Operation(summary = "Diagnose a chain for a region (sub-regions included) and optionally one development zone",
            description = "Per segment: local/national counts and revenue, shares, location quotients, verdict "
                    + "(MISSING 空白, WEAK 薄弱, PRESENT 一般, STRONG 优势), flags (EXTEND 延链, CRITICAL 关键, "
                    + "DEPENDENCY 卡脖子) and the rules that fired in Chinese and English. Chain figures: completeness, "
                    + "本地配套率, 链主. region=000000 is the whole nation.")
    Diagnosis diagnose(@Parameter(example = "NEV") @RequestParam String chain,
                       @Parameter(example = "340100") @RequestParam String region,
                       @Parameter(description = "开发区 name as stored on enterprises") @RequestParam(required = false) String zone,
                       @Parameter(description = "截至日期 YYYY-MM-DD: only enterprises that had entered by then (founded, or listed where only that is known); undated ones are left out and counted in snapshot.asOf; a later date than today counts as today") @RequestParam(required = false) String asOf,
                       @ParameterObject DiagnosisSettings.Overrides overrides) {
        // cached diagnoses answer at once; only a computation takes one of the "diagnosis" places
        return diagnosis.diagnose(chain, region, zone, overrides, AsOfSnapshots.parse(asOf), expensive.gate("diagnosis"));
    }

    @GetMapping("/api/diagnosis/segments/{segmentId}")
    @Operation(summary = "One segment in depth: figures, reasons, local enterprises, the outside suppliers local "
            + "enterprises depend on, national leaders")
    SegmentDetail segment(@PathVariable String segmentId,
                          @Parameter(example = "340100") @RequestParam String region,
                          @RequestParam(required = false) String chain,
                          @RequestParam(required = false) String zone,
                          @RequestParam(defaultValue = "100") int limit,
                          @RequestParam(required = false) String asOf,
                          @ParameterObject DiagnosisSettings.Overrides overrides) {
        return diagnosis.segment(segmentId, chain, region, zone, overrides, limit, AsOfSnapshots.parse(asOf));
    }

    @GetMapping("/api/diagnosis/peers")
    @Operation(summary = "Peer comparison (同级对标): chain figures and per-segment verdicts of several regions",
            description = "Either peers=code,code,… or the regions of `level` (default: the region's) within `within` "
                    + "(default: the region's parent; 000000 = nation), top `top` by chain revenue. The region comes first.")
    PeerComparison peers(@RequestParam String chain, @RequestParam String region,
                         @RequestParam(required = false) List<String> peers,
                         @RequestParam(required = false) RegionLevel level,
                         @RequestParam(required = false) String within,
                         @RequestParam(defaultValue = "10") int top,
                         @RequestParam(required = false) String asOf,
                         @ParameterObject DiagnosisSettings.Overrides overrides) {
        return expensive.call("diagnosis", () -> diagnosis.peers(chain, region, peers, level, within, top, overrides,
                AsOfSnapshots.parse(asOf)));
    }

    @GetMapping("/api/diagnosis/ranking")
    @Operation(summary = "National ranking of regions of one level for one segment (count, revenue, share, LQ)")
    SegmentRanking ranking(@RequestParam String chain, @RequestParam String segment,
                           @RequestParam(defaultValue = "PROVINCE") RegionLevel level,
                           @RequestParam(defaultValue = "100") int limit,
                           @RequestParam(required = false) String asOf) {
        return diagnosis.ranking(chain, segment, level, limit, AsOfSnapshots.parse(asOf));
    }

    @GetMapping("/api/snapshots")
    @Operation(summary = "Analysis snapshots built so far, with version, build time and size")
    List<SnapshotInfo> snapshots() {
        return diagnosis.snapshots();
    }

    @PostMapping("/api/snapshots/{chainId}/refresh")
    @Operation(summary = "Rebuild a chain's analysis snapshot now (after an import)")
    SnapshotInfo refresh(@PathVariable String chainId) {
        return diagnosis.refresh(chainId);
    }
}
