package com.chainatlas.dashboard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;
import com.chainatlas.analysis.Verdict;
import com.chainatlas.dashboard.DashboardModel.GapSegment;
import com.chainatlas.project.LeadFacts;
import com.chainatlas.project.ProjectFacts;
import com.chainatlas.project.ProjectStage;
import com.chainatlas.project.ProjectStatus;

/**
 * "Gaps being filled": the MISSING and WEAK segments of a diagnosis (and 卡脖子 ones, whatever their verdict) with the
 * open leads and the projects that fill them. A project filling several segments counts once in each; terminated
 * projects and closed leads (converted, dropped) do not count — a converted lead counts as its project.
 */
final class LedgerGaps {

    private LedgerGaps() {
    }

    static List<GapSegment> of(Diagnosis d, List<ProjectFacts> projects, List<LeadFacts> leads) {
        String chain = d.chainId();
        List<GapSegment> out = new ArrayList<>();
        for (SegmentDiagnosis s : d.segments()) {
            boolean chokepoint = s.concentration() != null && s.concentration().chokepoint();
            if (s.verdict() != Verdict.MISSING && s.verdict() != Verdict.WEAK && !chokepoint) {
                continue;
            }
            Map<ProjectStage, Integer> byStage = new EnumMap<>(ProjectStage.class);
            int count = 0;
            for (ProjectFacts p : projects) {
                if (chain.equals(p.chainId()) && p.status() != ProjectStatus.TERMINATED
                        && p.segmentIds().contains(s.segmentId())) {
                    byStage.merge(p.stage(), 1, Integer::sum);
                    count++;
                }
            }
            int open = 0;
            for (LeadFacts l : leads) {
                if (chain.equals(l.chainId()) && s.segmentId().equals(l.segmentId())
                        && ("NEW".equals(l.status()) || "FOLLOWING".equals(l.status()))) {
                    open++;
                }
            }
            out.add(new GapSegment(chain, s.segmentId(), s.name(), s.verdict(), s.verdictZh(), chokepoint, s.key(),
                    open, ordered(byStage), count, label(s.verdict(), byStage, open)));
        }
        return List.copyOf(out);
    }

    /** Furthest stage first, as the label reads. */
    private static Map<ProjectStage, Integer> ordered(Map<ProjectStage, Integer> byStage) {
        Map<ProjectStage, Integer> m = new LinkedHashMap<>();
        ProjectStage[] stages = ProjectStage.values();
        for (int i = stages.length - 1; i >= 0; i--) {
            Integer n = byStage.get(stages[i]);
            if (n != null) {
                m.put(stages[i], n);
            }
        }
        return m;
    }

    /**
     * "补链中：签约 1 · 洽谈 2 · 线索 3" — 补链中 for a MISSING segment, 强链中 for a WEAK or 卡脖子 one; null when no
     * lead or project fills it yet (the chain map then shows the verdict alone).
     */
    static String label(Verdict verdict, Map<ProjectStage, Integer> byStage, int leads) {
        List<String> parts = new ArrayList<>();
        ProjectStage[] stages = ProjectStage.values();
        for (int i = stages.length - 1; i >= 0; i--) {
            Integer n = byStage.get(stages[i]);
            if (n != null && n > 0) {
                parts.add(stages[i].zh() + " " + n);
            }
        }
        if (leads > 0) {
            parts.add("线索 " + leads);
        }
        if (parts.isEmpty()) {
            return null;
        }
        return (verdict == Verdict.MISSING ? "补链中：" : "强链中：") + String.join(" · ", parts);
    }
}
