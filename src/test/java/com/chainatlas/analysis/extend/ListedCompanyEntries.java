package com.chainatlas.analysis.extend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.chainatlas.analysis.ListedCompanies;

/**
 * The listed-company back-test data: provinces as regions (深圳 inside 广东), 申万 level-3 industries as the
 * segments (level 2 as their parent group), {@code industry_up.json} links as FEEDS weighted by how often the
 * data names them, and each company's listing date as its entry date. Companies without a date, a province or a
 * level-3 industry are left out (unknown is not early).
 */
record ListedCompanyEntries(EntryHistory history, SegmentSpace space, int[] provinceCode, int companies) {

    static boolean available(Path data) {
        return ListedCompanies.available(data);
    }

    static ListedCompanyEntries read(Path data) throws IOException {
        ListedCompanies listed = ListedCompanies.read(data);
        Map<String, Integer> segment = new HashMap<>();
        Map<String, Integer> byName = new HashMap<>();
        Map<String, Integer> parentGroup = new HashMap<>();
        List<Integer> parent = new ArrayList<>();
        for (ListedCompanies.Industry i : listed.industries()) {
            if (i.level1() || i.level2() || segment.containsKey(i.code())) {
                continue;
            }
            segment.put(i.code(), segment.size());
            byName.putIfAbsent(i.name(), segment.get(i.code()));
            parent.add(parentGroup.computeIfAbsent(i.parentCode(), k -> parentGroup.size()));
        }
        Map<Long, Integer> flows = new TreeMap<>();
        for (ListedCompanies.Upstream u : listed.upstream()) {
            Integer to = byName.get(u.to());
            Integer from = byName.get(u.from());
            if (to != null && from != null && !to.equals(from)) {
                flows.merge((long) from << 32 | to, u.count(), Integer::sum);
            }
        }
        int[] from = new int[flows.size()];
        int[] to = new int[flows.size()];
        double[] weight = new double[flows.size()];
        int f = 0;
        for (Map.Entry<Long, Integer> e : flows.entrySet()) {
            from[f] = (int) (e.getKey() >>> 32);
            to[f] = (int) (long) e.getKey();
            weight[f++] = e.getValue();
        }
        Map<Integer, Integer> province = new TreeMap<>();
        List<int[]> rows = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        for (ListedCompanies.Company c : listed.companies()) {
            Integer s = segment.get(c.swCode());
            if (s == null || c.regionCode() == null || c.listed() == null) {
                continue;
            }
            int p = Integer.parseInt(c.regionCode()) / 10_000 * 10_000;
            province.putIfAbsent(p, -1);
            rows.add(new int[]{p, s});
            times.add(EntryHistory.year(c.listed()));
        }
        int[] codes = province.keySet().stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < codes.length; i++) {
            province.put(codes[i], i);
        }
        int[] region = rows.stream().mapToInt(r -> province.get(r[0])).toArray();
        int[] seg = rows.stream().mapToInt(r -> r[1]).toArray();
        double[] time = times.stream().mapToDouble(Double::doubleValue).toArray();
        SegmentSpace space = new SegmentSpace(segment.size(), from, to, weight,
                parent.stream().mapToInt(Integer::intValue).toArray());
        return new ListedCompanyEntries(new EntryHistory(codes.length, segment.size(), region, seg, time), space, codes,
                rows.size());
    }

    /** Cut at 1 January of {@code year}; truth: every listing from then on. */
    ExtendBackTest.Case toCase(int year) {
        return new ExtendBackTest.Case("listed companies, t = " + year + " (provinces × 申万 L3, listing dates)",
                history, space, null, year, Double.POSITIVE_INFINITY, provinceCode);
    }
}
