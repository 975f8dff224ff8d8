package com.chainatlas.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.chainatlas.enterprise.Enterprise;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.region.RegionLevel;
import com.chainatlas.signal.EventKind;
import com.chainatlas.signal.ExpansionEvent;

/**
 * Plausible expansion events (扩张信号) for about a quarter of the demo enterprises, from a fixed seed: one to
 * three events each within the three years before the load day (so the demo's signals are always recent).
 * Amounts by kind, log-uniform, a fifth of them left unknown (unknown is not 0); places are cities, mostly
 * other than the firm's own for branches, investments and new plants.
 */
final class DemoEvents {

    static final double SHARE = 0.25;
    static final int DAYS_BACK = 3 * 365;
    private static final String[] ROUNDS = {"A 轮", "B 轮", "C 轮", "D 轮", "Pre-IPO 轮", "战略"};
    private static final EventKind[] KINDS = {EventKind.FUNDING, EventKind.FUNDING, EventKind.FUNDING,
            EventKind.BRANCH, EventKind.BRANCH, EventKind.BRANCH, EventKind.BRANCH, EventKind.INVESTMENT, EventKind.INVESTMENT,
            EventKind.EXPANSION, EventKind.EXPANSION, EventKind.EXPANSION, EventKind.HIRING, EventKind.HIRING, EventKind.HIRING,
            EventKind.BID_WON, EventKind.BID_WON, EventKind.BID_WON, EventKind.PATENT, EventKind.PATENT};

    private DemoEvents() {
    }

    static List<ExpansionEvent> generate(List<Enterprise> enterprises, RegionCatalog regions, long seed, LocalDate today) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Region> cities = regions.ofLevel(RegionLevel.CITY);
        List<ExpansionEvent> events = new ArrayList<>();
        for (Enterprise e : enterprises) {
            if (random.nextDouble() >= SHARE) {
                continue;
            }
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                EventKind kind = KINDS[random.nextInt(KINDS.length)];
                LocalDate date = today.minusDays(random.nextInt(DAYS_BACK));
                String ownCity = e.regionCode().substring(0, 4) + "00";
                String place = switch (kind) {
                    case BRANCH, INVESTMENT, EXPANSION -> random.nextDouble() < 0.7
                            ? cities.get(random.nextInt(cities.size())).code() : regions.exists(ownCity) ? ownCity : null;
                    case HIRING, BID_WON -> regions.exists(ownCity) ? ownCity : null;
                    default -> null;
                };
                Double amount = amount(kind, random);
                String placeName = place == null ? "" : regions.find(place).map(Region::name).orElse("");
                String title = switch (kind) {
                    case FUNDING -> "完成" + ROUNDS[random.nextInt(ROUNDS.length)] + "融资";
                    case BRANCH -> "在" + placeName + "设立分公司";
                    case INVESTMENT -> "投资设立" + placeName + "子公司";
                    case EXPANSION -> placeName + "扩产项目开工";
                    case HIRING -> "发布 " + (20 + random.nextInt(300)) + " 个招聘岗位";
                    case BID_WON -> "中标重点客户采购项目";
                    case PATENT -> "获授权发明专利 " + (1 + random.nextInt(12)) + " 件";
                };
                events.add(new ExpansionEvent(ExpansionEvent.key(e.uscc(), kind, date, title), e.uscc(), kind, date, amount,
                        place, title, "示例数据", true));
            }
        }
        return events;
    }

    /** 万元, log-uniform within the kind's range; a fifth unknown; none for hiring and patents. */
    private static Double amount(EventKind kind, SplittableRandom random) {
        double[] range = switch (kind) {
            case FUNDING -> new double[]{2_000, 200_000};
            case INVESTMENT -> new double[]{1_000, 100_000};
            case EXPANSION -> new double[]{5_000, 500_000};
            case BID_WON -> new double[]{200, 50_000};
            case BRANCH -> new double[]{100, 10_000};
            default -> null;
        };
        if (range == null || random.nextDouble() < 0.2 || (kind == EventKind.BRANCH && random.nextDouble() < 0.5)) {
            return null;
        }
        double v = Math.exp(Math.log(range[0]) + random.nextDouble() * (Math.log(range[1]) - Math.log(range[0])));
        return (double) Math.round(v / 100) * 100; // whole millions, as announcements state them
    }
}
