package com.chainatlas.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.chainatlas.enterprise.Uscc;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.region.RegionLevel;

/**
 * Import benchmark (not a test): generates N enterprises with one segment membership, one product each
 * and five supply relations each (8·N rows in four CSV files), imports them through the importer with all
 * validation on, and loads the same files into a second, fresh embedded database with Neo4j's
 * {@code LOAD CSV} doing the equivalent MERGEs, alternating file by file, and prints rows/s both ways and
 * their ratio. Peak heap is sampled separately while each side runs (both databases share the JVM).
 *
 * <p>Run: {@code scripts/bench-import.sh 100000} (see docs/import-formats.md, "Benchmark").
 */
public final class ImportBenchmark {

    private static final int SEGMENTS = 20;
    private static final int PRODUCTS = 40;
    private static final String[] TAGS = {"高新技术企业", "专精特新", "上市", "专精特新小巨人"};

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.springframework.data.neo4j.cypher"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        Path work = Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath().normalize();
        deleteTree(work);
        Path files = Files.createDirectories(work.resolve("import"));
        System.out.printf("Generating %,d enterprises (%,d rows) in %s%n", n, 8L * n, files);
        generate(n, files);
        ImportSettings warmSettings = new ImportSettings(
                Integer.getInteger("bench.singleTransactionRows", 50_000), Integer.getInteger("bench.batchRows", 10_000),
                Integer.getInteger("bench.chunkRows", 5_000), 20, 200);
        int warm = Integer.getInteger("bench.warmup", 20_000);
        if (warm > 0) {
            // JIT warm-up of both paths on throwaway databases, so neither pays for running first
            Path warmFiles = Files.createDirectories(work.resolve("warm"));
            generate(warm, warmFiles);
            try (IngestHarness h = new IngestHarness(work.resolve("db-warm-importer"), warmSettings, null)) {
                setup(h, warmFiles);
                for (String format : List.of("enterprises", "enterprise-segments", "enterprise-products", "supplies")) {
                    h.importFile(format, warmFiles.resolve(format + ".csv"), false);
                }
            }
            try (IngestHarness h = new IngestHarness(work.resolve("db-warm-loadcsv"), warmSettings, warmFiles)) {
                setup(h, warmFiles);
                LOAD_CSV.values().forEach(q -> h.neo4j.query(q).run());
            }
            System.out.printf("Warmed up both paths on %,d enterprises%n", warm);
        }
        HeapWatch heap = new HeapWatch();
        heap.start();

        ImportSettings settings = new ImportSettings(
                Integer.getInteger("bench.singleTransactionRows", 50_000), Integer.getInteger("bench.batchRows", 10_000),
                Integer.getInteger("bench.chunkRows", 5_000), 20, 200);
        boolean importerOnly = Boolean.getBoolean("bench.importerOnly");
        double importerSeconds = 0;
        double loadCsvSeconds = 0;
        long importerPeak = 0;
        long loadCsvPeak = 0;
        Map<String, Long> importerCounts;
        Map<String, Long> loadCsvCounts = Map.of();
        // Both databases are open at once and the two paths alternate file by file, so a change in the
        // machine's load (this is a shared 2-core box) hits both sides alike instead of one half of the run.
        try (IngestHarness importer = new IngestHarness(work.resolve("db-importer"), settings, null);
             IngestHarness loadCsv = importerOnly ? null : new IngestHarness(work.resolve("db-loadcsv"), settings, files)) {
            setup(importer, files);
            if (loadCsv != null) {
                setup(loadCsv, files);
            }
            for (String format : List.of("enterprises", "enterprise-segments", "enterprise-products", "supplies")) {
                heap.peakAndReset();
                long t = System.nanoTime();
                ImportJob job = importer.importFile(format, files.resolve(format + ".csv"), false);
                if (job.phase != ImportJob.Phase.DONE) {
                    throw new IllegalStateException(format + ": " + job.phase + " " + job.result);
                }
                double took = secs(t);
                importerSeconds += took;
                importerPeak = Math.max(importerPeak, heap.peakAndReset());
                System.out.printf("  importer %-20s %,9d rows %7.1f s  %s%s%n", format, job.result.rowsWritten(), took, job.phaseMillis,
                        Boolean.getBoolean("bench.timestamps") ? " ended at epoch ms " + System.currentTimeMillis() : "");
                if (loadCsv != null) {
                    t = System.nanoTime();
                    loadCsv.neo4j.query(LOAD_CSV.get(format)).run();
                    took = secs(t);
                    loadCsvSeconds += took;
                    loadCsvPeak = Math.max(loadCsvPeak, heap.peakAndReset());
                    System.out.printf("  LOAD CSV %-20s %,9d rows %7.1f s%n", format, job.result.rowsWritten(), took);
                }
            }
            importerCounts = counts(importer);
            if (loadCsv != null) {
                loadCsvCounts = counts(loadCsv);
            }
        }
        heap.interrupt();
        if (importerOnly) {
            System.out.printf("importer: %.1f s, %,.0f rows/s, peak heap %,d MB%n", importerSeconds, 8.0 * n / importerSeconds, importerPeak >> 20);
            System.exit(0);
        }

        long rows = 8L * n;
        double importerRate = rows / importerSeconds;
        double loadCsvRate = rows / loadCsvSeconds;
        System.out.println();
        System.out.printf("N = %,d enterprises, %,d rows (enterprises, memberships, products, 5 supplies each)%n", n, rows);
        System.out.printf("importer (validation on): %8.1f s  %,10.0f rows/s  peak heap %,d MB%n", importerSeconds, importerRate, importerPeak >> 20);
        System.out.printf("LOAD CSV (MERGE):         %8.1f s  %,10.0f rows/s  peak heap %,d MB%n", loadCsvSeconds, loadCsvRate, loadCsvPeak >> 20);
        System.out.printf("ratio importer / LOAD CSV = %.2f%n", importerRate / loadCsvRate);
        System.out.println("graph (importer): " + importerCounts);
        System.out.println("graph (LOAD CSV): " + loadCsvCounts);
        if (!importerCounts.equals(loadCsvCounts)) {
            System.out.println("WARNING: the two graphs differ");
        }
        System.exit(0);
    }

    private static final Map<String, String> LOAD_CSV = new LinkedHashMap<>();

    static {
        LOAD_CSV.put("enterprises", """
                LOAD CSV WITH HEADERS FROM 'file:///enterprises.csv' AS row
                CALL (row) {
                  MERGE (e:Enterprise {uscc: row.uscc})
                  SET e.name = row.name, e.shortName = row.shortName, e.regionCode = row.regionCode,
                      e.provinceCode = substring(row.regionCode, 0, 2) + '0000',
                      e.cityCode = CASE WHEN row.regionCode ENDS WITH '0000' THEN null ELSE substring(row.regionCode, 0, 4) + '00' END,
                      e.countyCode = CASE WHEN row.regionCode ENDS WITH '00' THEN null ELSE row.regionCode END,
                      e.zone = row.zone, e.revenue = toFloat(row.revenue), e.employees = toInteger(row.employees),
                      e.founded = date(row.founded), e.tags = split(row.tags, ';'), e.patents = toInteger(row.patents),
                      e.sample = false
                  WITH e, row
                  OPTIONAL MATCH (e)-[old:LOCATED_IN]->(:Region)
                  DELETE old
                  WITH e, row
                  MATCH (r:Region {code: row.regionCode})
                  MERGE (e)-[:LOCATED_IN]->(r)
                } IN TRANSACTIONS OF 10000 ROWS""");
        LOAD_CSV.put("enterprise-segments", """
                LOAD CSV WITH HEADERS FROM 'file:///enterprise-segments.csv' AS row
                CALL (row) {
                  MATCH (e:Enterprise {uscc: row.enterprise})
                  MATCH (s:Segment {id: row.segmentId})
                  MERGE (e)-[:IN_SEGMENT]->(s)
                } IN TRANSACTIONS OF 10000 ROWS""");
        LOAD_CSV.put("enterprise-products", """
                LOAD CSV WITH HEADERS FROM 'file:///enterprise-products.csv' AS row
                CALL (row) {
                  MATCH (e:Enterprise {uscc: row.enterprise})
                  MATCH (p:Product {id: row.productId})
                  MERGE (e)-[m:MAKES]->(p)
                  SET m.share = toFloat(row.share)
                } IN TRANSACTIONS OF 10000 ROWS""");
        LOAD_CSV.put("supplies", """
                LOAD CSV WITH HEADERS FROM 'file:///supplies.csv' AS row
                CALL (row) {
                  MATCH (a:Enterprise {uscc: row.supplier})
                  MATCH (b:Enterprise {uscc: row.customer})
                  MERGE (a)-[s:SUPPLIES]->(b)
                  SET s.productId = row.productId, s.amount = toFloat(row.amount)
                } IN TRANSACTIONS OF 10000 ROWS""");
    }

    /** The chain the generated enterprises belong to: imported through the importer in both databases (untimed). */
    private static void setup(IngestHarness h, Path files) {
        h.loadRegions();
        for (String format : List.of("chains", "segments", "products")) {
            ImportJob job = h.importFile(format, files.resolve(format + ".csv"), false);
            if (job.phase != ImportJob.Phase.DONE) {
                throw new IllegalStateException(format + ": " + job.result);
            }
        }
    }

    private static Map<String, Long> counts(IngestHarness h) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("Enterprise", h.count("MATCH (e:Enterprise) RETURN count(e)"));
        for (String rel : List.of("LOCATED_IN", "IN_SEGMENT", "MAKES", "SUPPLIES")) {
            m.put(rel, h.count("MATCH (:Enterprise)-[r]->() WHERE type(r) = $rel RETURN count(r)", Map.of("rel", rel)));
        }
        return m;
    }

    static void generate(int n, Path dir) throws IOException {
        generate(n, dir, 1);
    }

    /**
     * The benchmark's files for {@code chains} chains: chain {@code c} has id {@link #chainId}, 20 segments and 40
     * products; enterprise {@code i} (county {@code i % counties}, so every county has enterprises once N ≥ their
     * number) is a member of chain {@code i % chains}, makes one of its products, and supplies five random other
     * enterprises (any chain) with one of its own chain's products. One chain gives exactly the files this
     * benchmark always had (same random sequence); 8·N rows plus the chain files either way.
     */
    static void generate(int n, Path dir, int chains) throws IOException {
        List<String> counties = new RegionCatalog().ofLevel(RegionLevel.COUNTY).stream().map(Region::code).toList();
        SplittableRandom random = new SplittableRandom(20261122L);
        StringBuilder chainRows = new StringBuilder("id,name\n");
        StringBuilder segs = new StringBuilder("id,chainId,name,stage\n");
        StringBuilder prods = new StringBuilder("id,name,segmentId\n");
        for (int c = 0; c < chains; c++) {
            String chain = chainId(c);
            chainRows.append(chain).append(",基准测试链").append(c == 0 ? "" : String.valueOf(c + 1)).append('\n');
            for (int s = 0; s < SEGMENTS; s++) {
                segs.append(chain).append("-S").append(s).append(',').append(chain).append(",环节").append(s).append(',')
                        .append(s < 7 ? "上游" : s < 14 ? "中游" : "下游").append('\n');
            }
            for (int p = 0; p < PRODUCTS; p++) {
                prods.append(chain).append("-P").append(p).append(",产品").append(p).append(',').append(chain).append("-S")
                        .append(p % SEGMENTS).append('\n');
            }
        }
        Files.writeString(dir.resolve("chains.csv"), chainRows);
        Files.writeString(dir.resolve("segments.csv"), segs);
        Files.writeString(dir.resolve("products.csv"), prods);
        String[] usccs = new String[n];
        for (int i = 0; i < n; i++) {
            usccs[i] = Uscc.of(counties.get(i % counties.size()), i + 1L);
        }
        try (BufferedWriter e = Files.newBufferedWriter(dir.resolve("enterprises.csv"), StandardCharsets.UTF_8);
             BufferedWriter m = Files.newBufferedWriter(dir.resolve("enterprise-segments.csv"), StandardCharsets.UTF_8);
             BufferedWriter p = Files.newBufferedWriter(dir.resolve("enterprise-products.csv"), StandardCharsets.UTF_8);
             BufferedWriter s = Files.newBufferedWriter(dir.resolve("supplies.csv"), StandardCharsets.UTF_8)) {
            e.write("uscc,name,shortName,regionCode,zone,revenue,employees,founded,tags,patents\n");
            m.write("enterprise,segmentId\n");
            p.write("enterprise,productId,share\n");
            s.write("supplier,customer,productId,amount\n");
            for (int i = 0; i < n; i++) {
                String region = usccs[i].substring(2, 8);
                String chain = chainId(i % chains);
                e.write(usccs[i] + ",基准企业" + i + "有限公司,基准" + i + "," + region + ",," + (1 + random.nextInt(100_000)) + "."
                        + random.nextInt(10) + "," + (1 + random.nextInt(5000)) + "," + (1990 + random.nextInt(34)) + "-0"
                        + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "," + TAGS[random.nextInt(TAGS.length)] + ","
                        + random.nextInt(200) + "\n");
                int segment = random.nextInt(SEGMENTS);
                m.write(usccs[i] + "," + chain + "-S" + segment + "\n");
                p.write(usccs[i] + "," + chain + "-P" + (segment + SEGMENTS * random.nextInt(2)) + ",0." + (1 + random.nextInt(9)) + "\n");
                List<Integer> customers = new ArrayList<>(5);
                while (customers.size() < 5) {
                    int c = random.nextInt(n);
                    if (c != i && !customers.contains(c)) {
                        customers.add(c);
                    }
                }
                for (int c : customers) {
                    s.write(usccs[i] + "," + usccs[c] + "," + chain + "-P" + random.nextInt(PRODUCTS) + "," + (1 + random.nextInt(5000)) + "\n");
                }
            }
        }
    }

    /** Id of the generator's chain {@code c}: BENCH, BENCH2, BENCH3, … */
    static String chainId(int c) {
        return c == 0 ? "BENCH" : "BENCH" + (c + 1);
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Samples heap use after GC-visible points: the max of the pools' peak usage. */
    static final class HeapWatch extends Thread {
        private final AtomicLong peak = new AtomicLong();

        HeapWatch() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peakAndReset() {
            long p = peak.getAndSet(0);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            return p;
        }
    }
}
