package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Property, in memory and at a size where the apply's block copies matter (thousands of enterprises over many
 * counties, so untouched runs, changed customers and renumbered suppliers all occur): a {@link SnapshotDelta} built
 * from the touched enterprises' rows, as {@link SnapshotLoader#loadDelta} reads them, applied to the previous delta
 * snapshot, equals the full build of the same rows array for array ({@link SnapshotArrays}, the {@link UsccIndex}
 * included). {@code SnapshotDeltaPropertyTest} checks the same against real Neo4j reads on a smaller chain.
 */
class SnapshotDeltaApplyTest {

    private static final String[] SEGMENTS = {"S-0", "S-1", "S-2", "S-3", "X-9"}; // not a segment of the chain
    private static final String[] PRODUCTS = {null, "P-2", "P-3", "P-none"};
    private static final String[] ZONES = {null, null, "甲区", "乙区", "丙区"};

    @Test
    void deltaEqualsFullBuildOnRandomChangeSequences() {
        int deltas = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            World world = new World(random, 2_000 + random.nextInt(2_000));
            ChainSnapshot base = world.full(1);
            for (int step = 1; step <= 30; step++) {
                Set<String> touched = new LinkedHashSet<>();
                List<String> log = new ArrayList<>();
                int changes = step % 10 == 0 ? 300 : 1 + random.nextInt(20); // now and then a large import
                for (int c = 0; c < changes; c++) {
                    log.add(world.change(touched));
                }
                ChainSnapshot delta = world.delta(touched).apply(base, 100 + step, System.nanoTime());
                ChainSnapshot full = world.full(100 + step);
                String where = "seed " + seed + ", step " + step + ", changes " + (log.size() > 40 ? log.subList(0, 40) + "…" : log);
                assertThat(SnapshotArrays.differences(delta, full)).as(where).isEmpty();
                for (String key : touched) {
                    int e = delta.usccIndex.find(key);
                    assertThat(e < 0 ? null : delta.usccOf(e)).as(where).isEqualTo(world.inChain(key) ? key : null);
                }
                base = delta;
                deltas++;
            }
        }
        assertThat(deltas).isEqualTo(6 * 30);
    }

    @Test
    void aChangedRowIsSeenByTheComparison() {
        Random random = new Random(7);
        World world = new World(random, 500);
        ChainSnapshot base = world.full(1);
        String e = world.keys.get(0);
        world.enterprises.get(e).revenue = 123.0;
        ChainSnapshot stale = world.delta(Set.of()).apply(base, 2, System.nanoTime()); // the change not named
        assertThat(SnapshotArrays.differences(stale, world.full(2))).isNotEmpty();
        assertThat(SnapshotArrays.differences(world.delta(Set.of(e)).apply(base, 2, System.nanoTime()), world.full(2))).isEmpty();
    }

    /** Rows of a chain in memory, changed at random; gives the full build and the delta of the touched enterprises. */
    private static final class World {
        private final Random random;
        private final List<String> regions = new ArrayList<>();
        final Map<String, Enterprise> enterprises = new LinkedHashMap<>();
        final List<String> keys = new ArrayList<>();
        private final List<Supply> supplies = new ArrayList<>();
        private int next;

        World(Random random, int n) {
            this.random = random;
            for (int p : new int[]{11, 31, 44}) {
                for (int c = 1; c <= 4; c++) {
                    for (int d = 1; d <= 6; d++) {
                        regions.add(String.format("%02d%02d%02d", p, c, d));
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                newEnterprise();
            }
            for (int i = 0; i < 4 * n; i++) {
                supplies.add(new Supply(any(), any(), product(), amount()));
            }
        }

        String change(Set<String> touched) {
            int kind = random.nextInt(11);
            if (kind == 0 || keys.isEmpty()) {
                String e = newEnterprise();
                touched.add(e);
                return "new " + e;
            }
            String e = any();
            Enterprise x = enterprises.get(e);
            touched.add(e);
            switch (kind) {
                case 1 -> x.revenue = revenue();
                case 2 -> x.region = random.nextInt(10) == 0 ? "44030X" : region();
                case 3 -> x.segments.add(SEGMENTS[random.nextInt(SEGMENTS.length)]);
                case 4 -> x.segments.remove(x.segments.isEmpty() ? "" : x.segments.first());
                case 5, 6 -> {
                    String other = any();
                    if (random.nextBoolean()) {
                        touched.add(other);
                    }
                    supplies.add(random.nextBoolean() ? new Supply(e, other, product(), amount()) : new Supply(other, e, product(), amount()));
                }
                case 7 -> supplies.removeIf(s -> (s.supplier.equals(e) || s.customer.equals(e)) && random.nextInt(3) == 0);
                case 8 -> {
                    enterprises.remove(e); // deleted: its relations go with it, the other ends are not named
                    keys.remove(e);
                    supplies.removeIf(s -> s.supplier.equals(e) || s.customer.equals(e));
                }
                case 9 -> {
                    x.zone = random.nextInt(8) == 0 ? "新区" + random.nextInt(3) : ZONES[random.nextInt(ZONES.length)];
                    x.name = random.nextBoolean() ? null : "新名" + random.nextInt(9);
                }
                default -> {
                    x.founded = date();
                    x.listed = random.nextInt(3) == 0 ? date() : null;
                }
            }
            return kind + " " + e;
        }

        boolean inChain(String key) {
            Enterprise x = enterprises.get(key);
            return x != null && x.region.matches("\\d{6}") && x.segments.stream().anyMatch(s -> !s.startsWith("X"));
        }

        ChainSnapshot full(long version) {
            SnapshotBuilder b = structure(new SnapshotBuilder("C", "测试链"));
            enterprises.forEach((key, x) -> {
                for (String s : x.segments) {
                    if (!s.startsWith("X")) { // the loader reads the memberships of the chain's segments only
                        b.enterprise(key, x.name, x.region, x.zone, x.revenue, x.founded, x.listed).membership(key, s);
                    }
                }
            });
            for (Supply s : supplies) {
                b.supply(s.supplier, s.customer, s.product, s.amount);
            }
            return b.build(version);
        }

        SnapshotDelta delta(Set<String> touched) {
            SnapshotDelta d = new SnapshotDelta(touched);
            for (String key : touched) {
                Enterprise x = enterprises.get(key);
                for (String s : x == null ? Set.<String>of() : x.segments) {
                    if (!s.startsWith("X")) {
                        d.enterprise(key, x.name, x.region, x.zone, x.revenue, x.founded, x.listed).membership(key, s);
                    }
                }
            }
            for (Supply s : supplies) { // every relation with a touched end, once
                if (touched.contains(s.supplier) || touched.contains(s.customer)) {
                    d.supply(s.supplier, enterprises.get(s.supplier).region, s.customer, enterprises.get(s.customer).region,
                            s.product, s.amount);
                }
            }
            return d;
        }

        private static SnapshotBuilder structure(SnapshotBuilder b) {
            return b.segment("S-0", "上游", null, true, 1, null).segment("S-1", "材料", null, false, 1, "S-0")
                    .segment("S-2", "部件", null, false, 3, "S-0").segment("S-3", "整机", null, true, 2, null)
                    .flow("S-1", "S-2", false).flow("S-2", "S-3", false).flow("S-3", "S-1", true)
                    .product("P-2", "S-2").product("P-3", "S-3");
        }

        private String newEnterprise() {
            String key = String.format("91%016d", next++ * 7919L % 10_000_000_000L);
            Enterprise x = new Enterprise();
            x.name = random.nextInt(5) == 0 ? null : "企业" + key;
            x.region = region();
            x.zone = ZONES[random.nextInt(ZONES.length)];
            x.revenue = revenue();
            x.founded = date();
            int memberships = random.nextInt(3);
            for (int i = 0; i < memberships + (random.nextInt(4) == 0 ? 0 : 1); i++) {
                x.segments.add(SEGMENTS[random.nextInt(SEGMENTS.length)]);
            }
            enterprises.put(key, x);
            keys.add(key);
            return key;
        }

        private String any() {
            return keys.get(random.nextInt(keys.size()));
        }

        private String region() {
            return regions.get(random.nextInt(regions.size()));
        }

        private String product() {
            return PRODUCTS[random.nextInt(PRODUCTS.length)];
        }

        private Double amount() {
            return random.nextInt(3) == 0 ? null : random.nextInt(1000) / 8.0;
        }

        private Double revenue() {
            int r = random.nextInt(6);
            return r == 0 ? null : r == 1 ? -1.0 : r == 2 ? 0.0 : random.nextInt(100_000) / 4.0;
        }

        private LocalDate date() {
            return random.nextInt(4) == 0 ? null : LocalDate.of(2010 + random.nextInt(15), 1 + random.nextInt(12), 1);
        }
    }

    private static final class Enterprise {
        String name;
        String region;
        String zone;
        Double revenue;
        LocalDate founded;
        LocalDate listed;
        final TreeSet<String> segments = new TreeSet<>();
    }

    private record Supply(String supplier, String customer, String product, Double amount) {
    }
}
