package com.chainatlas.system.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.chainatlas.enterprise.Uscc;

/**
 * Load benchmark (not a test; issue 13 "Reliability, measured"): N clients (default 50) for S seconds (default 60)
 * on loopback, each in a closed loop over diagnosis, targets, the enterprise list and the chain endpoints for several
 * chains and regions, while an enterprise import runs alongside (its duration is compared with the same import
 * alone). Prints per endpoint: count, errors, 429s, p50/p95/p99/max, and the load average.
 *
 * <p>Bounded and stops by itself: it starts the app as a child JVM on a free loopback port with a fresh data
 * directory (demo data), or uses {@code --url} (loopback addresses only); every request times out after 30 s;
 * a watchdog ends everything at S + 300 s ({@code --bound B}: S + B). Run: {@code scripts/bench-load.sh [clients] [seconds] [options]}.
 *
 * <p>Options: {@code --url http://127.0.0.1:8080} (use a running app), {@code --jar target/x.jar} (start the
 * packaged jar instead of the compiled classes), {@code --import-rows 20000}, {@code --heap 2g}, {@code --keep-data},
 * {@code --http-threads N} (the child app's Tomcat worker threads).
 * Sign-in: user/password from system properties {@code bench.user}/{@code bench.password} or env
 * {@code BENCH_USER}/{@code BENCH_PASSWORD}; default admin / $CHAINATLAS_ADMIN_PASSWORD.
 */
public final class LoadBenchmark {

    /** The demo data's chains; {@code --chains} for another database (e.g. a bulk-loaded national one). */
    static List<String> CHAINS = List.of("NEV", "IC");
    /** 合肥, 安徽, 苏州, 江苏, 深圳, 上海, 杭州: cities and provinces, the demo region first; {@code --regions} to change. */
    static List<String> REGIONS = List.of("340100", "340000", "320500", "320000", "440300", "310000", "330100");
    static final List<String> ENDPOINTS = List.of("diagnosis", "targets", "enterprises", "chain", "chains");

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        long hardStop = System.currentTimeMillis() + (o.seconds + o.boundSeconds) * 1000L + (o.url == null ? 600_000L : 0);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(Math.max(1, hardStop - System.currentTimeMillis()));
                System.err.println("watchdog: benchmark exceeded its time bound; stopping");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                // finished in time
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        AppProcess app = null;
        String base = o.url;
        try {
            if (base == null) {
                app = AppProcess.start(o);
                base = app.base();
            } else if (!loopback(base)) {
                throw new IllegalArgumentException("--url must be a loopback address (127.0.0.1, localhost, ::1): " + base);
            }
            run(o, base, app == null ? null : app.pid());
        } finally {
            if (app != null) {
                app.stop(o.keepData);
            }
            watchdog.interrupt();
        }
    }

    private static void run(Options o, String base, Long appPid) throws Exception {
        printMachine(o, base);
        BenchClient admin = new BenchClient(base);
        boolean signedIn = admin.signIn(o.user, o.password);
        System.out.println("sign-in: " + (signedIn ? "yes, once per client as " + o.user + " (session cookie + CSRF)"
                : "none (the app has no /api/auth/csrf)"));

        // 1. the import alone, for comparison
        byte[] alone = enterprisesCsv(o.importRows, 10_000_000L);
        byte[] during = enterprisesCsv(o.importRows, 20_000_000L);
        ImportRun a = ImportRun.run(admin, alone, "bench-load-alone.csv");
        System.out.printf(Locale.ROOT, "import alone: %,d enterprises, %s in %.1f s%n", o.importRows, a.phase, a.seconds);

        // 2. warm-up: every diagnosis and ranking once (cold figures shown, not counted below)
        Stats cold = new Stats();
        for (String chain : CHAINS) {
            for (String region : REGIONS) {
                for (String path : List.of(diagnosis(chain, region), targets(chain, region, 0))) {
                    long t = System.nanoTime();
                    HttpResponse<String> r = admin.get(path, java.time.Duration.ofMinutes(10)); // cold: not a latency figure
                    cold.add(System.nanoTime() - t, r.statusCode());
                }
            }
        }
        System.out.printf(Locale.ROOT, "warm-up (cold) %d requests: p50 %.0f ms, max %.0f ms, non-200 %d%n",
                cold.count(), cold.percentile(50), cold.percentile(100), cold.errors + cold.busy);

        // 3. the load, with the import alongside
        List<BenchClient> clients = new ArrayList<>();
        for (int i = 0; i < o.clients; i++) {
            BenchClient c = new BenchClient(base);
            c.signIn(o.user, o.password);
            clients.add(c);
        }
        Map<String, Stats> stats = new ConcurrentHashMap<>();
        ENDPOINTS.forEach(e -> stats.put(e, new Stats()));
        ConcurrentHashMap<String, String> errorSamples = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicLong refreshing = new java.util.concurrent.atomic.AtomicLong();
        StallWatch stallWatch = new StallWatch(2000, appPid, Path.of("target", "bench-load"), 3);
        long start = System.nanoTime();
        long end = start + o.seconds * 1_000_000_000L;
        stallWatch.start(start);
        CountDownLatch done = new CountDownLatch(o.clients);
        for (int i = 0; i < o.clients; i++) {
            BenchClient c = clients.get(i);
            SplittableRandom random = new SplittableRandom(1000L + i);
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        String[] req = request(random);
                        Stats s = stats.get(req[0]);
                        long t0 = System.nanoTime();
                        stallWatch.begin();
                        try {
                            HttpResponse<String> r = c.get(req[1]);
                            s.add(System.nanoTime() - t0, r.statusCode());
                            if (r.statusCode() == 200 && r.body().contains("\"refreshing\":{")) {
                                refreshing.incrementAndGet(); // the previous data's ranking, the new one computing
                            }
                            if (r.statusCode() != 200 && r.statusCode() != 429 && errorSamples.size() < 10) {
                                errorSamples.putIfAbsent(req[1], r.statusCode() + " " + cut(r.body()));
                            }
                        } catch (IOException e) {
                            s.add(System.nanoTime() - t0, -1);
                            if (errorSamples.size() < 10) {
                                errorSamples.putIfAbsent(req[1], e.toString());
                            }
                        } finally {
                            stallWatch.end();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + i);
            t.setDaemon(true);
            t.start();
        }
        AtomicReference<ImportRun> alongside = new AtomicReference<>();
        Thread importer = new Thread(() -> {
            try {
                Thread.sleep(Math.min(10_000L, o.seconds * 1000L / 6));
                alongside.set(ImportRun.run(admin, during, "bench-load-during.csv"));
            } catch (Exception e) {
                alongside.set(new ImportRun("ERROR " + e, Double.NaN));
            }
        }, "bench-import");
        importer.setDaemon(true);
        importer.start();
        List<String> loads = new ArrayList<>();
        while (!done.await(10, TimeUnit.SECONDS)) {
            loads.add(loadAverage());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        loads.add(loadAverage());
        importer.join(o.seconds * 1000L + 180_000L);

        System.out.printf(Locale.ROOT, "%n%d clients × %d s (ran %.1f s), load average during the run (1/5/15 min): %s%n",
                o.clients, o.seconds, elapsed, String.join(" | ", loads));
        System.out.println();
        System.out.println("| Endpoint | Requests | req/s | Errors | 429 | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        Stats all = new Stats();
        for (String e : ENDPOINTS) {
            Stats s = stats.get(e);
            all.merge(s);
            System.out.println(s.row(e, elapsed));
        }
        System.out.println(all.row("**all**", elapsed));
        ImportRun d = alongside.get();
        System.out.println();
        System.out.printf(Locale.ROOT, "import alongside: %,d enterprises, %s in %.1f s (alone: %.1f s)%n", o.importRows,
                d == null ? "NOT FINISHED" : d.phase, d == null ? Double.NaN : d.seconds, a.seconds);
        gcPauses(Path.of("target", "bench-load", "app-gc.log"), o);
        System.out.printf(Locale.ROOT, "target pages answered with the previous data's ranking while the new one was computed: %,d of %,d%n",
                refreshing.get(), stats.get("targets").count());
        List<String> stalls = stallWatch.finish(start);
        System.out.println("stalls (requests in flight, none completed for ≥ 2 s): " + (stalls.isEmpty() ? "none" : stalls.size()));
        stalls.forEach(System.out::println);
        errorSamples.forEach((path, what) -> System.out.println("error sample: " + path + " → " + what));
        boolean goal = all.errors == 0 && all.busy == 0 && all.percentile(99) < 500;
        System.out.println("goal (0 errors, 0 429s, p99 < 500 ms): " + (goal ? "met" : "NOT met"));
    }

    /** One request of the mix: 30 % diagnosis, 30 % targets, 20 % enterprise list, 15 % chain structure, 5 % chain list. */
    static String[] request(SplittableRandom random) {
        String chain = CHAINS.get(random.nextInt(CHAINS.size()));
        String region = REGIONS.get(random.nextInt(REGIONS.size()));
        int p = random.nextInt(100);
        if (p < 30) {
            return new String[]{"diagnosis", diagnosis(chain, region)};
        }
        if (p < 60) {
            return new String[]{"targets", targets(chain, region, random.nextInt(3))};
        }
        if (p < 80) {
            return new String[]{"enterprises", "/api/enterprises?chain=" + chain + "&region=" + region + "&page="
                    + random.nextInt(3) + "&size=20"};
        }
        if (p < 95) {
            return new String[]{"chain", "/api/chains/" + chain};
        }
        return new String[]{"chains", "/api/chains"};
    }

    static String diagnosis(String chain, String region) {
        return "/api/diagnosis?chain=" + chain + "&region=" + region;
    }

    static String targets(String chain, String region, int page) {
        return "/api/targets?chain=" + chain + "&region=" + region + "&page=" + page + "&size=20";
    }

    /** {@code n} valid enterprises (English headers of the enterprises format) in a few counties, serials from {@code first}. */
    static byte[] enterprisesCsv(int n, long first) {
        String[] counties = {"340104", "340111", "320505", "440305", "310115", "330106"};
        SplittableRandom random = new SplittableRandom(first);
        StringBuilder b = new StringBuilder("uscc,name,shortName,regionCode,zone,revenue,employees,founded,tags,patents\n");
        for (int i = 0; i < n; i++) {
            String county = counties[i % counties.length];
            b.append(Uscc.of(county, first + i)).append(",负载测试企业").append(first + i).append("有限公司,负载")
                    .append(first + i).append(',').append(county).append(",,").append(1 + random.nextInt(100_000)).append(',')
                    .append(1 + random.nextInt(5000)).append(",2010-0").append(1 + random.nextInt(9)).append("-1")
                    .append(random.nextInt(10)).append(",高新技术企业,").append(random.nextInt(100)).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void printMachine(Options o, String base) {
        String cpu = "?";
        long memKb = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            // not Linux: leave unknown
        }
        System.out.printf(Locale.ROOT, "machine: %d cores (%s), %.1f GiB, Java %s; app %s; load average at start %s%n",
                Runtime.getRuntime().availableProcessors(), cpu, memKb / 1048576.0, System.getProperty("java.version"),
                base, loadAverage());
    }

    private static boolean loopback(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    static String cut(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** The app's GC pauses during the whole child run (a stop-the-world pause delays every endpoint at once). */
    private static void gcPauses(Path log, Options o) {
        if (o.url != null || !Files.exists(log)) {
            return;
        }
        try {
            Matcher m = Pattern.compile("Pause.* (\\d+(?:\\.\\d+)?)ms").matcher(Files.readString(log));
            int n = 0;
            double total = 0;
            double max = 0;
            while (m.find()) {
                double ms = Double.parseDouble(m.group(1));
                n++;
                total += ms;
                max = Math.max(max, ms);
            }
            System.out.printf(Locale.ROOT, "app GC (whole run incl. start): %d pauses, %.0f ms in all, longest %.0f ms (%s)%n",
                    n, total, max, log);
        } catch (IOException e) {
            System.out.println("app GC log not read: " + e.getMessage());
        }
    }

    /** Latencies and outcomes of one endpoint. */
    static final class Stats {
        private long[] nanos = new long[1024];
        private int n;
        long errors;
        long busy;

        synchronized void add(long latencyNanos, int status) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = latencyNanos;
            if (status == 429) {
                busy++;
            } else if (status < 200 || status >= 300) {
                errors++;
            }
        }

        synchronized void merge(Stats other) {
            synchronized (other) {
                for (int i = 0; i < other.n; i++) {
                    add(other.nanos[i], 200);
                }
                errors += other.errors;
                busy += other.busy;
            }
        }

        synchronized int count() {
            return n;
        }

        /** Nearest-rank percentile in ms; 100 = the maximum. */
        synchronized double percentile(double p) {
            if (n == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * n);
            return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
        }

        String row(String name, double seconds) {
            return String.format(Locale.ROOT, "| %s | %,d | %.1f | %d | %d | %.0f | %.0f | %.0f | %.0f |", name, count(),
                    count() / seconds, errors, busy, percentile(50), percentile(95), percentile(99), percentile(100));
        }
    }

    /** An enterprise import through the API, waited for. */
    record ImportRun(String phase, double seconds) {

        private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern PHASE = Pattern.compile("\"phase\"\\s*:\\s*\"([A-Z_]+)\"");

        static ImportRun run(BenchClient client, byte[] csv, String name) throws IOException, InterruptedException {
            long t = System.nanoTime();
            HttpResponse<String> r = client.upload("/api/import/enterprises", name, csv);
            Matcher id = ID.matcher(r.body());
            if (r.statusCode() != 202 || !id.find()) {
                throw new IllegalStateException("import upload: HTTP " + r.statusCode() + " " + cut(r.body()));
            }
            long deadline = System.currentTimeMillis() + 600_000;
            while (System.currentTimeMillis() < deadline) {
                HttpResponse<String> j = client.get("/api/import/jobs/" + id.group(1));
                Matcher phase = PHASE.matcher(j.body());
                if (phase.find() && List.of("DONE", "REJECTED", "FAILED").contains(phase.group(1))) {
                    return new ImportRun(phase.group(1), (System.nanoTime() - t) / 1e9);
                }
                Thread.sleep(200);
            }
            return new ImportRun("TIMED OUT", (System.nanoTime() - t) / 1e9);
        }
    }

    /** Command-line options. */
    static final class Options {
        int clients = 50;
        int seconds = 60;
        String url;
        String jar;
        String heap = "2g";
        int importRows = 20_000;
        boolean keepData;
        /** Tomcat worker threads of the child app; null: the app's own setting. */
        Integer httpThreads;
        /** Seconds beyond the run the watchdog allows (imports, warm-up); national-scale data needs more. */
        int boundSeconds = 300;
        String user = setting("bench.user", "BENCH_USER", "admin");
        String password = setting("bench.password", "BENCH_PASSWORD", setting("chainatlas.admin-password",
                "CHAINATLAS_ADMIN_PASSWORD", "bench-admin-pass-1"));

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> o.url = args[++i];
                    case "--jar" -> o.jar = args[++i];
                    case "--heap" -> o.heap = args[++i];
                    case "--import-rows" -> o.importRows = Integer.parseInt(args[++i]);
                    case "--keep-data" -> o.keepData = true;
                    case "--http-threads" -> o.httpThreads = Integer.parseInt(args[++i]);
                    case "--bound" -> o.boundSeconds = Integer.parseInt(args[++i]);
                    case "--chains" -> CHAINS = List.of(args[++i].split(","));
                    case "--regions" -> REGIONS = List.of(args[++i].split(","));
                    default -> positional.add(args[i]);
                }
            }
            if (!positional.isEmpty()) {
                o.clients = Integer.parseInt(positional.get(0));
            }
            if (positional.size() > 1) {
                o.seconds = Integer.parseInt(positional.get(1));
            }
            if (o.clients < 1 || o.clients > 500 || o.seconds < 1 || o.seconds > 3600 || o.importRows < 1 || o.importRows > 1_000_000) {
                throw new IllegalArgumentException("clients 1..500, seconds 1..3600, import rows 1..1000000");
            }
            return o;
        }

        private static String setting(String property, String env, String fallback) {
            String p = System.getProperty(property);
            if (p != null && !p.isBlank()) {
                return p;
            }
            String e = System.getenv(env);
            return e != null && !e.isBlank() ? e : fallback;
        }
    }

    /** The app as a child JVM on a free loopback port with a fresh data directory (demo data generated at start). */
    static final class AppProcess {
        private final Process process;
        private final int port;
        private final Path dataDir;

        private AppProcess(Process process, int port, Path dataDir) {
            this.process = process;
            this.port = port;
            this.dataDir = dataDir;
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        long pid() {
            return process.pid();
        }

        static AppProcess start(Options o) throws IOException, InterruptedException {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Path dir = Files.createDirectories(Path.of("target", "bench-load")).toAbsolutePath();
            Path data = dir.resolve("neo4j-" + System.currentTimeMillis());
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + o.heap, "-XX:+UseG1GC", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "-Xlog:gc:file=" + dir.resolve("app-gc.log")));
            if (o.jar != null) {
                cmd.addAll(List.of("-jar", o.jar));
            } else { // the compiled app on its runtime class path (no test classes, resources or test-scope jars)
                String runtime = System.getProperty("bench.appClasspath");
                String cp = runtime != null && !runtime.isBlank() ? runtime
                        : Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                        .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/"))
                        .reduce((x, y) -> x + java.io.File.pathSeparator + y).orElseThrow();
                cmd.addAll(List.of("-cp", cp, "com.chainatlas.ChainAtlasApplication"));
            }
            cmd.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1", "--spring.neo4j.uri=",
                    "--chainatlas.embedded.data-dir=" + data, "--chainatlas.embedded.bolt-port=0", "--chainatlas.demo.enabled=true"));
            if (o.httpThreads != null) {
                cmd.add("--chainatlas.http.threads=" + o.httpThreads);
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("app.log").toFile());
            pb.environment().put("CHAINATLAS_ADMIN_PASSWORD", o.password);
            long t = System.nanoTime();
            Process p = pb.start();
            AppProcess app = new AppProcess(p, port, data);
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
            BenchClient probe = new BenchClient(app.base());
            long deadline = System.currentTimeMillis() + 600_000;
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the app exited with " + p.exitValue() + "; see " + dir.resolve("app.log"));
                }
                try {
                    if (probe.get("/actuator/health").statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the app did not become healthy within 10 minutes");
                }
                Thread.sleep(500);
            }
            System.out.printf(Locale.ROOT, "app started (child JVM, -Xmx%s, demo data) in %.1f s on %s, log %s%n", o.heap,
                    (System.nanoTime() - t) / 1e9, app.base(), dir.resolve("app.log"));
            return app;
        }

        void stop(boolean keepData) throws InterruptedException, IOException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            if (!keepData && Files.exists(dataDir)) {
                try (var walk = Files.walk(dataDir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }
}
