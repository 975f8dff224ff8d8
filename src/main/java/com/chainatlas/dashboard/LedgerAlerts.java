package com.chainatlas.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.chainatlas.dashboard.DashboardModel.Alert;
import com.chainatlas.project.LeadFacts;
import com.chainatlas.project.LedgerSettings;
import com.chainatlas.project.ProjectFacts;
import com.chainatlas.project.ProjectStage;
import com.chainatlas.project.ProjectStatus;

/**
 * The alerts of the weekly meeting at a given instant. Only projects being worked (推进中) alert: a suspended (暂缓)
 * or terminated (终止) project is stopped on purpose and has no due date; only open leads (新线索, 跟进中) alert —
 * a converted lead alerts as its project. An alert is raised the day after its due date (days overdue ≥ 1).
 */
final class LedgerAlerts {

    static final String PROJECT = "PROJECT";
    static final String LEAD = "LEAD";

    private LedgerAlerts() {
    }

    /** Every alert, most overdue first. */
    static List<Alert> of(List<ProjectFacts> projects, List<LeadFacts> leads, Instant now, ZoneId zone,
                          LedgerSettings s) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Alert> out = new ArrayList<>();
        for (ProjectFacts p : projects) {
            if (p.status() == ProjectStatus.ACTIVE) {
                project(p, today, zone, s, out);
            }
        }
        for (LeadFacts l : leads) {
            if ("NEW".equals(l.status()) || "FOLLOWING".equals(l.status())) {
                lead(l, today, zone, s, out);
            }
        }
        out.sort(Comparator.comparingLong(Alert::daysOverdue).reversed().thenComparing(Alert::kind)
                .thenComparing(a -> a.name() == null ? "" : a.name()).thenComparing(Alert::subjectId));
        return out;
    }

    private static void project(ProjectFacts p, LocalDate today, ZoneId zone, LedgerSettings s, List<Alert> out) {
        // the milestone the project is waiting for: the first of 开工, 投产, 达产 it has not reached
        milestone(p, RateKind.START, AlertKind.SIGNED_NOT_STARTED, today, s, out);
        milestone(p, RateKind.PRODUCTION, AlertKind.STARTED_NOT_IN_PRODUCTION, today, s, out);
        milestone(p, RateKind.CAPACITY, AlertKind.NOT_AT_CAPACITY, today, s, out);
        if (p.nextActionDate() != null && p.nextActionDate().isBefore(today)) {
            String what = "计划于 " + p.nextActionDate() + " 完成下一步，已逾期";
            out.add(projectAlert(p, AlertKind.NEXT_ACTION_PASSED, p.nextActionDate(), today, what));
        }
        if (p.lastUpdatedAt() != null) {
            LocalDate updated = LocalDate.ofInstant(p.lastUpdatedAt(), zone);
            LocalDate due = updated.plusDays(s.updateStaleDays());
            if (today.isAfter(due)) {
                out.add(projectAlert(p, AlertKind.ENTRY_STALE, due, today, "台账最后更新于 " + updated + "，超过 "
                        + s.updateStaleDays() + " 天未更新（台账应每月更新）"));
            }
        }
    }

    private static void milestone(ProjectFacts p, RateKind k, AlertKind kind, LocalDate today, LedgerSettings s,
                                  List<Alert> out) {
        LocalDate entered = p.dateOf(k.entry);
        if (entered == null || p.dateOf(k.goal) != null || reachedBeyond(p, k.goal)) {
            return;
        }
        LocalDate due = entered.plusMonths(k.months(s));
        if (today.isAfter(due)) {
            out.add(projectAlert(p, kind, due, today, entered + " " + k.entry.zh() + "，已超过 " + k.months(s) + " 个月未"
                    + k.goal.zh() + "（应于 " + due + " 前" + k.goal.zh() + "）"));
        }
    }

    /** A stage beyond {@code goal} was reached (e.g. a date for 开工 missing but 投产 recorded): not waiting for it. */
    private static boolean reachedBeyond(ProjectFacts p, ProjectStage goal) {
        return p.stage().compareTo(goal) > 0;
    }

    private static Alert projectAlert(ProjectFacts p, AlertKind kind, LocalDate due, LocalDate today, String message) {
        return new Alert(kind, kind.zh(), PROJECT, p.id(), p.name(), p.regionCode(), p.responsible(), p.department(),
                due, ChronoUnit.DAYS.between(due, today), message);
    }

    private static void lead(LeadFacts l, LocalDate today, ZoneId zone, LedgerSettings s, List<Alert> out) {
        if (l.nextActionDate() != null && l.nextActionDate().isBefore(today)) {
            out.add(leadAlert(l, AlertKind.NEXT_ACTION_PASSED, l.nextActionDate(), today,
                    "计划于 " + l.nextActionDate() + " 跟进下一步，已逾期"));
        }
        Instant last = l.lastContactAt() != null ? l.lastContactAt() : l.createdAt();
        if (last != null) {
            LocalDate day = LocalDate.ofInstant(last, zone);
            LocalDate due = day.plusDays(s.leadStaleDays());
            if (today.isAfter(due)) {
                String since = l.lastContactAt() != null ? "最近一次联系在 " + day : "登记于 " + day + " 后从未联系";
                out.add(leadAlert(l, AlertKind.LEAD_STALE, due, today, since + "，超过 " + s.leadStaleDays() + " 天未跟进"));
            }
        }
    }

    private static Alert leadAlert(LeadFacts l, AlertKind kind, LocalDate due, LocalDate today, String message) {
        return new Alert(kind, kind.zh(), LEAD, l.id(), l.enterpriseName(), l.regionCode(), l.responsible(),
                l.department(), due, ChronoUnit.DAYS.between(due, today), message);
    }
}
