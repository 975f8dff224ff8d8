package com.chainatlas.project;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import com.chainatlas.system.ApiProblem;

/**
 * The stage machine 谋划 → 洽谈 → 签约 → 开工 → 建设 → 投产 → 达产. A project moves forward with a date not before the
 * latest date it already has and not in the future; a skipped stage needs its own date; going back or changing a
 * date is only a correction (with a reason, recorded in the history).
 */
public final class StageRules {

    private StageRules() {
    }

    /**
     * The stage dates after advancing to {@code target} on {@code date}, skipped stages dated by {@code skipped}.
     * Refused when not forward, undated, out of order or in the future.
     */
    public static Map<ProjectStage, LocalDate> advance(ProjectStage current, Map<ProjectStage, LocalDate> dates,
                                                       ProjectStage target, LocalDate date,
                                                       Map<ProjectStage, LocalDate> skipped, LocalDate today) {
        if (target == null || date == null) {
            throw ApiProblem.badRequest("请填写要推进到的阶段及其日期", "stage and date are required");
        }
        if (!target.atLeast(current) || target == current) {
            throw ApiProblem.badRequest("只能向后推进：项目已处于“" + current.zh() + "”，不能推进到“" + target.zh()
                    + "”；回退或改日期请使用更正并说明原因",
                    "A project only moves forward; going back is a correction with a reason");
        }
        Map<ProjectStage, LocalDate> next = new EnumMap<>(ProjectStage.class);
        next.putAll(dates);
        for (Map.Entry<ProjectStage, LocalDate> e : skipped.entrySet()) {
            ProjectStage s = e.getKey();
            if (!(s.compareTo(current) > 0 && s.compareTo(target) < 0)) {
                throw ApiProblem.badRequest("“" + s.zh() + "”不是本次跳过的阶段，不能在此填写日期",
                        s + " is not a stage skipped by this step");
            }
        }
        for (ProjectStage s : ProjectStage.values()) {
            if (s.compareTo(current) > 0 && s.compareTo(target) < 0) {
                LocalDate d = skipped.get(s);
                if (d == null) {
                    throw ApiProblem.badRequest("从“" + current.zh() + "”直接推进到“" + target.zh() + "”跳过了“" + s.zh()
                            + "”，请同时填写“" + s.zh() + "”的日期", "skipping " + s + " needs its date");
                }
                next.put(s, d);
            }
        }
        next.put(target, date);
        check(next, target, today);
        return next;
    }

    /**
     * Checks a whole set of stage dates for a project at {@code stage}: dates only for reached stages, the current
     * stage dated (except 谋划), in stage order, none in the future.
     */
    public static void check(Map<ProjectStage, LocalDate> dates, ProjectStage stage, LocalDate today) {
        if (stage != ProjectStage.PLANNING && dates.get(stage) == null) {
            throw ApiProblem.badRequest("项目处于“" + stage.zh() + "”阶段，须填写该阶段的日期", "the date of " + stage + " is required");
        }
        ProjectStage previous = null;
        for (ProjectStage s : ProjectStage.values()) {
            LocalDate d = dates.get(s);
            if (d == null) {
                continue;
            }
            if (s.compareTo(stage) > 0) {
                throw ApiProblem.badRequest("项目尚未到达“" + s.zh() + "”，不应有该阶段的日期", s + " not reached: no date allowed");
            }
            if (d.isAfter(today)) {
                throw ApiProblem.badRequest("“" + s.zh() + "”日期 " + d + " 晚于今天 (" + today + ")，不能填写将来的日期",
                        "the date of " + s + " is in the future");
            }
            if (previous != null && d.isBefore(dates.get(previous))) {
                throw ApiProblem.badRequest("“" + s.zh() + "”日期 " + d + " 早于“" + previous.zh() + "”日期 " + dates.get(previous),
                        "the date of " + s + " is before the date of " + previous);
            }
            previous = s;
        }
    }

    /** Parses {@code {"SIGNED": "2026-03-01", …}}; a null value means "no date". */
    public static Map<ProjectStage, LocalDate> parse(Map<String, String> raw) {
        Map<ProjectStage, LocalDate> m = new EnumMap<>(ProjectStage.class);
        if (raw == null) {
            return m;
        }
        for (Map.Entry<String, String> e : raw.entrySet()) {
            ProjectStage s = Limits.choice(ProjectStage.class, e.getKey(), "阶段");
            m.put(s, Limits.date(e.getValue(), s.zh() + "日期"));
        }
        return m;
    }
}
