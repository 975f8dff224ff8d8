package com.chainatlas.targeting;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.chainatlas.region.Region;
import com.chainatlas.targeting.TargetCandidates.Candidate;
import com.chainatlas.targeting.TargetModel.LocalPartner;
import com.chainatlas.targeting.TargetModel.TargetSegment;

/** The reasons of a target row, in words a team can read aloud: "补链: 正极材料 本地空白; 为本地企业 XX 的供应商; …". */
final class TargetReasons {

    private static final List<String> TAG_ORDER = List.of("500强", "上市", "专精特新小巨人", "专精特新", "高新技术企业");

    private TargetReasons() {
    }

    /** Up to three names, then "等 N 家" so a long list stays readable aloud. */
    static String names(List<String> names) {
        String shown = String.join("、", names.subList(0, Math.min(3, names.size())));
        return names.size() > 3 ? shown + " 等 " + names.size() + " 家" : shown;
    }

    /** "营收未知", "员工数未知", "专利数未知": the figures the score could not use. */
    static List<String> unknowns(Candidate c) {
        List<String> u = new ArrayList<>();
        if (c.revenue() == null) {
            u.add("营收未知");
        }
        if (c.employees() == null) {
            u.add("员工数未知");
        }
        if (c.patents() == null) {
            u.add("专利数未知");
        }
        return u;
    }

    /**
     * The reasons with the expansion signal (扩张信号: "扩张信号: 2026-09 完成融资 3 亿元；…") after the segment's
     * reason, where a team looks first; unchanged when the firm has no signal (nothing is said against it).
     */
    static List<String> withSignal(List<String> reasons, String signalText) {
        if (signalText == null || signalText.isEmpty()) {
            return reasons;
        }
        List<String> r = new ArrayList<>(reasons);
        r.add(Math.min(1, r.size()), "扩张信号: " + signalText);
        return List.copyOf(r);
    }

    static List<String> of(TargetSegment seg, Candidate c, List<LocalPartner> ties, List<LocalPartner> predicted, Region home) {
        List<String> r = new ArrayList<>();
        String status = switch (seg.verdict()) {
            case "MISSING" -> "本地空白";
            case "WEAK" -> "本地薄弱";
            default -> "延链方向";
        };
        r.add(seg.purposeZh() + ": " + seg.name() + " " + status + (seg.key() ? "（关键环节）" : ""));
        List<String> suppliesTo = ties.stream().filter(t -> t.relation().equals("SUPPLIES_TO")).map(LocalPartner::name).distinct().toList();
        List<String> buysFrom = ties.stream().filter(t -> t.relation().equals("BUYS_FROM")).map(LocalPartner::name).distinct().toList();
        if (!suppliesTo.isEmpty()) {
            r.add("为本地企业 " + names(suppliesTo) + " 的供应商");
        }
        if (!buysFrom.isEmpty()) {
            r.add("采购本地企业 " + names(buysFrom) + " 的产品");
        }
        if (!predicted.isEmpty()) {
            r.add("预计可为本地企业 " + predicted.stream().map(LocalPartner::name).limit(2).collect(Collectors.joining("、")) + " 供货");
        }
        List<String> tags = TAG_ORDER.stream().filter(c.tags()::contains).toList();
        if (!tags.isEmpty()) {
            r.add(String.join("、", tags));
        }
        if (c.revenue() != null && c.revenue() > 0) {
            r.add("年营收 " + TargetScorer.money(c.revenue()));
        }
        if (c.patents() != null && c.patents() > 0) {
            r.add("专利 " + c.patents() + " 件");
        }
        if (c.cooperations() > 0) {
            r.add("与 " + c.cooperations() + " 家研发机构合作");
        }
        List<String> unknown = unknowns(c);
        if (!unknown.isEmpty()) {
            r.add(String.join("、", unknown) + "（按已知数值评分）");
        }
        String p = c.regionCode().substring(0, 2);
        if (p.equals(home.code().substring(0, 2))) {
            r.add("同省企业");
        } else if (ProvinceGeography.neighbours(p, home.code())) {
            r.add("邻省企业");
        }
        return List.copyOf(r);
    }
}
