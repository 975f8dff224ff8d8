package com.chainatlas.dashboard;

import com.chainatlas.project.LedgerSettings;
import com.chainatlas.project.ProjectStage;

/**
 * The three measures offices judge a region by: of the projects that entered a stage in the period, the share that
 * reached the next milestone within a set number of months ({@link LedgerSettings}).
 */
enum RateKind {
    START("startRate", "签约项目开工率（履约率）", ProjectStage.SIGNED, ProjectStage.STARTED),
    PRODUCTION("productionRate", "开工项目投产率", ProjectStage.STARTED, ProjectStage.IN_PRODUCTION),
    CAPACITY("capacityRate", "投产项目达效率", ProjectStage.IN_PRODUCTION, ProjectStage.AT_CAPACITY);

    final String key;
    final String nameZh;
    /** The stage whose date puts a project into the cohort. */
    final ProjectStage entry;
    /** The stage it must reach within the window. */
    final ProjectStage goal;

    RateKind(String key, String nameZh, ProjectStage entry, ProjectStage goal) {
        this.key = key;
        this.nameZh = nameZh;
        this.entry = entry;
        this.goal = goal;
    }

    int months(LedgerSettings s) {
        return switch (this) {
            case START -> s.startWithinMonths();
            case PRODUCTION -> s.productionWithinMonths();
            case CAPACITY -> s.capacityWithinMonths();
        };
    }

    /** The rule in words, shown beside the figure. */
    String ruleZh(LedgerSettings s) {
        int n = months(s);
        String e = entry.zh();
        String g = goal.zh();
        return nameZh + " = 统计期内" + e + "、且" + e + "已满 " + n + " 个月的项目中，" + e + "后 " + n + " 个月内" + g
                + "的项目所占比例。" + e + "不满 " + n + " 个月的项目尚未到期，不计入分子和分母（无论是否已" + g + "）；"
                + "逾期才" + g + "的计入分母、不计入分子；终止、暂缓的项目照常计入分母。一个项目只计一次。"
                + "没有到期项目时为“未知”，不是 0。";
    }
}
