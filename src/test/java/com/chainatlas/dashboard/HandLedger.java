package com.chainatlas.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.project.LeadFacts;
import com.chainatlas.project.LedgerSettings;
import com.chainatlas.project.ProjectFacts;
import com.chainatlas.project.ProjectStage;
import com.chainatlas.project.ProjectStatus;

/** Builds hand-made ledgers for the arithmetic tests: one project per line, dates as written in a 台账. */
final class HandLedger {

    /** The defaults: 开工 within 6 months, 投产 within 24, 达产 within 24; entries stale after 31 days, leads after 30. */
    static final LedgerSettings SETTINGS = new LedgerSettings(30, 6, 24, 24, 31);
    static final Instant RECENT_UPDATE = Instant.parse("2026-06-20T02:00:00Z");

    private HandLedger() {
    }

    static P project(String id) {
        return new P(id);
    }

    static LeadFacts lead(String id, String status, String segmentId, LocalDate next, Instant lastContact,
                          Instant created) {
        return new LeadFacts(id, "企业" + id, "340104", "NEV", segmentId, status, "李四", "招商二局", next,
                lastContact, created, null);
    }

    /** A mutable builder: {@code project("A").signed("2025-01-10").started("2025-05-01").invest(10.0).build()}. */
    static final class P {
        final String id;
        String region = "340104";
        String chain = "NEV";
        List<String> segments = List.of();
        ProjectStatus status = ProjectStatus.ACTIVE;
        final Map<ProjectStage, LocalDate> dates = new EnumMap<>(ProjectStage.class);
        ProjectStage stage = ProjectStage.PLANNING;
        Double planned;
        Double added;
        boolean expansion;
        LocalDate next;
        Instant updated = RECENT_UPDATE;

        P(String id) {
            this.id = id;
        }

        P at(ProjectStage s, String date) {
            dates.put(s, LocalDate.parse(date));
            if (s.compareTo(stage) > 0) {
                stage = s;
            }
            return this;
        }

        P negotiating(String d) {
            return at(ProjectStage.NEGOTIATING, d);
        }

        P signed(String d) {
            return at(ProjectStage.SIGNED, d);
        }

        P started(String d) {
            return at(ProjectStage.STARTED, d);
        }

        P inProduction(String d) {
            return at(ProjectStage.IN_PRODUCTION, d);
        }

        P atCapacity(String d) {
            return at(ProjectStage.AT_CAPACITY, d);
        }

        P invest(Double yi) {
            planned = yi;
            return this;
        }

        /** 增资/扩产: the stated new total and the increase (the only part that counts). */
        P expansion(Double total, Double increase) {
            expansion = true;
            planned = total;
            added = increase;
            return this;
        }

        P status(ProjectStatus s) {
            status = s;
            return this;
        }

        P region(String code) {
            region = code;
            return this;
        }

        P chain(String c) {
            chain = c;
            return this;
        }

        P segments(String... ids) {
            segments = List.of(ids);
            return this;
        }

        P next(String d) {
            next = LocalDate.parse(d);
            return this;
        }

        P updated(String instant) {
            updated = Instant.parse(instant);
            return this;
        }

        ProjectFacts build() {
            return new ProjectFacts(id, "项目" + id, "企业" + id, region, null, chain, segments, stage, status, dates,
                    planned, null, added, expansion, "张三", "招商一局", next, updated);
        }
    }
}
