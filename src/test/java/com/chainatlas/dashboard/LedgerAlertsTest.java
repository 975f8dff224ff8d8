package com.chainatlas.dashboard;

import static com.chainatlas.dashboard.HandLedger.SETTINGS;
import static com.chainatlas.dashboard.HandLedger.lead;
import static com.chainatlas.dashboard.HandLedger.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.chainatlas.dashboard.DashboardModel.Alert;
import com.chainatlas.project.LeadFacts;
import com.chainatlas.project.ProjectFacts;
import com.chainatlas.project.ProjectStatus;
import com.chainatlas.system.ClockConfiguration;

import org.junit.jupiter.api.Test;

/** Alerts at a fixed clock: 2026-06-30 10:00 Beijing time. Days overdue worked out by hand in the comments. */
class LedgerAlertsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T02:00:00Z"), ClockConfiguration.OFFICE_ZONE);

    static final List<ProjectFacts> PROJECTS = List.of(
            // signed 2025-03-01, due 2025-09-01: Sep 29 + Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28 + Mar 31
            // + Apr 30 + May 31 + Jun 30 = 302 days overdue
            project("C").signed("2025-03-01").build(),
            // terminated / suspended: never alert, however late
            project("D").signed("2025-04-01").status(ProjectStatus.TERMINATED).next("2025-05-01").build(),
            project("S").signed("2024-01-01").status(ProjectStatus.SUSPENDED).updated("2025-01-01T00:00:00Z").build(),
            // signed 2026-05-01: not yet due; next step today: not passed
            project("F").signed("2026-05-01").next("2026-06-30").build(),
            // in production 2024-05-01, due to reach capacity 2026-05-01: May 31 + Jun 30 = 60 days
            project("J").signed("2021-06-01").started("2022-03-01").inProduction("2024-05-01").build(),
            // started 2023-01-01, due in production 2025-01-01: 365 + 180 (Jan–Jun 2026) = 545 days
            project("K").signed("2022-12-01").started("2023-01-01").build(),
            // next step 2026-06-29: 1 day
            project("G").negotiating("2026-01-05").next("2026-06-29").build(),
            // updated 2026-05-29 16:30 UTC = 2026-05-30 00:30 Beijing; due 2026-06-30 = today: not yet (in UTC it would be)
            project("H").signed("2026-06-01").updated("2026-05-29T16:30:00Z").build(),
            // updated 2026-05-01 (Beijing 10:00), +31 days = due 2026-06-01: 29 days
            project("B").signed("2026-06-02").updated("2026-05-01T02:00:00Z").build());

    static final List<LeadFacts> LEADS = List.of(
            // next step 2026-06-20: 10 days; contacted 2026-06-10, fresh
            lead("L1", "FOLLOWING", "NEV-BATTERY", LocalDate.parse("2026-06-20"), Instant.parse("2026-06-10T02:00:00Z"),
                    Instant.parse("2026-03-01T02:00:00Z")),
            // registered 2026-05-01, never contacted, stale after 30 days: due 2026-05-31 → 30 days
            lead("L2", "NEW", "NEV-BATTERY", null, null, Instant.parse("2026-05-01T02:00:00Z")),
            // closed leads never alert
            lead("L3", "DROPPED", "NEV-BATTERY", LocalDate.parse("2026-01-01"), null, Instant.parse("2025-01-01T00:00:00Z")),
            lead("L4", "CONVERTED", "NEV-BATTERY", LocalDate.parse("2026-01-01"), null, Instant.parse("2025-01-01T00:00:00Z")));

    @Test
    void everyKindWithDueDateAndDaysOverdueMostOverdueFirst() {
        List<Alert> alerts = LedgerAlerts.of(PROJECTS, LEADS, CLOCK.instant(), CLOCK.getZone(), SETTINGS);
        assertThat(alerts).extracting(Alert::subjectId, Alert::kind, Alert::dueDate, Alert::daysOverdue).containsExactly(
                tuple("K", AlertKind.STARTED_NOT_IN_PRODUCTION, LocalDate.parse("2025-01-01"), 545L),
                tuple("C", AlertKind.SIGNED_NOT_STARTED, LocalDate.parse("2025-09-01"), 302L),
                tuple("J", AlertKind.NOT_AT_CAPACITY, LocalDate.parse("2026-05-01"), 60L),
                tuple("L2", AlertKind.LEAD_STALE, LocalDate.parse("2026-05-31"), 30L),
                tuple("B", AlertKind.ENTRY_STALE, LocalDate.parse("2026-06-01"), 29L),
                tuple("L1", AlertKind.NEXT_ACTION_PASSED, LocalDate.parse("2026-06-20"), 10L),
                tuple("G", AlertKind.NEXT_ACTION_PASSED, LocalDate.parse("2026-06-29"), 1L));
        Alert c = alerts.get(1);
        assertThat(c.responsible()).isEqualTo("张三");
        assertThat(c.department()).isEqualTo("招商一局");
        assertThat(c.subjectType()).isEqualTo("PROJECT");
        assertThat(c.kindZh()).isEqualTo("签约未开工");
        assertThat(c.messageZh()).contains("2025-03-01", "6 个月", "2025-09-01");
        assertThat(alerts.get(3).subjectType()).isEqualTo("LEAD");
        assertThat(alerts.get(3).responsible()).isEqualTo("李四");
    }

    @Test
    void aDayLaterTheBoundaryCasesAlert() {
        // 2026-07-01: H's entry (updated 2026-05-30 Beijing, due 2026-06-30) is 1 day stale; F's next step passed
        Instant tomorrow = Instant.parse("2026-07-01T02:00:00Z");
        List<Alert> alerts = LedgerAlerts.of(PROJECTS, LEADS, tomorrow, CLOCK.getZone(), SETTINGS);
        assertThat(alerts).filteredOn(a -> a.daysOverdue() == 1).extracting(Alert::subjectId, Alert::kind)
                .containsExactlyInAnyOrder(tuple("H", AlertKind.ENTRY_STALE), tuple("F", AlertKind.NEXT_ACTION_PASSED));
        assertThat(alerts).extracting(Alert::subjectId).doesNotContain("D", "S", "L3", "L4");
    }
}
