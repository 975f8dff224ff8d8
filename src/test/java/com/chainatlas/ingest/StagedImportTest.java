package com.chainatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.chainatlas.enterprise.Uscc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staged path (files larger than one transaction) on its own small database. */
class StagedImportTest {

    @TempDir
    static Path dir;

    static IngestHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = new IngestHarness(dir.resolve("db"), new ImportSettings(1_000, 700, 500, 20, 200), null);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static Path file(int rows, int badRow) throws Exception {
        StringBuilder sb = new StringBuilder("统一社会信用代码,企业名称,行政区划代码\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i == badRow ? "BAD" : Uscc.of("340104", 50_000_000L + i)).append(",分批企业").append(i).append(",340104\n");
        }
        Path f = Files.createTempFile(dir, "e", ".csv");
        Files.writeString(f, sb, StandardCharsets.UTF_8);
        return f;
    }

    private static long enterprises() {
        return harness.count("MATCH (e:Enterprise) RETURN count(e)");
    }

    /** Journals plus spill files: what an import parks outside the graph. */
    private static long staged() throws Exception {
        Path spill = harness.dataDir.resolve("import-spill");
        long files = Files.isDirectory(spill) ? Files.list(spill).count() : 0;
        return harness.count("MATCH (x:ImportJournal) RETURN count(x)") + files;
    }

    @Test
    void largeValidFileIsStagedThenPublishedAndReimportIsIdempotent() throws Exception {
        harness.events.clear();
        ImportJob job = harness.importFile("enterprises", file(10_000, -1), false);
        assertThat(job.phase).isEqualTo(ImportJob.Phase.DONE);
        java.util.Set<String> written = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            written.add(Uscc.of("340104", 50_000_000L + i));
        }
        // not tied to a chain, and names every enterprise it wrote (snapshots apply a delta)
        assertThat(harness.events).containsExactly(new DataImportedEvent(java.util.Set.of(), written));
        assertThat(job.result.staged()).isTrue();
        assertThat(enterprises()).isEqualTo(10_000);
        assertThat(staged()).isZero();
        ImportJob again = harness.importFile("enterprises", file(10_000, -1), false);
        assertThat(again.phase).isEqualTo(ImportJob.Phase.DONE);
        assertThat(enterprises()).isEqualTo(10_000);
        harness.neo4j.query("MATCH (e:Enterprise) DETACH DELETE e").run();
    }

    @Test
    void aSmallFileNamesItsEnterprisesAndAChainsFileNamesNone() throws Exception {
        harness.events.clear();
        assertThat(harness.importFile("enterprises", file(3, -1), false).phase).isEqualTo(ImportJob.Phase.DONE);
        assertThat(harness.events).containsExactly(new DataImportedEvent(java.util.Set.of(), java.util.Set.of(
                Uscc.of("340104", 50_000_000L), Uscc.of("340104", 50_000_001L), Uscc.of("340104", 50_000_002L))));
        harness.events.clear();
        Path chains = Files.createTempFile(dir, "c", ".csv");
        Files.writeString(chains, "产业链编号,名称\nKEYS-TEST,键测试链\n", StandardCharsets.UTF_8);
        assertThat(harness.importFile("chains", chains, false).phase).isEqualTo(ImportJob.Phase.DONE);
        assertThat(harness.events).singleElement()
                .satisfies(e -> assertThat(((DataImportedEvent) e).enterpriseKeys()).as("chain structure: unknown").isNull());
        harness.neo4j.query("MATCH (n) WHERE n:Enterprise OR n:Chain DETACH DELETE n").run();
    }

    @Test
    void oneBadRowAtTheEndOfALargeFileDiscardsEverythingStaged() throws Exception {
        harness.events.clear();
        ImportJob job = harness.importFile("enterprises", file(10_000, 9_990), false);
        assertThat(harness.events).isEmpty();
        assertThat(job.phase).isEqualTo(ImportJob.Phase.REJECTED);
        assertThat(job.result.problems()).singleElement().satisfies(p -> assertThat(p.row()).isEqualTo(9_992));
        assertThat(enterprises()).isZero();
        assertThat(staged()).isZero();
    }

    @Test
    void recoveryResumesACommittedJournalAndDeletesAnUnjournaledSpill() throws Exception {
        var rows = java.util.List.of(enterpriseRow(Uscc.of("340104", 40_000_001L), "已写入企业"),
                enterpriseRow(Uscc.of("340104", 40_000_003L), "恢复企业"));
        try (var spill = harness.staging.openSpill("committed-1")) {
            rows.forEach(spill::add);
        }
        harness.staging.commit("committed-1", "enterprises", 2);
        harness.staging.markPublished("committed-1", 1); // the first row counts as written before the crash
        try (var spill = harness.staging.openSpill("validating-1")) {
            spill.add(enterpriseRow(Uscc.of("340104", 40_000_002L), "不应出现"));
        }
        assertThat(harness.service.recover()).isEqualTo(1);
        assertThat(harness.count("MATCH (e:Enterprise {name: '恢复企业'}) RETURN count(e)")).isEqualTo(1);
        assertThat(harness.count("MATCH (e:Enterprise {name: '已写入企业'}) RETURN count(e)")).as("resumed after row 1").isZero();
        assertThat(harness.count("MATCH (e:Enterprise {name: '不应出现'}) RETURN count(e)")).isZero();
        assertThat(staged()).isZero();
        harness.neo4j.query("MATCH (e:Enterprise) DETACH DELETE e").run();
    }

    @Test
    void aJournalWhoseSpillFileIsGoneIsDroppedWithoutWriting() throws Exception {
        harness.staging.commit("lost-1", "enterprises", 5);
        assertThat(harness.service.recover()).isZero();
        assertThat(staged()).isZero();
        assertThat(enterprises()).isZero();
    }

    /** A validated enterprises row as the spill file holds it. */
    private static EnterprisesFormat.Row enterpriseRow(String uscc, String name) {
        return new EnterprisesFormat.Row(uscc, name, null, "340104", null, null, null, null, null, java.util.List.of(), null,
                java.util.List.of(), null, null, null, true, false, null, java.util.Set.of());
    }
}
