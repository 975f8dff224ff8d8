package com.chainatlas.targeting;

import java.util.Map;
import java.util.Set;

/**
 * Province neighbourhood (shared land border; 广东–海南 across the strait counted) and the coordinates of
 * each provincial capital, for the proximity part of the target score. Distances are great-circle
 * distances between capitals: a coarse but explainable stand-in for "how far is this firm".
 */
final class ProvinceGeography {

    private static final Map<String, Set<String>> NEIGHBOURS = Map.ofEntries(
            Map.entry("11", Set.of("12", "13")),
            Map.entry("12", Set.of("11", "13")),
            Map.entry("13", Set.of("11", "12", "14", "15", "21", "37", "41")),
            Map.entry("14", Set.of("13", "15", "41", "61")),
            Map.entry("15", Set.of("23", "22", "21", "13", "14", "61", "64", "62")),
            Map.entry("21", Set.of("13", "15", "22")),
            Map.entry("22", Set.of("21", "15", "23")),
            Map.entry("23", Set.of("22", "15")),
            Map.entry("31", Set.of("32", "33")),
            Map.entry("32", Set.of("31", "33", "34", "37")),
            Map.entry("33", Set.of("31", "32", "34", "36", "35")),
            Map.entry("34", Set.of("32", "33", "36", "42", "41", "37")),
            Map.entry("35", Set.of("33", "36", "44")),
            Map.entry("36", Set.of("33", "34", "42", "43", "44", "35")),
            Map.entry("37", Set.of("13", "41", "34", "32")),
            Map.entry("41", Set.of("13", "14", "61", "42", "34", "37")),
            Map.entry("42", Set.of("41", "34", "36", "43", "50", "61")),
            Map.entry("43", Set.of("42", "36", "44", "45", "52", "50")),
            Map.entry("44", Set.of("35", "36", "43", "45", "46")),
            Map.entry("45", Set.of("44", "43", "52", "53")),
            Map.entry("46", Set.of("44")),
            Map.entry("50", Set.of("42", "43", "52", "51", "61")),
            Map.entry("51", Set.of("50", "52", "53", "54", "63", "62", "61")),
            Map.entry("52", Set.of("43", "45", "53", "51", "50")),
            Map.entry("53", Set.of("45", "52", "51", "54")),
            Map.entry("54", Set.of("53", "51", "63", "65")),
            Map.entry("61", Set.of("14", "41", "42", "50", "51", "62", "64", "15")),
            Map.entry("62", Set.of("61", "64", "15", "65", "63", "51")),
            Map.entry("63", Set.of("62", "65", "54", "51")),
            Map.entry("64", Set.of("15", "62", "61")),
            Map.entry("65", Set.of("62", "63", "54")));

    /** Latitude, longitude of each provincial capital. */
    private static final Map<String, double[]> CAPITALS = Map.ofEntries(
            Map.entry("11", new double[]{39.90, 116.40}), Map.entry("12", new double[]{39.13, 117.20}),
            Map.entry("13", new double[]{38.04, 114.51}), Map.entry("14", new double[]{37.87, 112.55}),
            Map.entry("15", new double[]{40.84, 111.75}), Map.entry("21", new double[]{41.80, 123.43}),
            Map.entry("22", new double[]{43.82, 125.32}), Map.entry("23", new double[]{45.80, 126.53}),
            Map.entry("31", new double[]{31.23, 121.47}), Map.entry("32", new double[]{32.06, 118.80}),
            Map.entry("33", new double[]{30.27, 120.15}), Map.entry("34", new double[]{31.82, 117.23}),
            Map.entry("35", new double[]{26.07, 119.30}), Map.entry("36", new double[]{28.68, 115.86}),
            Map.entry("37", new double[]{36.65, 117.12}), Map.entry("41", new double[]{34.75, 113.62}),
            Map.entry("42", new double[]{30.59, 114.31}), Map.entry("43", new double[]{28.23, 112.94}),
            Map.entry("44", new double[]{23.13, 113.26}), Map.entry("45", new double[]{22.82, 108.37}),
            Map.entry("46", new double[]{20.04, 110.35}), Map.entry("50", new double[]{29.56, 106.55}),
            Map.entry("51", new double[]{30.57, 104.07}), Map.entry("52", new double[]{26.65, 106.63}),
            Map.entry("53", new double[]{25.04, 102.71}), Map.entry("54", new double[]{29.65, 91.13}),
            Map.entry("61", new double[]{34.34, 108.94}), Map.entry("62", new double[]{36.06, 103.83}),
            Map.entry("63", new double[]{36.62, 101.78}), Map.entry("64", new double[]{38.49, 106.23}),
            Map.entry("65", new double[]{43.83, 87.62}));

    private ProvinceGeography() {
    }

    /** Whether two provinces (2-digit or 6-digit codes) share a border. */
    static boolean neighbours(String a, String b) {
        return NEIGHBOURS.getOrDefault(p(a), Set.of()).contains(p(b));
    }

    static Set<String> neighboursOf(String province) {
        return NEIGHBOURS.getOrDefault(p(province), Set.of());
    }

    /** Great-circle distance in km between the capitals of two provinces. */
    static double distanceKm(String a, String b) {
        double[] x = CAPITALS.get(p(a));
        double[] y = CAPITALS.get(p(b));
        if (x == null || y == null) {
            throw new IllegalArgumentException("unknown province: " + a + " or " + b);
        }
        double lat1 = Math.toRadians(x[0]);
        double lat2 = Math.toRadians(y[0]);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(y[1] - x[1]);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    static Set<String> provinces() {
        return CAPITALS.keySet();
    }

    private static String p(String code) {
        return code.substring(0, 2);
    }
}
