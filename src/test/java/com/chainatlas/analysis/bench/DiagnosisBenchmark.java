package com.chainatlas.analysis.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import com.chainatlas.analysis.ChainSnapshot;
import com.chainatlas.analysis.DiagnosisEngine;
import com.chainatlas.analysis.DiagnosisModel;
import com.chainatlas.analysis.DiagnosisSettings;
import com.chainatlas.analysis.RegionScope;
import com.chainatlas.analysis.SnapshotLoader;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.region.RegionLevel;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.io.ByteUnit;

/**
 * Diagnosis benchmark (not a test): generates a chain of 100 segments (10 parents × 9 leaves), N enterprises
 * spread over all counties of the shipped GB/T 2260 list and 5·N supply relations along the FEEDS flow, writes
 * them into an embedded Neo4j (own temporary directory, UNWIND batches with parameters), then prints
 * <ol>
 *   <li>snapshot build time (read over Bolt + build) and memory (retained heap before/after, and array sizes),</li>
 *   <li>diagnosis latency, warm p50/p99, for the largest county, city and province,</li>
 *   <li>in the same run, the latency of the equivalent direct Cypher aggregation (per-segment local and national
 *       enterprise counts and revenue) against the same database, and the ratio,</li>
 *   <li>the time of a plain scan over the snapshot arrays (the floor): the region's slice and the whole chain.</li>
 * </ol>
 * Run (N defaults to 1,000,000; 100000 for a quick run):
 * <pre>
 * MAVEN_OPTS="-Xmx8g" ./mvnw -q -o test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
 *   -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false \
 *   -Dexec.mainClass=com.chainatlas.analysis.bench.DiagnosisBenchmark -Dexec.args="100000"
 * </pre>
 */
public final class DiagnosisBenchmark {

    public static final String CHAIN = "BENCH";
    private static final int PARENTS = 10;
    private static final int LEAVES_PER_PARENT = 9;

    private DiagnosisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int supplies = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 5 * n;
        if (args.length > 2 && args[2].equals("memory")) {
            memoryOnly(n, supplies);
            return;
        }
        Path dir = Files.createTempDirectory("chainatlas-bench");
        int port = freePort();
        System.out.printf(Locale.ROOT, "Benchmark: %,d enterprises, %,d supply relations, %d segments; JVM max heap %d MB, %d cores%n",
                n, supplies, PARENTS * (LEAVES_PER_PARENT + 1), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse("1g"))
                .build();
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.none())) {
            RegionCatalog regions = new RegionCatalog();
            long t0 = System.nanoTime();
            new Generator(driver, regions, n, supplies, 20261122L).write();
            System.out.printf(Locale.ROOT, "Generated and written in %.1f s%n", secs(t0));
            run(driver, regions);
        } finally {
            dbms.shutdown();
            deleteRecursively(dir);
        }
    }

    /** Profiling mode (third argument "memory"): the same data straight into a SnapshotBuilder, no database. */
    private static void memoryOnly(int n, int supplies) {
        RegionCatalog regions = new RegionCatalog();
        com.chainatlas.analysis.SnapshotBuilder builder = new com.chainatlas.analysis.SnapshotBuilder(CHAIN, "基准测试链");
        long t0 = System.nanoTime();
        new Generator(null, regions, n, supplies, 20261122L).into(builder).write();
        ChainSnapshot s = builder.build(1, t0);
        System.out.printf(Locale.ROOT, "In-memory snapshot built in %.1f s%n", secs(t0));
        DiagnosisEngine engine = new DiagnosisEngine(code -> regions.exists(code) ? regions.fullName(code) : code);
        for (RegionLevel level : RegionLevel.values()) {
            Region region = largest(s, regions, level);
            RegionScope scope = RegionScope.of(s, new DiagnosisModel.RegionRef(region.code(), region.name(),
                    level.name(), region.name()), null);
            double[] diag = time(300, 100, () -> engine.diagnose(s, scope, DiagnosisSettings.defaults()));
            double[] slice = time(300, 100, () -> sliceScan(s, scope.from(), scope.to()));
            System.out.printf(Locale.ROOT, "  %-8s %s (%,d): diagnosis p50 %.3f ms p99 %.3f ms; slice scan p50 %.3f ms%n",
                    level, region.code(), scope.to() - scope.from(), diag[0], diag[1], slice[0]);
        }
    }

    private static void run(Driver driver, RegionCatalog regions) {
        // (1) snapshot build and memory
        long before = usedHeap();
        long t0 = System.nanoTime();
        ChainSnapshot s = new SnapshotLoader(driver, null).load(CHAIN, 1);
        double buildSecs = secs(t0);
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "(1) Snapshot build: %.1f s (read over Bolt + arrays + national figures + PageRank); "
                        + "retained heap %.0f MB (estimate from array sizes %.0f MB); %,d enterprises, %,d memberships, %,d supply relations%n",
                buildSecs, (after - before) / 1e6, s.estimatedBytes() / 1e6, s.enterpriseCount(), s.membershipCount(),
                s.supplyCount());

        DiagnosisEngine engine = new DiagnosisEngine(code -> regions.exists(code) ? regions.fullName(code) : code);
        DiagnosisSettings cfg = DiagnosisSettings.defaults();
        System.out.println("(2)-(4) per region: diagnosis vs direct Cypher vs plain scan (warm)");
        for (RegionLevel level : RegionLevel.values()) {
            Region region = largest(s, regions, level);
            DiagnosisModel.RegionRef ref = new DiagnosisModel.RegionRef(region.code(), region.name(), level.name(),
                    regions.fullName(region.code()));
            RegionScope scope = RegionScope.of(s, ref, null);
            double[] diag = time(300, 50, () -> engine.diagnose(s, scope, cfg));
            double[] slice = time(300, 50, () -> sliceScan(s, scope.from(), scope.to()));
            double[] full = time(20, 5, () -> sliceScan(s, 0, s.enterpriseCount()));
            String property = switch (level) {
                case PROVINCE -> "provinceCode";
                case CITY -> "cityCode";
                case COUNTY -> "countyCode";
            };
            double[] cypherLocal = time(5, 2, () -> cypherLocal(driver, property, region.code()));
            double[] cypherBoth = time(3, 1, () -> cypherLocalAndNational(driver, property, region.code()));
            System.out.printf(Locale.ROOT, "  %-8s %s %s (%,d local enterprises)%n", level, region.code(),
                    regions.fullName(region.code()), scope.to() - scope.from());
            System.out.printf(Locale.ROOT, "    diagnosis              p50 %8.3f ms  p99 %8.3f ms%n", diag[0], diag[1]);
            System.out.printf(Locale.ROOT, "    Cypher local only      p50 %8.1f ms  p99 %8.1f ms  → %.0f× slower than diagnosis p50%n",
                    cypherLocal[0], cypherLocal[1], cypherLocal[0] / diag[0]);
            System.out.printf(Locale.ROOT, "    Cypher local+national  p50 %8.1f ms  p99 %8.1f ms  → %.0f× slower than diagnosis p50%n",
                    cypherBoth[0], cypherBoth[1], cypherBoth[0] / diag[0]);
            System.out.printf(Locale.ROOT, "    plain scan, region     p50 %8.3f ms  (diagnosis / slice scan = %.1f×)%n",
                    slice[0], diag[0] / slice[0]);
            System.out.printf(Locale.ROOT, "    plain scan, whole chain p50 %7.3f ms  (diagnosis / full scan = %.2f×)%n",
                    full[0], diag[0] / full[0]);
        }
    }

    /** The floor: per-segment count and revenue over the slice's memberships, plus its incoming supply amounts. */
    static double sliceScan(ChainSnapshot s, int from, int to) {
        int segs = s.segmentCount();
        int[] count = new int[segs];
        double[] revenue = new double[segs];
        double amount = 0;
        for (int e = from; e < to; e++) {
            double r = s.revenueOf(e);
            for (int k = s.membershipStart(e); k < s.membershipStart(e + 1); k++) {
                int g = s.membershipSegment(k);
                count[g]++;
                if (!Double.isNaN(r)) { // unknown revenue is NaN: not summed
                    revenue[g] += r;
                }
            }
            for (int k = s.supplyStart(e); k < s.supplyStart(e + 1); k++) {
                double a = s.supplyAmount(k);
                if (!Double.isNaN(a)) {
                    amount += a;
                }
            }
        }
        return amount + count[0] + revenue[segs - 1];
    }

    private static final String CYPHER_LOCAL = """
            MATCH (e:Enterprise) WHERE e[$property] = $code
            MATCH (e)-[:IN_SEGMENT]->(s:Segment {chainId: $chain})
            RETURN s.id AS segment, count(e) AS enterprises, sum(e.revenue) AS revenue
            """;
    private static final String CYPHER_NATIONAL = """
            MATCH (s:Segment {chainId: $chain})<-[:IN_SEGMENT]-(e:Enterprise)
            RETURN s.id AS segment, count(e) AS enterprises, sum(e.revenue) AS revenue
            """;

    static int cypherLocal(Driver driver, String property, String code) {
        try (Session session = driver.session()) {
            // e[$property] cannot use an index; run the property-specific text so the planner can.
            String q = CYPHER_LOCAL.replace("e[$property] = $code", "e." + property + " = $code");
            return session.executeRead(tx -> tx.run(q, Map.of("code", code, "chain", CHAIN)).list().size());
        }
    }

    static int cypherLocalAndNational(Driver driver, String property, String code) {
        try (Session session = driver.session()) {
            String q = CYPHER_LOCAL.replace("e[$property] = $code", "e." + property + " = $code");
            return session.executeRead(tx -> tx.run(q, Map.of("code", code, "chain", CHAIN)).list().size()
                    + tx.run(CYPHER_NATIONAL, Map.of("chain", CHAIN)).list().size());
        }
    }

    private static Region largest(ChainSnapshot s, RegionCatalog regions, RegionLevel level) {
        return regions.ofLevel(level).stream().max(Comparator.comparingInt((Region r) -> {
            int c = Integer.parseInt(r.code());
            int[] range = switch (level) {
                case PROVINCE -> s.rangeOf(c, c + 10_000);
                case CITY -> s.rangeOf(c, c + 100);
                case COUNTY -> s.rangeOf(c, c + 1);
            };
            return range[1] - range[0];
        }).thenComparing(Region::code)).orElseThrow();
    }

    /** Runs warm-up iterations, then measures; returns {p50, p99} in ms. */
    private static double[] time(int runs, int warmup, Supplier<?> task) {
        Object sink = null;
        for (int i = 0; i < warmup; i++) {
            sink = task.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            sink = task.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        Arrays.sort(ms);
        return new double[]{ms[(int) Math.floor(0.5 * (runs - 1))], ms[(int) Math.ceil(0.99 * (runs - 1))]};
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Writes the generated chain with parameterised UNWIND batches. */
    public static final class Generator {
        private final Driver driver;
        private final RegionCatalog regions;
        private final int n;
        private final int supplies;
        private final SplittableRandom random;
        private com.chainatlas.analysis.SnapshotBuilder memory;

        public Generator into(com.chainatlas.analysis.SnapshotBuilder builder) {
            this.memory = builder;
            return this;
        }

        public Generator(Driver driver, RegionCatalog regions, int n, int supplies, long seed) {
            this.driver = driver;
            this.regions = regions;
            this.n = n;
            this.supplies = supplies;
            this.random = new SplittableRandom(seed);
        }

        public void write() {
            String[] schema = {
                "CREATE CONSTRAINT IF NOT EXISTS FOR (c:Chain) REQUIRE c.id IS UNIQUE",
                "CREATE CONSTRAINT IF NOT EXISTS FOR (s:Segment) REQUIRE s.id IS UNIQUE",
                "CREATE CONSTRAINT IF NOT EXISTS FOR (e:Enterprise) REQUIRE e.uscc IS UNIQUE",
                "CREATE INDEX IF NOT EXISTS FOR (s:Segment) ON (s.chainId)",
                "CREATE INDEX IF NOT EXISTS FOR (e:Enterprise) ON (e.provinceCode)",
                "CREATE INDEX IF NOT EXISTS FOR (e:Enterprise) ON (e.cityCode)",
                "CREATE INDEX IF NOT EXISTS FOR (e:Enterprise) ON (e.countyCode)"};
            try (Session session = memory != null ? null : driver.session()) {
                for (String q : memory != null ? new String[0] : schema) {
                    session.executeWrite(tx -> tx.run(q).consume());
                }
                if (session != null) {
                    session.run("CALL db.awaitIndexes(300)").consume();
                    session.executeWrite(tx -> tx.run("CREATE (:Chain {id: $id, name: '基准测试链'})", Map.of("id", CHAIN)).consume());
                }
            }
            // Segments: P0..P9 with 9 leaves each; leaves of Pi feed two leaves of Pi+1.
            List<Map<String, Object>> segs = new ArrayList<>();
            List<Map<String, Object>> flows = new ArrayList<>();
            List<List<Integer>> feedsInto = new ArrayList<>(); // leaf → leaves feeding it
            int leaves = PARENTS * LEAVES_PER_PARENT;
            for (int l = 0; l < leaves; l++) {
                feedsInto.add(new ArrayList<>());
            }
            for (int p = 0; p < PARENTS; p++) {
                String stage = p < 3 ? "UPSTREAM" : p < 8 ? "MIDSTREAM" : "DOWNSTREAM";
                segs.add(seg("B-" + p, stage, null, p % 3 == 0));
                for (int c = 0; c < LEAVES_PER_PARENT; c++) {
                    int leaf = p * LEAVES_PER_PARENT + c;
                    segs.add(seg(leafId(leaf), stage, "B-" + p, random.nextInt(4) == 0));
                    if (p + 1 < PARENTS) {
                        for (int k = 0; k < 2; k++) {
                            int to = (p + 1) * LEAVES_PER_PARENT + random.nextInt(LEAVES_PER_PARENT);
                            if (!feedsInto.get(to).contains(leaf)) {
                                feedsInto.get(to).add(leaf);
                                flows.add(Map.of("from", leafId(leaf), "to", leafId(to)));
                            }
                        }
                    }
                }
            }
            if (memory != null) {
                segs.forEach(m -> memory.segment((String) m.get("id"), (String) m.get("id"),
                        com.chainatlas.chain.Stage.valueOf((String) m.get("stage")), (boolean) m.get("key"),
                        (int) m.get("va"), (String) m.get("parent")));
                flows.forEach(m -> memory.flow((String) m.get("from"), (String) m.get("to"), false));
            }
            write("""
                    UNWIND $rows AS row
                    MATCH (c:Chain {id: $chain})
                    CREATE (s:Segment {id: row.id, chainId: $chain, name: row.id, stage: row.stage, key: row.key,
                                       valueAdded: row.va, parentId: row.parent})
                    CREATE (c)-[:HAS_SEGMENT]->(s)
                    """, segs);
            write("""
                    UNWIND $rows AS row
                    MATCH (s:Segment {id: row.id}), (p:Segment {id: row.parent})
                    CREATE (s)-[:PART_OF]->(p)
                    """, segs.stream().filter(m -> m.get("parent") != null).toList());
            write("""
                    UNWIND $rows AS row
                    MATCH (a:Segment {id: row.from}), (b:Segment {id: row.to})
                    CREATE (a)-[:FEEDS {recycling: false}]->(b)
                    """, flows);

            // Enterprises: every county, weighted by province (a few provinces hold more), one or two leaves.
            List<Region> counties = regions.ofLevel(RegionLevel.COUNTY);
            double[] cumulative = new double[counties.size()];
            double sum = 0;
            for (int i = 0; i < counties.size(); i++) {
                int province = Integer.parseInt(counties.get(i).code().substring(0, 2));
                sum += province == 44 || province == 32 || province == 33 ? 3 : province == 34 || province == 31 ? 2 : 1;
                cumulative[i] = sum;
            }
            int[] leafOf = new int[n];
            List<List<Integer>> members = new ArrayList<>();
            for (int l = 0; l < leaves; l++) {
                members.add(new ArrayList<>());
            }
            List<Map<String, Object>> batch = new ArrayList<>();
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int idx = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                String county = counties.get(Math.min(counties.size() - 1, idx < 0 ? -idx - 1 : idx)).code();
                int leaf = random.nextInt(leaves);
                leafOf[i] = leaf;
                members.get(leaf).add(i);
                List<String> segIds = new ArrayList<>(List.of(leafId(leaf)));
                if (random.nextInt(10) == 0) {
                    segIds.add(leafId(random.nextInt(leaves)));
                }
                Map<String, Object> row = new HashMap<>();
                row.put("uscc", uscc(i));
                row.put("name", "企业" + i);
                row.put("region", county);
                row.put("province", county.substring(0, 2) + "0000");
                row.put("city", county.substring(0, 4) + "00");
                row.put("zone", random.nextInt(4) == 0 ? county + "开发区" : null);
                row.put("revenue", Math.round(Math.exp(8 + 1.5 * gaussian()) * 100) / 100.0);
                row.put("segments", segIds);
                batch.add(row);
                if (batch.size() == 10_000) {
                    writeEnterprises(batch);
                    batch.clear();
                    if ((i + 1) % 200_000 == 0) {
                        System.out.printf(Locale.ROOT, "  %,d enterprises written (%.0f s)%n", i + 1, secs(t));
                    }
                }
            }
            writeEnterprises(batch);
            batch.clear();
            // Supply relations along the flows: a customer in leaf L buys from a member of a leaf feeding L.
            t = System.nanoTime();
            int written = 0;
            java.util.Set<Long> pairs = new java.util.HashSet<>();
            while (written < supplies) {
                int customer = random.nextInt(n);
                List<Integer> feeders = feedsInto.get(leafOf[customer]);
                if (feeders.isEmpty()) {
                    continue;
                }
                List<Integer> pool = members.get(feeders.get(random.nextInt(feeders.size())));
                if (pool.isEmpty()) {
                    continue;
                }
                int supplier = pool.get(random.nextInt(pool.size()));
                if (supplier == customer || !pairs.add((long) supplier * n + customer)) {
                    continue;
                }
                Map<String, Object> row = new HashMap<>();
                row.put("a", uscc(supplier));
                row.put("b", uscc(customer));
                row.put("amount", random.nextInt(10) < 7 ? Math.round(random.nextDouble() * 1000) / 10.0 : null);
                batch.add(row);
                written++;
                if (batch.size() == 20_000) {
                    writeSupplies(batch);
                    batch.clear();
                    if (written % 1_000_000 == 0) {
                        System.out.printf(Locale.ROOT, "  %,d supply relations written (%.0f s)%n", written, secs(t));
                    }
                }
            }
            writeSupplies(batch);
        }

        @SuppressWarnings("unchecked")
        private void writeEnterprises(List<Map<String, Object>> rows) {
            if (memory != null) {
                for (Map<String, Object> r : rows) {
                    memory.enterprise((String) r.get("uscc"), (String) r.get("name"), (String) r.get("region"),
                            (String) r.get("zone"), (Double) r.get("revenue"));
                    ((List<String>) r.get("segments")).forEach(seg -> memory.membership((String) r.get("uscc"), seg));
                }
                return;
            }
            write("""
                    UNWIND $rows AS row
                    CREATE (e:Enterprise {uscc: row.uscc, name: row.name, regionCode: row.region,
                                          provinceCode: row.province, cityCode: row.city, countyCode: row.region,
                                          zone: row.zone, revenue: row.revenue})
                    WITH e, row
                    UNWIND row.segments AS segmentId
                    MATCH (s:Segment {id: segmentId})
                    MERGE (e)-[:IN_SEGMENT]->(s)
                    """, rows);
        }

        private void writeSupplies(List<Map<String, Object>> rows) {
            if (memory != null) {
                rows.forEach(r -> memory.supply((String) r.get("a"), (String) r.get("b"), null, (Double) r.get("amount")));
                return;
            }
            write("""
                    UNWIND $rows AS row
                    MATCH (a:Enterprise {uscc: row.a})
                    MATCH (b:Enterprise {uscc: row.b})
                    CREATE (a)-[:SUPPLIES {amount: row.amount}]->(b)
                    """, rows);
        }

        private void write(String query, List<Map<String, Object>> rows) {
            if (rows.isEmpty() || memory != null) {
                return;
            }
            try (Session session = driver.session()) {
                session.executeWrite(tx -> tx.run(query, Map.of("rows", rows, "chain", CHAIN)).consume());
            }
        }

        private Map<String, Object> seg(String id, String stage, String parent, boolean key) {
            Map<String, Object> m = new HashMap<>();
            m.put("id", id);
            m.put("stage", stage);
            m.put("parent", parent);
            m.put("key", key);
            m.put("va", 1 + random.nextInt(5));
            return m;
        }

        private static String leafId(int leaf) {
            return "B-" + leaf / LEAVES_PER_PARENT + "-" + leaf % LEAVES_PER_PARENT;
        }

        private static String uscc(int i) {
            return String.format("91%016d", i);
        }

        private double gaussian() {
            return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        }
    }
}
