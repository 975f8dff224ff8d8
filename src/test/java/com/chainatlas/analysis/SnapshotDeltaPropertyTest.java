package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.RegionRef;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Property: on a real Neo4j, after any sequence of random changes of enterprises (new ones, revenue changed or made
 * unknown, region moved or made invalid, zone and name, memberships added and removed, supply relations added
 * (duplicates and self-loops too) and removed, enterprises leaving the chain or deleted), the delta snapshot
 * ({@link SnapshotLoader#loadDelta} on the previous delta snapshot, sometimes with the keys of several changes at
 * once) equals the full snapshot of the same database array for array, and gives the same diagnoses. Seeded loops
 * (reproducible: the seed and the change log are in the failure message).
 */
class SnapshotDeltaPropertyTest {

    private static final String CHAIN = "DELTA";
    private static final String[] REGIONS = {"110101", "110102", "110105", "110105", "120101", "310101", "440305", "44030X"};
    private static final String[] ZONES = {null, null, "甲开发区", "乙开发区", " "};
    private static final String[] SEGMENTS = {"D-0", "D-1", "D-2", "D-3", "O-1"}; // O-1: another chain's
    private static final String[] PRODUCTS = {null, "P-2", "P-3", "P-O", "P-missing"};
    private static final int SEEDS = 8;
    private static final int STEPS = 25;

    private static Neo4j server;
    private static Driver driver;

    @BeforeAll
    static void start() {
        server = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
        driver = GraphDatabase.driver(server.boltURI(), AuthTokens.none());
        write("CREATE CONSTRAINT IF NOT EXISTS FOR (e:Enterprise) REQUIRE e.uscc IS UNIQUE", Map.of());
    }

    @AfterAll
    static void stop() {
        driver.close();
        server.close();
    }

    @Test
    void deltaEqualsFullRebuildOnRandomChangeSequences() {
        // the application's pool for the parts of a delta read (even seeds read in parallel parts)
        ThreadPoolTaskExecutor readers = new SnapshotExecutorConfiguration().snapshotDeltaReadExecutor();
        readers.initialize();
        SnapshotLoader loader = new SnapshotLoader(driver, null, readers);
        DiagnosisEngine engine = new DiagnosisEngine(code -> "R" + code);
        int deltas = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Random random = new Random(seed);
            World world = new World(random);
            loader.parallelFrom = seed % 2 == 0 ? 2 : SnapshotLoader.PARALLEL_FROM; // even seeds read in parallel parts
            world.reset();
            ChainSnapshot base = loader.load(CHAIN, 1);
            Set<String> touched = new LinkedHashSet<>();
            List<String> log = new ArrayList<>();
            for (int step = 1; step <= STEPS; step++) {
                int ops = 1 + random.nextInt(4);
                for (int o = 0; o < ops; o++) {
                    log.add(world.change(touched));
                }
                if (random.nextInt(4) == 0 && step < STEPS) {
                    continue; // the next delta carries this step's keys too (imports landing during a build)
                }
                long version = 100 + step;
                ChainSnapshot delta = loader.loadDelta(base, touched, version);
                ChainSnapshot full = loader.load(CHAIN, version);
                String where = "seed " + seed + ", step " + step + ", touched " + touched + ", changes " + log;
                assertThat(SnapshotArrays.differences(delta, full)).as(where).isEmpty();
                for (RegionScope scope : scopes(full)) {
                    assertThat(comparable(engine.diagnose(delta, rescope(delta, scope), DiagnosisSettings.defaults())))
                            .as(where + ", region " + scope.region().code())
                            .isEqualTo(comparable(engine.diagnose(full, scope, DiagnosisSettings.defaults())));
                }
                base = delta; // deltas pile on deltas, as in the registry
                touched.clear();
                log.clear();
                deltas++;
            }
            assertThat(base.enterpriseCount()).as("seed %d keeps a chain to diagnose", seed).isPositive();
        }
        assertThat(deltas).isGreaterThan(SEEDS * STEPS / 2);
        readers.shutdown();
    }

    @Test
    void equalityHelperSeesAChangedRevenue() {
        SnapshotBuilder a = new SnapshotBuilder("X", "X").segment("S", "S", null, false, 1, null);
        SnapshotBuilder b = new SnapshotBuilder("X", "X").segment("S", "S", null, false, 1, null);
        a.enterprise("E1", "e", "110101", null, 1.0).membership("E1", "S");
        b.enterprise("E1", "e", "110101", null, null).membership("E1", "S");
        assertThat(SnapshotArrays.differences(a.build(1), b.build(1))).anyMatch(d -> d.startsWith("revenue "));
        assertThat(SnapshotArrays.differences(a.build(1), a.build(2))).isEmpty();
    }

    private static List<RegionScope> scopes(ChainSnapshot s) {
        List<RegionScope> scopes = new ArrayList<>();
        scopes.add(RegionScope.of(s, new RegionRef("110000", "北京", "PROVINCE", "北京"), null));
        scopes.add(RegionScope.of(s, new RegionRef("110100", "北京市辖区", "CITY", "北京市辖区"), null));
        scopes.add(RegionScope.of(s, new RegionRef("110105", "朝阳", "COUNTY", "朝阳"), null));
        scopes.add(RegionScope.of(s, new RegionRef("440000", "广东", "PROVINCE", "广东"), "甲开发区"));
        return scopes;
    }

    private static RegionScope rescope(ChainSnapshot s, RegionScope scope) {
        return RegionScope.of(s, scope.region(), scope.zone());
    }

    /** The diagnosis without what says when and how fast it was computed. */
    private static Diagnosis comparable(Diagnosis d) {
        return new Diagnosis(null, d.chainId(), d.chainName(), d.region(), d.zone(), d.settings(), d.figures(),
                d.segments(), d.extendCandidates(), d.extendRanking(), d.leaders(), d.leaderBasis(), d.leadersNoteZh(), 0);
    }

    /** The database side: the chain's structure once, enterprises and relations changed at random. */
    private static final class World {
        private final Random random;
        private final List<String> keys = new ArrayList<>();
        private int next;

        World(Random random) {
            this.random = random;
        }

        void reset() {
            write("MATCH (n) DETACH DELETE n", Map.of());
            write("""
                    CREATE (:Chain {id: $chain, name: '增量测试链'}), (:Chain {id: 'OTHER', name: '另一条链'})
                    CREATE (s0:Segment {id: 'D-0', chainId: $chain, name: '上游', stage: 'UPSTREAM', key: true})
                    CREATE (s1:Segment {id: 'D-1', chainId: $chain, name: '材料', stage: 'UPSTREAM', parentId: 'D-0'})
                    CREATE (s2:Segment {id: 'D-2', chainId: $chain, name: '部件', stage: 'MIDSTREAM', parentId: 'D-0', valueAdded: 3})
                    CREATE (s3:Segment {id: 'D-3', chainId: $chain, name: '整机', stage: 'DOWNSTREAM', key: true})
                    CREATE (:Segment {id: 'O-1', chainId: 'OTHER', name: '别处'})
                    CREATE (s1)-[:FEEDS]->(s2), (s2)-[:FEEDS]->(s3)
                    CREATE (:Product {id: 'P-2', chainId: $chain, segmentId: 'D-2'}),
                           (:Product {id: 'P-3', chainId: $chain, segmentId: 'D-3'}),
                           (:Product {id: 'P-O', chainId: 'OTHER', segmentId: 'O-1'})
                    """, Map.of("chain", CHAIN));
            keys.clear();
            next = 0;
            for (int i = 0; i < 30; i++) {
                newEnterprise();
            }
            for (int i = 0; i < 60; i++) {
                addSupply();
            }
        }

        /** One random change; its enterprises go into {@code touched}. Returns what it did. */
        String change(Set<String> touched) {
            int kind = random.nextInt(12);
            if (kind == 0 || keys.isEmpty()) {
                String e = newEnterprise();
                touched.add(e);
                return "new " + e;
            }
            String e = any();
            touched.add(e);
            switch (kind) {
                case 1 -> {
                    Double revenue = revenue();
                    set(e, "revenue", revenue);
                    return "revenue " + e + "=" + revenue;
                }
                case 2 -> {
                    String region = REGIONS[random.nextInt(REGIONS.length)];
                    write("MATCH (e:Enterprise {uscc: $e}) SET e.regionCode = $r", Map.of("e", e, "r", region));
                    return "region " + e + "=" + region;
                }
                case 3 -> {
                    addMembership(e);
                    return "member+ " + e;
                }
                case 4 -> {
                    write("MATCH (e:Enterprise {uscc: $e})-[m:IN_SEGMENT]->(s:Segment) WITH m, s ORDER BY s.id LIMIT 1 DELETE m",
                            Map.of("e", e));
                    return "member- " + e;
                }
                case 5, 6 -> {
                    String other = keys.get(random.nextInt(keys.size()));
                    if (random.nextBoolean()) {
                        touched.add(other); // as an import names both ends; one is enough
                    }
                    addSupply(e, other);
                    return "supply+ " + e + "->" + other;
                }
                case 7 -> {
                    // only e is named: a relation belongs to both ends' rows, so re-reading one end suffices
                    write("MATCH (e:Enterprise {uscc: $e})-[r:SUPPLIES]-(o) WITH r ORDER BY o.uscc SKIP $k LIMIT 1 DELETE r",
                            Map.of("e", e, "k", random.nextInt(3)));
                    return "supply- " + e;
                }
                case 8 -> {
                    write("MATCH (e:Enterprise {uscc: $e})-[m:IN_SEGMENT]->(:Segment {chainId: $chain}) DELETE m",
                            Map.of("e", e, "chain", CHAIN));
                    return "leaves " + e;
                }
                case 9 -> {
                    write("MATCH (e:Enterprise {uscc: $e}) DETACH DELETE e", Map.of("e", e));
                    keys.remove(e);
                    return "deleted " + e;
                }
                case 10 -> {
                    String zone = ZONES[random.nextInt(ZONES.length)];
                    write("MATCH (e:Enterprise {uscc: $e}) SET e.zone = $z, e.name = $n",
                            params("e", e, "z", zone, "n", random.nextBoolean() ? null : "新名" + random.nextInt(9)));
                    return "zone " + e + "=" + zone;
                }
                default -> {
                    LocalDate founded = date();
                    write("MATCH (e:Enterprise {uscc: $e}) SET e.founded = $f, e.listed = $l",
                            params("e", e, "f", founded, "l", random.nextInt(3) == 0 ? date() : null));
                    return "dates " + e;
                }
            }
        }

        private String newEnterprise() {
            String e = "E" + (next++);
            keys.add(e);
            write("CREATE (:Enterprise {uscc: $e, name: $n, regionCode: $r, zone: $z, revenue: $rev, founded: $f})",
                    params("e", e, "n", random.nextInt(5) == 0 ? null : "企业" + e, "r", REGIONS[random.nextInt(REGIONS.length)],
                            "z", ZONES[random.nextInt(ZONES.length)], "rev", revenue(), "f", date()));
            int memberships = random.nextInt(3);
            for (int i = 0; i < memberships; i++) {
                addMembership(e);
            }
            return e;
        }

        private void addMembership(String e) {
            write("MATCH (e:Enterprise {uscc: $e}), (s:Segment {id: $s}) MERGE (e)-[:IN_SEGMENT]->(s)",
                    Map.of("e", e, "s", SEGMENTS[random.nextInt(SEGMENTS.length)]));
        }

        private void addSupply() {
            addSupply(any(), any());
        }

        /** CREATE, not MERGE: duplicate relations of one pair (and self-loops) must merge alike in both builds. */
        private void addSupply(String a, String b) {
            write("MATCH (a:Enterprise {uscc: $a}), (b:Enterprise {uscc: $b}) CREATE (a)-[:SUPPLIES {productId: $p, amount: $x}]->(b)",
                    params("a", a, "b", b, "p", PRODUCTS[random.nextInt(PRODUCTS.length)],
                            "x", random.nextInt(3) == 0 ? null : (double) random.nextInt(1000) / 8));
        }

        private String any() {
            return keys.get(random.nextInt(keys.size()));
        }

        private Double revenue() {
            int r = random.nextInt(6);
            return r == 0 ? null : r == 1 ? -1.0 : r == 2 ? 0.0 : random.nextInt(100_000) / 4.0;
        }

        private LocalDate date() {
            return random.nextInt(4) == 0 ? null : LocalDate.of(2010 + random.nextInt(15), 1 + random.nextInt(12), 1);
        }

        private void set(String e, String property, Object value) {
            write("MATCH (e:Enterprise {uscc: $e}) SET e[$p] = $v", params("e", e, "p", property, "v", value));
        }
    }

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void write(String cypher, Map<String, Object> params) {
        try (Session s = driver.session()) {
            s.executeWrite(tx -> tx.run(cypher, params).consume());
        }
    }
}
