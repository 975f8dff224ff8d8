package com.chainatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.chainatlas.enterprise.Uscc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a separate JVM in the middle of an import, reopens its database and checks that no
 * partial file is visible: the one-transaction path leaves nothing, a staged import killed while validating
 * leaves only a spill file that recovery deletes, and one killed while publishing is completed by the start-up
 * recovery.
 *
 * <p>Each test also proves the kill landed before the import finished, from the database itself (not only from
 * the child's last printed line, which can lag): nothing committed, a journal with rows still to publish, or a
 * spill file without a journal. A child that finished first fails the test instead of passing it vacuously.
 */
class KillMidImportTest {

    private static final int ROWS = 30_000;

    @TempDir
    Path dir;

    private Path enterprises(int n) throws IOException {
        Path file = dir.resolve("enterprises.csv");
        StringBuilder sb = new StringBuilder("统一社会信用代码,企业名称,行政区划代码,营业收入(万元)\n");
        for (int i = 0; i < n; i++) {
            sb.append(Uscc.of("340104", 60_000_000L + i)).append(",崩溃测试企业").append(i).append("有限公司,340104,")
                    .append(i % 1000).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    /** Starts the child, kills it when a line matches; returns the lines seen. */
    private List<String> runAndKill(Path data, Path file, int singleTxRows, int batchRows, Predicate<String> killWhen)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), ImportKillDriver.class.getName(),
                data.toString(), "enterprises", file.toString(), String.valueOf(singleTxRows), String.valueOf(batchRows))
                .redirectErrorStream(true).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.currentTimeMillis() + 600_000;
            for (String line; (line = out.readLine()) != null && System.currentTimeMillis() < deadline; ) {
                if (line.startsWith("PHASE") || line.startsWith("FINISHED") || line.startsWith("READY")) {
                    seen.add(line);
                }
                if (killWhen.test(line) || line.startsWith("FINISHED")) {
                    p.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean database shutdown
                    break;
                }
            }
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        return seen;
    }

    private static boolean phaseAtLeast(String line, String phase, long rows) {
        String[] f = line.split(" ");
        return f.length == 3 && f[0].equals("PHASE") && f[1].equals(phase) && Long.parseLong(f[2]) >= rows;
    }

    private static String last(List<String> lines) {
        return lines.isEmpty() ? "(none)" : lines.get(lines.size() - 1);
    }

    @Test
    void oneTransactionImportKilledWhileWritingLeavesNothing() throws Exception {
        Path data = dir.resolve("db1");
        // kill while the transaction is still being filled (rows written < all): the commit comes after that
        List<String> seen = runAndKill(data, enterprises(ROWS), 100_000, 5_000, l -> l.startsWith("PHASE WRITING")
                && !phaseAtLeast(l, "WRITING", ROWS));
        assertThat(seen).anyMatch(l -> l.startsWith("PHASE WRITING"));
        assertThat(seen).as("the child finished before the kill").noneMatch(l -> l.startsWith("FINISHED"));
        try (IngestHarness h = new IngestHarness(data, new ImportSettings(100_000, 5_000, 5_000, 20, 200), null)) {
            // nothing visible proves the kill landed before the commit, so before FINISHED (which follows it)
            assertThat(h.count("MATCH (e:Enterprise) RETURN count(e)")).as("killed at " + last(seen)).isZero();
            assertThat(h.count("MATCH (x:ImportJournal) RETURN count(x)")).isZero();
        }
    }

    @Test
    void stagedImportKilledWhilePublishingIsCompletedAtRestart() throws Exception {
        Path data = dir.resolve("db2");
        List<String> seen = runAndKill(data, enterprises(ROWS), 1_000, 1_000, l -> phaseAtLeast(l, "WRITING", 3_000));
        assertThat(seen).as("the child finished before the kill").noneMatch(l -> l.startsWith("FINISHED"));
        try (IngestHarness h = new IngestHarness(data, new ImportSettings(1_000, 1_000, 1_000, 20, 200), null)) {
            long before = h.count("MATCH (e:Enterprise) RETURN count(e)");
            // a journal and fewer rows than the file prove the kill landed mid-publish, before FINISHED
            assertThat(h.count("MATCH (x:ImportJournal) RETURN count(x)")).as("journal left by the kill").isEqualTo(1);
            assertThat(before).as("killed at " + last(seen)).isGreaterThanOrEqualTo(3_000).isLessThan(ROWS);
            int completed = h.service.recover();
            assertThat(h.count("MATCH (e:Enterprise) RETURN count(e)")).as("killed at " + last(seen) + ", saw " + before
                    + " before recovery").isEqualTo(ROWS);
            assertThat(completed).isEqualTo(1);
            assertThat(h.count("MATCH (x:ImportJournal) RETURN count(x)")).isZero();
            assertThat(spillFiles(data)).isZero();
        }
    }

    private static long spillFiles(Path data) throws IOException {
        Path spill = data.resolve("import-spill");
        if (!Files.isDirectory(spill)) {
            return 0;
        }
        try (var files = Files.list(spill)) {
            return files.count();
        }
    }

    @Test
    void stagedImportKilledWhileValidatingLeavesNothing() throws Exception {
        Path data = dir.resolve("db3");
        List<String> seen = runAndKill(data, enterprises(ROWS), 1_000, 1_000, l -> phaseAtLeast(l, "VALIDATING", 8_000));
        assertThat(last(seen)).startsWith("PHASE VALIDATING");
        assertThat(seen).as("the child finished before the kill").noneMatch(l -> l.startsWith("FINISHED"));
        try (IngestHarness h = new IngestHarness(data, new ImportSettings(1_000, 1_000, 1_000, 20, 200), null)) {
            // a spill file without a journal and no rows prove the kill landed while validating
            assertThat(spillFiles(data)).as("spill file left by the kill").isPositive();
            assertThat(h.count("MATCH (x:ImportJournal) RETURN count(x)")).isZero();
            assertThat(h.count("MATCH (e:Enterprise) RETURN count(e)")).isZero();
            h.service.recover();
            assertThat(h.count("MATCH (e:Enterprise) RETURN count(e)")).isZero();
            assertThat(h.count("MATCH (x:ImportJournal) RETURN count(x)")).isZero();
            assertThat(spillFiles(data)).as("spill file deleted by the recovery").isZero();
        }
    }
}
