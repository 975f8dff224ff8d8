package com.chainatlas.dashboard;

import java.util.List;
import java.util.function.BiFunction;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.dashboard.DashboardModel.Dashboard;
import com.chainatlas.dashboard.DashboardModel.GapSegment;
import com.chainatlas.project.LeadFacts;
import com.chainatlas.project.ProjectFacts;

/**
 * A cached dashboard: the ledger part (valid for one ledger version and office day) and what its gaps are counted
 * from. The gaps also depend on the chain diagnoses, which change with snapshots, not with the ledger: they are
 * recounted when a diagnosis is a different one than last time (the analysis hands out the same object while its
 * snapshot stands), else reused.
 */
final class DashboardEntry {

    private record Gaps(List<Diagnosis> basis, List<GapSegment> segments) {
    }

    private final Dashboard core;
    private final String regionCode;
    private final List<String> gapChains;
    private final List<ProjectFacts> projects;
    private final List<LeadFacts> leads;
    private volatile Gaps gaps;

    DashboardEntry(Dashboard core, String regionCode, List<String> gapChains, List<ProjectFacts> projects,
                   List<LeadFacts> leads) {
        this.core = core;
        this.regionCode = regionCode;
        this.gapChains = gapChains;
        this.projects = projects;
        this.leads = leads;
    }

    /** The dashboard with the gaps of the current diagnoses ({@code diagnoses}: region, chains → diagnoses). */
    Dashboard dashboard(BiFunction<String, List<String>, List<Diagnosis>> diagnoses) {
        List<Diagnosis> now = diagnoses.apply(regionCode, gapChains);
        Gaps g = gaps;
        if (g == null || !same(g.basis(), now)) {
            g = new Gaps(now, DashboardService.gaps(now, projects, leads));
            gaps = g;
        }
        Dashboard c = core;
        return new Dashboard(c.region(), c.chainId(), c.period(), c.stages(), c.terminated(), c.rates(), c.trend(),
                c.subRegions(), c.overdue(), c.overdueTotal(), g.segments(), c.peers(), c.notesZh());
    }

    private static boolean same(List<Diagnosis> a, List<Diagnosis> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
