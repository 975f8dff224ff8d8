package com.chainatlas.analysis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import com.chainatlas.analysis.bench.DiagnosisBenchmark;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.system.CypherMigrations;

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
 * Incremental snapshot benchmark (not a test; issue 14): generates the {@link DiagnosisBenchmark} chain (N
 * enterprises over all counties, 5·N supply relations) in an embedded Neo4j, times a full snapshot build, then for
 * k = 1,000 and 10,000 rows writes an import of k rows (half supply rows MERGEd between random chain enterprises,
 * a quarter enterprise rows with a new revenue, some made unknown, a quarter memberships), invalidates the registry as the import event does
 * ({@link SnapshotRegistry#invalidate(String, java.util.Collection)} with the rows' enterprise keys) and times until
 * a province diagnosis reflects it: delta build (+ 延链 fit) + diagnosis. The same change is then timed with a full
 * rebuild, and the two snapshots are compared array for array ({@link SnapshotArrays}).
 * Run: {@code scripts/bench-incremental.sh [N]} (default 100000); on a bulk-loaded data directory
 * {@code BENCH_DB=<dir> scripts/bench-incremental.sh N --bulk-loaded} (docs/scale.md).
 */
public final class IncrementalSnapshotBenchmark {

    private static final String CHAIN = DiagnosisBenchmark.CHAIN;

    private IncrementalSnapshotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        // BENCH_DB=<dir>: generate once into that directory and reuse it on later runs (imports of earlier runs stay in it)
        String kept = System.getenv("BENCH_DB");
        Path dir = kept == null || kept.isBlank() ? Files.createTempDirectory("chainatlas-incr-bench") : Path.of(kept).toAbsolutePath().normalize();
        Path marker = dir.resolve("generated-" + n);
        boolean generateOnly = args.length > 1 && args[1].equals("--generate-only");
        // --bulk-loaded: BENCH_DB is a data directory made by scripts/bulk-load.sh from ImportBenchmark's files (chain
        // BENCH, 1 membership and 5 supplies per enterprise): minutes instead of the generator's hour at 1M
        boolean bulkLoaded = args.length > 1 && args[1].equals("--bulk-loaded");
        int port = freePort();
        System.out.printf(Locale.ROOT, "Incremental snapshot benchmark: %,d enterprises, %,d supply relations; heap %d MB, %d cores; %s%n",
                n, 5 * n, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), uptime());
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
            if (bulkLoaded) {
                System.out.printf("Using the bulk-loaded database in %s; migrations applied now: %d%n", dir,
                        new CypherMigrations(driver).apply()); // as the app's first start on it does
                awaitIndexes(driver);
            } else if (Files.exists(marker)) {
                System.out.println("Reusing the database generated in " + dir);
            } else {
                long t0 = System.nanoTime();
                new DiagnosisBenchmark.Generator(driver, regions, n, 5 * n, 20261122L).write();
                System.out.printf(Locale.ROOT, "Generated and written in %.1f s; %s%n", secs(t0), uptime());
                if (kept != null && !kept.isBlank()) {
                    Files.createFile(marker);
                }
            }
            if (!generateOnly) {
                run(driver);
            }
        } finally {
            dbms.shutdown();
            if (kept == null || kept.isBlank()) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void run(Driver driver) {
        var readers = new SnapshotExecutorConfiguration().snapshotDeltaReadExecutor(); // the application's pool
        readers.initialize();
        SnapshotRegistry registry = new SnapshotRegistry(new SnapshotLoader(driver, null, readers));
        DiagnosisEngine engine = new DiagnosisEngine(code -> code);
        long t0 = System.nanoTime();
        ChainSnapshot first = registry.get(CHAIN);
        System.out.printf(Locale.ROOT, "Full build: %.2f s (%,d enterprises, %,d supply relations); %s%n  %s%n", secs(t0),
                first.enterpriseCount(), first.supplyCount(), uptime(), first.buildProfile);
        String province = String.valueOf(first.regionCodeOf(first.enterpriseCount() / 2) / 10_000 * 10_000);
        DiagnosisModel.RegionRef ref = new DiagnosisModel.RegionRef(province, province, "PROVINCE", province);
        engine.diagnose(first, RegionScope.of(first, ref, null), DiagnosisSettings.defaults()); // warm
        first = null; // hold no more snapshots than the registry and the round (a 1M snapshot is ~1 GB with its figures)
        SplittableRandom random = new SplittableRandom(14);
        System.out.println("k rows | touched | delta: build ms, until diagnosis ms | full: build ms, until diagnosis ms | equal");
        int[] rounds = registry.get(CHAIN).enterpriseCount() >= 500_000 ? new int[]{1_000, 10_000} : new int[]{1_000, 10_000, 1_000, 10_000};
        for (int k : rounds) {
            ChainSnapshot before = registry.get(CHAIN);
            Set<String> touched = importRows(driver, before, k, random);
            long d0 = System.nanoTime();
            registry.invalidate(CHAIN, touched); // what SnapshotRefreshOnImport does with the import's event
            ChainSnapshot delta = registry.get(CHAIN);
            engine.diagnose(delta, RegionScope.of(delta, ref, null), DiagnosisSettings.defaults());
            double deltaMs = (System.nanoTime() - d0) / 1e6;
            long deltaBuild = delta.info().buildMillis();
            long f0 = System.nanoTime();
            registry.invalidate(CHAIN); // unknown keys: the full rebuild of before
            ChainSnapshot full = registry.get(CHAIN);
            engine.diagnose(full, RegionScope.of(full, ref, null), DiagnosisSettings.defaults());
            double fullMs = (System.nanoTime() - f0) / 1e6;
            List<String> diff = SnapshotArrays.differences(delta, full);
            String deltaProfile = delta.buildProfile;
            delta = null;
            before = null;
            System.out.printf(Locale.ROOT, "%6d | %7d | %8d, %8.0f | %8d, %8.0f | %s%n", k, touched.size(),
                    deltaBuild, deltaMs, full.info().buildMillis(), fullMs,
                    diff.isEmpty() ? "yes" : "NO " + diff.subList(0, Math.min(3, diff.size())));
            System.out.printf(Locale.ROOT, "  %s%n  %s%n  %s%n", deltaProfile, full.buildProfile, uptime());
        }
        System.out.println(uptime());
        profile(driver, registry.get(CHAIN), random);
    }

    /** PROFILE of the three delta queries on 1,000 keys: the operators (index seeks expected) and database hits. */
    private static void profile(Driver driver, ChainSnapshot s, SplittableRandom random) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            keys.add(s.usccOf(random.nextInt(s.enterpriseCount())));
        }
        Map<String, Object> p = Map.of("chain", CHAIN, "keys", keys);
        try (Session session = driver.session()) {
            for (String q : List.of(SnapshotLoader.DELTA_MEMBERSHIPS, SnapshotLoader.DELTA_SUPPLIES_OUT, SnapshotLoader.DELTA_SUPPLIES_IN)) {
                org.neo4j.driver.Result result = session.run("PROFILE " + q, p);
                result.list(); // the profile comes with materialised results
                var summary = result.consume();
                StringBuilder ops = new StringBuilder();
                operators(summary.profile(), ops);
                System.out.printf(Locale.ROOT, "PROFILE %s: %s%n", q.lines().skip(1).findFirst().orElse("").trim(), ops);
            }
        }
    }

    private static void operators(org.neo4j.driver.summary.ProfiledPlan plan, StringBuilder out) {
        for (org.neo4j.driver.summary.ProfiledPlan child : plan.children()) {
            operators(child, out);
        }
        out.append(out.isEmpty() ? "" : " -> ").append(plan.operatorType().replace("@neo4j", ""))
                .append(" (").append(plan.dbHits()).append(" hits, ").append(plan.records()).append(" rows)");
    }

    /** Writes k import rows (half supplies, half enterprise revenues) as the importer would; returns their keys. */
    private static void awaitIndexes(Driver driver) {
        try (Session session = driver.session()) {
            session.run("CALL db.awaitIndexes(3600)").consume();
        }
    }

    /**
     * k rows as an import writes them: half supply relations between random chain enterprises, a quarter new
     * revenues (a tenth of them unknown), a quarter memberships in another segment of the chain.
     */
    private static Set<String> importRows(Driver driver, ChainSnapshot s, int k, SplittableRandom random) {
        Set<String> touched = new LinkedHashSet<>();
        List<Map<String, Object>> supplies = new ArrayList<>();
        List<Map<String, Object>> revenues = new ArrayList<>();
        List<Map<String, Object>> memberships = new ArrayList<>();
        int n = s.enterpriseCount();
        List<String> segments;
        try (Session session = driver.session()) {
            segments = session.executeRead(tx -> tx.run("MATCH (:Chain {id: $chain})-[:HAS_SEGMENT]->(s:Segment) RETURN s.id AS id",
                    Map.of("chain", CHAIN)).list(r -> r.get("id").asString()));
        }
        for (int i = 0; i < k; i++) {
            String a = s.usccOf(random.nextInt(n));
            if (i % 4 == 3) {
                memberships.add(Map.of("e", a, "s", segments.get(random.nextInt(segments.size()))));
                touched.add(a);
            } else if (i % 2 == 0) {
                String b = s.usccOf(random.nextInt(n));
                if (a.equals(b)) {
                    continue;
                }
                supplies.add(Map.of("a", a, "b", b, "x", (double) random.nextInt(5_000)));
                touched.add(a);
                touched.add(b);
            } else {
                Map<String, Object> row = new HashMap<>();
                row.put("e", a);
                row.put("r", random.nextInt(10) == 0 ? null : (double) random.nextInt(100_000)); // unknown is not zero
                revenues.add(row);
                touched.add(a);
            }
        }
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    UNWIND $rows AS row
                    MATCH (a:Enterprise {uscc: row.a}), (b:Enterprise {uscc: row.b})
                    MERGE (a)-[r:SUPPLIES]->(b) SET r.amount = row.x
                    """, Map.of("rows", supplies)).consume());
            session.executeWrite(tx -> tx.run("""
                    UNWIND $rows AS row
                    MATCH (e:Enterprise {uscc: row.e}) SET e.revenue = row.r
                    """, Map.of("rows", revenues)).consume());
            session.executeWrite(tx -> tx.run("""
                    UNWIND $rows AS row
                    MATCH (e:Enterprise {uscc: row.e}), (s:Segment {id: row.s})
                    MERGE (e)-[:IN_SEGMENT]->(s)
                    """, Map.of("rows", memberships)).consume());
        }
        return touched;
    }

    private static String uptime() {
        try {
            return "uptime: " + new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).trim();
        } catch (IOException e) {
            return "uptime: n/a";
        }
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
}
