package com.chainatlas.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.chainatlas.ChainAtlasApplication;
import com.chainatlas.analysis.ChainSnapshot;
import com.chainatlas.analysis.DiagnosisEngine;
import com.chainatlas.analysis.DiagnosisModel;
import com.chainatlas.analysis.DiagnosisSettings;
import com.chainatlas.analysis.RegionScope;
import com.chainatlas.analysis.SnapshotRegistry;
import com.chainatlas.bulk.BulkLoad;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.region.RegionLevel;
import com.chainatlas.system.Paging;
import com.chainatlas.targeting.TargetModel.TargetQuery;
import com.chainatlas.targeting.TargetService;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * National-scale benchmark (issue 14; not a test), one size per JVM: generates {@link ImportBenchmark}'s files for
 * three chains over all counties of the shipped region table (8·N rows: enterprises, memberships, products, five
 * supply relations each), loads them into a new data directory with the online importer (validation on, cold JVM)
 * or the bulk load ({@link BulkLoad}, whole load in-process), starts the application on that directory (no demo
 * data, no snapshot warm-up), builds the three chains' snapshots (time; used heap after {@code System.gc()} before
 * and after, the sampled peak, and the snapshots' own array estimate), then times, warm, the diagnosis computation
 * for the largest province, city and county of each chain (the engine on the snapshot, the cache bypassed) and the
 * targets service's first page for regions not asked before (a cache miss: diagnosis + ranking) and asked again
 * (cached). Each series stops after {@code bench.seriesSeconds} (default 90). Appends one line to a results file;
 * {@code --table FILE} prints the table of all sizes with the growth factor from one size to the next.
 *
 * <p>Run: {@code scripts/bench-national.sh [sizes…]} (see docs/scale.md, "National-scale benchmark").
 */
public final class NationalBenchmark {

    private static final int CHAINS = 3;
    private NationalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--table")) {
            table(Path.of(args[1]));
            return;
        }
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.springframework.data.neo4j.cypher"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        int n = Integer.parseInt(args[0].replace("_", ""));
        String loader = args[1];
        Path work = Path.of(args[2]).toAbsolutePath().normalize();
        Path results = Path.of(args[3]).toAbsolutePath().normalize();
        if (!loader.equals("importer") && !loader.equals("bulk")) {
            throw new IllegalArgumentException("loader must be importer or bulk: " + loader);
        }
        double seriesSeconds = Double.parseDouble(System.getProperty("bench.seriesSeconds", "90"));
        // BENCH_DB=<dir>: generate and load once into <dir>, reuse that database on later runs of the same N and loader
        // (the application's first start there adds only its migrations and regions, which later starts find done)
        String kept = System.getenv("BENCH_DB");
        boolean reuse = kept != null && !kept.isBlank();
        if (reuse) {
            work = Path.of(kept).toAbsolutePath().normalize();
        } else {
            deleteTree(work);
        }
        Path files = Files.createDirectories(work.resolve("files"));
        Path dataDir = work.resolve("data");
        Path marker = work.resolve("loaded-" + n + "-" + loader);
        Map<String, String> row = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "N = %,d enterprises, %d chains, loader %s, max heap %,d MB; load %s%n", n, CHAINS,
                loader, Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        long t;
        long rows = 0;
        double loadSecs;
        if (reuse && Files.exists(marker)) {
            String[] m = Files.readString(marker).trim().split(" "); // "rows seconds" of the run that loaded it
            rows = Long.parseLong(m[0]);
            loadSecs = Double.parseDouble(m[1]);
            System.out.printf(Locale.ROOT, "reusing the database loaded into %s by an earlier run%n", work);
        } else {
            if (reuse) { // a run that stopped before its marker: start afresh
                deleteTree(dataDir);
            }
            t = System.nanoTime();
            ImportBenchmark.generate(n, files, CHAINS);
            System.out.printf(Locale.ROOT, "generated %,d rows in %.1f s%n", 8L * n, secs(t));

            // (1) load
            List<String> formats = List.of("chains", "segments", "products", "enterprises", "enterprise-segments",
                    "enterprise-products", "supplies");
            for (String f : formats) {
                try (var lines = Files.lines(files.resolve(f + ".csv"))) {
                    rows += lines.count() - 1;
                }
            }
            if (loader.equals("importer")) {
                ImportSettings settings = new ImportSettings(50_000, 10_000, 5_000, 20, 200);
                try (IngestHarness h = new IngestHarness(dataDir, settings, null)) {
                    h.loadRegions(); // what the application does at first start (not timed, as the bulk load's regions are)
                    t = System.nanoTime();
                    for (String format : formats) {
                        long tf = System.nanoTime();
                        ImportJob job = h.importFile(format, files.resolve(format + ".csv"), false);
                        if (job.phase != ImportJob.Phase.DONE) {
                            throw new IllegalStateException(format + ": " + job.phase + " " + job.result);
                        }
                        System.out.printf(Locale.ROOT, "  importer %-20s %,9d rows %7.1f s%n", format, job.result.rowsWritten(), secs(tf));
                    }
                    loadSecs = secs(t);
                }
            } else {
                Map<String, Path> in = new LinkedHashMap<>();
                formats.forEach(f -> in.put(f, files.resolve(f + ".csv")));
                t = System.nanoTime();
                BulkLoad.Result r = BulkLoad.load(dataDir, in, System.out);
                loadSecs = secs(t);
                if (!r.loaded()) {
                    throw new IllegalStateException("bulk load refused the files: " + r.problemCount() + " problems");
                }
            }
            if (reuse) {
                Files.writeString(marker, rows + " " + loadSecs + "\n");
            }
        }
        System.out.printf(Locale.ROOT, "loaded %,d rows in %.1f s (%,.0f rows/s, %s); load %s%n", rows, loadSecs,
                rows / loadSecs, loader, loadAverage());
        if (Boolean.getBoolean("bench.loadOnly")) { // -Dbench.loadOnly=true with BENCH_DB: prepare the database only
            System.exit(0);
        }
        row.put("N", String.valueOf(n));
        row.put("loader", loader);
        row.put("rows", String.valueOf(rows));
        row.put("load s", f1(loadSecs));
        row.put("rows/s", String.valueOf(Math.round(rows / loadSecs)));

        // (2) the application on the loaded data; snapshots built here, timed
        SpringApplication app = new SpringApplication(ChainAtlasApplication.class);
        t = System.nanoTime();
        try (ConfigurableApplicationContext ctx = app.run("--server.port=0", "--logging.level.root=WARN",
                "--logging.level.org.springframework.data.neo4j.cypher=ERROR",
                "--chainatlas.embedded.data-dir=" + dataDir, "--chainatlas.embedded.bolt-port=0",
                "--chainatlas.embedded.page-cache=" + System.getProperty("bench.pagecache", "1g"),
                "--chainatlas.demo.enabled=false", "--chainatlas.snapshots.warm-up=false",
                "--chainatlas.security.admin-password=bench-admin-1")) {
            System.out.printf(Locale.ROOT, "application started in %.1f s%n", secs(t));
            SnapshotRegistry registry = ctx.getBean(SnapshotRegistry.class);
            ImportBenchmark.HeapWatch heap = new ImportBenchmark.HeapWatch();
            long before = usedHeapAfterGc();
            heap.start();
            heap.peakAndReset();
            List<ChainSnapshot> snapshots = new ArrayList<>();
            List<String> builds = new ArrayList<>();
            long estimated = 0;
            for (int c = 0; c < CHAINS; c++) {
                String chain = ImportBenchmark.chainId(c);
                long tb = System.nanoTime();
                ChainSnapshot s = registry.get(chain);
                builds.add(f1(secs(tb)));
                snapshots.add(s);
                estimated += s.estimatedBytes();
                System.out.printf(Locale.ROOT, "  snapshot %-7s %.1f s: %,d enterprises, %,d memberships, %,d supply relations, "
                                + "array estimate %,.0f MB%n", chain, secs(tb), s.enterpriseCount(), s.membershipCount(),
                        s.supplyCount(), s.estimatedBytes() / 1e6);
            }
            long after = usedHeapAfterGc();
            long tb = System.nanoTime();
            snapshots.set(0, registry.refresh(ImportBenchmark.chainId(0)));
            double rebuild = secs(tb);
            long peak = heap.peakAndReset();
            heap.interrupt();
            System.out.printf(Locale.ROOT, "snapshots: builds %s s, warm rebuild of %s %.1f s; used heap after GC %,d MB before, "
                            + "%,d MB after (retained %,d MB; array estimate %,d MB); peak sampled %,d MB; load %s%n",
                    builds, ImportBenchmark.chainId(0), rebuild, before >> 20, after >> 20, (after - before) >> 20,
                    estimated >> 20, peak >> 20, loadAverage());
            row.put("build s (3 chains, cold)", String.join("+", builds));
            row.put("rebuild s (1 chain, warm)", f1(rebuild));
            row.put("heap before MB", String.valueOf(before >> 20));
            row.put("heap after MB", String.valueOf(after >> 20));
            row.put("retained MB", String.valueOf((after - before) >> 20));
            row.put("array estimate MB", String.valueOf(estimated >> 20));
            row.put("peak MB", String.valueOf(peak >> 20));

            // (3) diagnosis: the engine on the snapshot (the service's cache bypassed), largest region per level
            RegionCatalog regions = new RegionCatalog();
            DiagnosisEngine engine = new DiagnosisEngine(code -> regions.exists(code) ? regions.fullName(code) : code);
            DiagnosisSettings cfg = DiagnosisSettings.defaults();
            for (RegionLevel level : RegionLevel.values()) {
                if (Boolean.getBoolean("bench.targetsOnly")) { // -Dbench.targetsOnly=true: only the targeting series
                    row.put("diag " + level.name().toLowerCase(Locale.ROOT) + " p50/p99 ms", "-");
                    continue;
                }
                List<Supplier<Object>> tasks = new ArrayList<>();
                for (ChainSnapshot s : snapshots) {
                    Region region = largest(s, regions, level, 1).get(0);
                    RegionScope scope = RegionScope.of(s, new DiagnosisModel.RegionRef(region.code(), region.name(),
                            level.name(), regions.fullName(region.code())), null);
                    tasks.add(() -> engine.diagnose(s, scope, cfg));
                }
                double[] p = series(tasks, 300, 30, seriesSeconds);
                System.out.printf(Locale.ROOT, "  diagnosis %-8s (largest of each chain) n=%.0f p50 %.2f ms p99 %.2f ms%n",
                        level, p[2], p[0], p[1]);
                row.put("diag " + level.name().toLowerCase(Locale.ROOT) + " p50/p99 ms", f2(p[0]) + "/" + f2(p[1]));
            }

            // (4) targeting through the service: first page of a query not asked before, then the same again
            TargetService targets = ctx.getBean(TargetService.class);
            // the per-snapshot target facts and supply-tie model, made in the background after each build: waited for
            // here (the wait is what a request arriving this early would wait), their own times from the profile
            List<String> prepared = new ArrayList<>();
            tb = System.nanoTime();
            for (ChainSnapshot s : snapshots) {
                String profile = targets.prepare(s.chainId());
                prepared.add(profile.substring(0, profile.indexOf(' ')));
                System.out.printf(Locale.ROOT, "  target facts %-7s %s%n", s.chainId(), profile);
            }
            System.out.printf(Locale.ROOT, "target facts of 3 chains ready %.1f s after the last build; load %s%n", secs(tb), loadAverage());
            row.put("target facts ms (3 chains, background)", String.join("+", prepared));
            List<TargetQuery> fresh = new ArrayList<>();
            for (RegionLevel level : RegionLevel.values()) {
                for (ChainSnapshot s : snapshots) {
                    for (Region r : largest(s, regions, level, 8)) {
                        fresh.add(new TargetQuery(s.chainId(), r.code(), null, null, null, null, null, null, null, null, null));
                    }
                }
            }
            java.util.Collections.shuffle(fresh, new java.util.Random(14));
            List<Supplier<Object>> once = new ArrayList<>();
            fresh.forEach(q -> once.add(() -> targets.rank(q, new Paging(0, 20))));
            // -Dbench.jfr=FILE: a flight recording (execution samples every 10 ms) of the targeting series only
            jdk.jfr.Recording jfr = null;
            if (System.getProperty("bench.jfr") != null) {
                jfr = new jdk.jfr.Recording();
                jfr.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
                jfr.enable("jdk.NativeMethodSample").withPeriod(java.time.Duration.ofMillis(20));
                jfr.start();
            }
            double[] pf = series(once, fresh.size(), 0, seriesSeconds);
            System.out.printf(Locale.ROOT, "  targets, first page of a new query (region × chain, all levels) n=%.0f p50 %.0f ms p99 %.0f ms%n",
                    pf[2], pf[0], pf[1]);
            // the last queries asked, fewer than the ranking cache holds (RankingCache.ENTRIES = 32), so each is a hit
            int asked = (int) pf[2];
            List<Supplier<Object>> again = new ArrayList<>(once.subList(Math.max(0, asked - 16), asked));
            double[] pc = series(again, 300, 0, seriesSeconds);
            System.out.printf(Locale.ROOT, "  targets, the same queries again (cached) n=%.0f p50 %.2f ms p99 %.2f ms%n", pc[2], pc[0], pc[1]);
            if (jfr != null) {
                jfr.stop();
                jfr.dump(Path.of(System.getProperty("bench.jfr")));
                jfr.close();
            }
            row.put("targets new p50/p99 ms", Math.round(pf[0]) + "/" + Math.round(pf[1]) + " (n=" + (int) pf[2] + ")");
            row.put("targets cached p50/p99 ms", f2(pc[0]) + "/" + f2(pc[1]));
        }
        row.put("load avg", loadAverage());
        System.out.println("load at the end: " + loadAverage());
        String line = String.join("\t", row.values()) + "\n";
        if (!Files.exists(results)) {
            Files.writeString(results, String.join("\t", row.keySet()) + "\n");
        }
        Files.writeString(results, line, StandardOpenOption.APPEND);
        if (!reuse && !Boolean.getBoolean("bench.keep")) {
            deleteTree(work);
        }
        System.exit(0);
    }

    /**
     * Runs the tasks round-robin: {@code warmup} unmeasured calls, then up to {@code runs} measured ones or until
     * {@code maxSeconds} have passed; returns {p50, p99, calls measured}.
     */
    private static double[] series(List<Supplier<Object>> tasks, int runs, int warmup, double maxSeconds) {
        for (int i = 0; i < warmup; i++) {
            if (tasks.get(i % tasks.size()).get() == null) {
                throw new IllegalStateException();
            }
        }
        double[] ms = new double[runs];
        long start = System.nanoTime();
        int done = 0;
        while (done < runs && (done == 0 || secs(start) < maxSeconds)) {
            long t = System.nanoTime();
            if (tasks.get(done % tasks.size()).get() == null) {
                throw new IllegalStateException();
            }
            ms[done++] = (System.nanoTime() - t) / 1e6;
        }
        double[] m = Arrays.copyOf(ms, done);
        Arrays.sort(m);
        return new double[]{m[(int) Math.floor(0.5 * (done - 1))], m[(int) Math.ceil(0.99 * (done - 1))], done};
    }

    /** The {@code k} regions of {@code level} with the most enterprises of the snapshot. */
    private static List<Region> largest(ChainSnapshot s, RegionCatalog regions, RegionLevel level, int k) {
        return regions.ofLevel(level).stream().sorted(Comparator.comparingInt((Region r) -> {
            int c = Integer.parseInt(r.code());
            int[] range = switch (level) {
                case PROVINCE -> s.rangeOf(c, c + 10_000);
                case CITY -> s.rangeOf(c, c + 100);
                case COUNTY -> s.rangeOf(c, c + 1);
            };
            return range[0] - range[1];
        }).thenComparing(Region::code)).limit(k).toList();
    }

    /** Prints the results file as a table, then each size's growth factor against the size before it. */
    private static void table(Path results) throws IOException {
        List<String[]> lines = Files.readAllLines(results).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
        String[] header = lines.get(0);
        System.out.println("| " + String.join(" | ", header) + " |");
        System.out.println("|" + "---|".repeat(header.length));
        for (String[] l : lines.subList(1, lines.size())) {
            System.out.println("| " + String.join(" | ", l) + " |");
        }
        System.out.println();
        System.out.println("Growth factor against the size before (×; time per N ratio = factor / N ratio):");
        for (int i = 2; i < lines.size(); i++) {
            String[] a = lines.get(i - 1);
            String[] b = lines.get(i);
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  N %s → %s (×%.0f):", a[0], b[0],
                    num(b[0]) / num(a[0])));
            for (int c = 2; c < header.length - 1; c++) {
                if (header[c].equals("loader")) {
                    continue;
                }
                double x = num(a[c]);
                double y = num(b[c]);
                if (x > 0 && !Double.isNaN(y)) {
                    sb.append(String.format(Locale.ROOT, " %s ×%.2f;", header[c], y / x));
                }
            }
            System.out.println(sb);
        }
    }

    /** The first number of a cell ("1.2+1.3+1.1" is summed, "3/7" gives 3). */
    private static double num(String cell) {
        String c = cell.split("[/ (]")[0];
        double sum = 0;
        for (String part : c.split("\\+")) {
            try {
                sum += Double.parseDouble(part);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return sum;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
