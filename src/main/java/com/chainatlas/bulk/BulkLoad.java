package com.chainatlas.bulk;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import com.chainatlas.ingest.Fields;
import com.chainatlas.ingest.ImportFormats;
import com.chainatlas.ingest.Problem;
import com.chainatlas.region.RegionCatalog;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * The first load of a national dataset into a new, offline database: validates every file with the importer's
 * rules ({@link BulkFileValidator}), writes neo4j-admin files ({@link BulkGraphFiles}) and runs
 * {@code neo4j-admin database import full} in-process into the app's embedded data directory. A file with any
 * problem loads nothing: its rows and reasons are printed and the database is not created. The app's start-up
 * then applies the schema migrations (constraints, indexes) to the loaded data.
 *
 * <p>Run: {@code scripts/bulk-load.sh --into DIR --enterprises e.csv ...} (see docs/scale.md, "Bulk national load").
 */
public final class BulkLoad {

    /** The formats a bulk load takes, in load order (later files refer to earlier ones). */
    static final List<String> FORMATS = List.of("chains", "segments", "products", "enterprises",
            "enterprise-segments", "enterprise-products", "supplies");
    /** The formats that define nothing (validated in parallel, after all the others). */
    static final List<String> RELATIONS = List.of("enterprise-segments", "enterprise-products", "supplies");

    /** What a load did: per-file outcomes, and whether the database was written. */
    public record Result(List<BulkFileValidator.Outcome> files, boolean loaded, long rows, double validateSeconds,
                         double importSeconds) {
        public long problemCount() {
            return files.stream().mapToLong(BulkFileValidator.Outcome::problemCount).sum();
        }

        public List<Problem> problems(String format) {
            return files.stream().filter(f -> f.format().equals(format)).findFirst()
                    .map(BulkFileValidator.Outcome::problems).orElse(List.of());
        }
    }

    private BulkLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Path> files = new LinkedHashMap<>();
        Path into = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length || !a.startsWith("--")) {
                usage("unexpected argument " + a);
            }
            String name = a.substring(2);
            Path value = Path.of(args[++i]);
            if (name.equals("into")) {
                into = value;
            } else if (FORMATS.contains(name)) {
                files.put(name, value);
            } else {
                usage("unknown option " + a);
            }
        }
        if (into == null || files.isEmpty()) {
            usage("--into and at least one file are needed");
        }
        Result r = load(into, files, System.out);
        System.exit(r.loaded() ? 0 : 1);
    }

    private static void usage(String why) {
        System.err.println(why);
        System.err.println("usage: bulk-load --into DATA_DIR [--chains F] [--segments F] [--products F] [--enterprises F]"
                + " [--enterprise-segments F] [--enterprise-products F] [--supplies F]   (CSV or .xlsx)");
        System.exit(2);
    }

    /**
     * Validates {@code files} (format id → file) and, when all are valid, imports them into {@code dataDir}'s
     * default database, which must not exist yet.
     */
    public static Result load(Path dataDir, Map<String, Path> files, PrintStream out) throws IOException {
        Path home = dataDir.toAbsolutePath().normalize();
        Path database = home.resolve("data/databases/neo4j");
        if (Files.exists(database) && !isEmpty(database)) {
            throw new IllegalStateException("A database exists already in " + database + ": a bulk load only creates a new one"
                    + " (load into an existing database with the importer)");
        }
        Path work = Files.createDirectories(home.resolve("bulk-load-files"));
        long t = System.nanoTime();
        Fields fields = new Fields(new RegionCatalog());
        BulkRefs refs = new BulkRefs();
        List<BulkFileValidator.Outcome> outcomes = new ArrayList<>();
        boolean valid = true;
        long rows = 0;
        List<String> arguments;
        boolean multiline;
        long unnumbered;
        ExecutorService workers = Executors.newFixedThreadPool(
                Integer.getInteger("bulk.validateThreads", Runtime.getRuntime().availableProcessors()), r -> {
                    Thread th = new Thread(r, "bulk-parse");
                    th.setDaemon(true);
                    return th;
                });
        try (BulkGraphFiles graph = new BulkGraphFiles(work)) {
            graph.regions(new RegionCatalog());
            List<Callable<BulkFileValidator.Outcome>> relations = new ArrayList<>();
            for (String format : FORMATS) {
                Path file = files.get(format);
                if (file == null) {
                    continue;
                }
                Callable<BulkFileValidator.Outcome> task = () -> validate(format, file, fields, refs, graph, workers);
                if (RELATIONS.contains(format)) {
                    relations.add(task);
                } else {
                    outcomes.add(call(task));
                }
            }
            outcomes.addAll(inParallel(relations));
            for (BulkFileValidator.Outcome o : outcomes) {
                rows += o.rowsRead();
                valid &= o.problemCount() == 0;
                report(o, out);
            }
            arguments = graph.arguments();
            multiline = graph.multiline();
            unnumbered = graph.unnumbered();
        } finally {
            workers.shutdownNow();
        }
        double validateSeconds = (System.nanoTime() - t) / 1e9;
        if (!valid) {
            deleteTree(work);
            out.println("Nothing loaded: fix the rows above and run again.");
            return new Result(outcomes, false, rows, validateSeconds, 0);
        }
        if (unnumbered > 0) {
            deleteTree(work);
            throw new IllegalStateException(unnumbered + " node references of a valid load could not be numbered (a bug)");
        }
        out.printf("Validated %,d rows in %.1f s; importing%n", rows, validateSeconds);
        t = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("database", "import", "full", "neo4j",
                "--id-type=actual", "--array-delimiter=;", "--multiline-fields=" + multiline, "--skip-bad-relationships=false",
                "--skip-duplicate-nodes=false", "--bad-tolerance=0", "--report-file=" + work.resolve("import.report"),
                "--threads=" + Integer.getInteger("bulk.threads", Runtime.getRuntime().availableProcessors())));
        command.addAll(arguments);
        Path conf = Files.createDirectories(work.resolve("conf"));
        int code = AdminTool.execute(new ExecutionContext(home, conf, out, out, new DefaultFileSystemAbstraction()), command.toArray(String[]::new));
        double importSeconds = (System.nanoTime() - t) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("neo4j-admin database import full failed (exit " + code + "), see above and "
                    + work.resolve("import.report"));
        }
        deleteTree(work);
        out.printf("Loaded %,d rows into %s: validation %.1f s, import %.1f s%n", rows, database, validateSeconds, importSeconds);
        return new Result(outcomes, true, rows, validateSeconds, importSeconds);
    }

    /**
     * One file: row-local checks of independent rows on {@code workers}, the in-order checks on this thread, the
     * output lines on a {@link WriteBehind} thread (complete when this returns).
     */
    private static BulkFileValidator.Outcome validate(String format, Path file, Fields fields, BulkRefs refs,
                                                      BulkGraphFiles graph, ExecutorService workers) {
        BiConsumer<BulkGraphFiles, BulkRow> write = writer(format);
        BulkFileValidator v = new BulkFileValidator(ImportFormats.find(format).orElseThrow(), fields, refs, workers);
        try (WriteBehind out = new WriteBehind(format, row -> write.accept(graph, row))) {
            return v.run(file, out);
        }
    }

    /**
     * Validates the relation files at once, one thread each: they only read what the earlier files defined
     * ({@link BulkRefs}, no longer written by then; {@link Fields} holds no state) and each writes its own files.
     * The outcomes come back in load order, so the report reads as a sequential load's.
     */
    private static List<BulkFileValidator.Outcome> inParallel(List<Callable<BulkFileValidator.Outcome>> tasks) throws IOException {
        if (tasks.size() <= 1) {
            List<BulkFileValidator.Outcome> one = new ArrayList<>();
            for (Callable<BulkFileValidator.Outcome> t : tasks) {
                one.add(call(t));
            }
            return one;
        }
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), r -> {
            Thread t = new Thread(r, "bulk-validate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<BulkFileValidator.Outcome> done = new ArrayList<>();
            for (Future<BulkFileValidator.Outcome> f : pool.invokeAll(tasks)) {
                done.add(f.get());
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static BulkFileValidator.Outcome call(Callable<BulkFileValidator.Outcome> task) throws IOException {
        try {
            return task.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static BiConsumer<BulkGraphFiles, BulkRow> writer(String format) {
        return switch (format) {
            case "chains" -> BulkGraphFiles::chain;
            case "segments" -> BulkGraphFiles::segment;
            case "products" -> BulkGraphFiles::product;
            case "enterprises" -> BulkGraphFiles::enterprise;
            case "enterprise-segments" -> BulkGraphFiles::membership;
            case "enterprise-products" -> BulkGraphFiles::makes;
            case "supplies" -> BulkGraphFiles::supply;
            default -> throw new IllegalArgumentException(format);
        };
    }

    private static void report(BulkFileValidator.Outcome o, PrintStream out) {
        out.printf("%-20s %,10d rows  %s  (%.1f s)%n", o.format(), o.rowsRead(),
                o.problemCount() == 0 ? "ok" : o.problemCount() + " problems (" + o.file() + ")", o.seconds());
        for (Problem p : o.problems()) {
            out.printf("  第 %d 行 %s%s%s: %s%n", p.row(), p.column(), p.header().isEmpty() ? "" : " " + p.header(),
                    p.value() == null || p.value().isEmpty() ? "" : " “" + p.value() + "”", p.reason());
        }
        if (o.problemCount() > o.problems().size()) {
            out.printf("  … and %,d more%n", o.problemCount() - o.problems().size());
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
