package com.chainatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import com.chainatlas.region.RegionCatalog;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13 item 2 (a crafted file must not kill or block the import worker), item 5 (problems must not repeat
 * the header; bounded job JSON) and item 7 (an empty 专利数 is absent, not 0; no Java class name in messages).
 * Real embedded Neo4j through the import service; files made with POI.
 */
class ImportSafetyTest {

    /** Caps lowered so that the crafted files stay small and the test fast. */
    static final ImportSettings CAPPED = new ImportSettings(50_000, 1_000, 500, 20, 200, 1_000, 4_000, Duration.ofMinutes(1));
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*");
    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    @TempDir
    static Path dir;
    static IngestHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new IngestHarness(dir.resolve("db"), CAPPED, null);
        h.loadRegions();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    /** Random text from 16 letters: compresses about 2:1, well above the zip-bomb guard's ratio. */
    static String noise(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(16)));
        }
        return sb.toString();
    }

    static Path workbook(Workbook wb, String name, String... row2) throws IOException {
        try (wb) {
            var sheet = wb.createSheet("企业");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("企业名称");
            header.createCell(1).setCellValue("行政区划代码");
            header.createCell(2).setCellValue("主营产品");
            Row row = sheet.createRow(1);
            for (int i = 0; i < row2.length; i++) {
                row.createCell(i).setCellValue(row2[i]);
            }
            Path file = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        }
    }

    @Test
    void aHugeInlineStringCellIsCutWhileStreamingAndItsRowAndColumnReported() throws IOException {
        // SXSSF writes inline strings (<is><t>…</t></is>), the form of the cell that killed the worker
        Path file = workbook(new SXSSFWorkbook(), "inline.xlsx", "甲公司", "340104", noise(30_000, 1));
        ImportJob job = h.importFile("enterprises", file, false);
        assertThat(job.phase).isEqualTo(ImportJob.Phase.REJECTED);
        assertThat(job.result.problems()).anySatisfy(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.reason()).contains("第 C 列").contains("超过 1000 个字符");
        });
        assertThat(h.count("MATCH (e:Enterprise {name: '甲公司'}) RETURN count(e)")).isZero();
    }

    @Test
    void aHugeSharedStringIsCutWhileTheTableIsReadAndTheCellUsingItReported() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "shared.xlsx", "乙公司", "340104", noise(20_000, 2));
        ImportJob job = h.importFile("enterprises", file, false);
        assertThat(job.phase).isEqualTo(ImportJob.Phase.REJECTED);
        assertThat(job.result.problems()).anySatisfy(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.reason()).contains("第 C 列").contains("超过 1000 个字符");
        });
    }

    @Test
    void aRowBeyondTheRowCapRejectsTheFileNamingRowAndColumn() throws IOException {
        String cell = noise(900, 3);
        Path file = workbook(new SXSSFWorkbook(), "wide.xlsx", cell, cell, cell, cell, cell);
        ImportJob job = h.importFile("enterprises", file, false);
        assertThat(job.phase).isEqualTo(ImportJob.Phase.REJECTED);
        assertThat(job.result.messageZh()).contains("第 2 行").contains("第 E 列").contains("4000");
    }

    @Test
    void aCsvCellBeyondTheCapRejectsTheFileNamingRowAndColumn() throws IOException {
        ImportJob job = h.importCsv("enterprises", "企业名称,行政区划代码,主营产品\n丙公司,340104,\"" + noise(1_500, 4) + "\"\n", null);
        assertThat(job.phase).isEqualTo(ImportJob.Phase.REJECTED);
        assertThat(job.result.messageZh()).contains("第 2 行 C 列").contains("1000");
    }

    @Test
    void anErrorInAJobEndsItFailedWithItsCauseLogged() throws IOException {
        RegionCatalog failing = new RegionCatalog() {
            @Override
            public boolean exists(String code) {
                throw new StackOverflowError("region look-up blew the stack (test)");
            }
        };
        ImportService service = service(failing, CAPPED);
        Logger logger = (Logger) LoggerFactory.getLogger(ImportService.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            Path file = dir.resolve("error.csv");
            Files.writeString(file, "企业名称,行政区划代码\n丁公司,340104\n");
            ImportJob job = new ImportJob("error-job", ImportFormats.find("enterprises").orElseThrow(), "error.csv", file, "-", false);
            service.run(job);
            assertThat(job.phase).isEqualTo(ImportJob.Phase.FAILED);
            assertThat(job.finishedAt).isNotNull();
            assertThat(job.result.messageZh()).contains("未写入任何数据");
            assertThat(logged.list).anySatisfy(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.ERROR);
                assertThat(e.getFormattedMessage()).contains("error-job");
                assertThat(e.getThrowableProxy().getClassName()).isEqualTo(StackOverflowError.class.getName());
            });
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(h.count("MATCH (e:Enterprise {name: '丁公司'}) RETURN count(e)")).isZero();
    }

    static ImportService service(RegionCatalog regions, ImportSettings settings) {
        return new ImportService(h.neo4j, new Neo4jTransactionManager(h.driver), regions, h.writers, h.staging, settings,
                e -> { });
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void theWatchdogEndsAJobWithoutProgressAndTheQueueMovesOn() throws Exception {
        // a named pipe nobody writes to: opening it blocks the worker thread (not even an interrupt frees it)
        Path fifo = dir.resolve("stuck.csv");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            mk = null;
        }
        assumeTrue(mk != null && mk.waitFor() == 0, "mkfifo not available");
        TestClock clock = new TestClock();
        // the upload is stored in the database; the pipe stays a pipe: the worker blocks copying it (where it reads the
        // upload). It is submitted as a link, which the submission deletes, as it deletes every uploaded temp file.
        Path link = Files.createSymbolicLink(dir.resolve("stuck-link.csv"), fifo);
        java.util.Set<String> piped = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ImportUploads uploads = new ImportUploads(h.neo4j) {
            @Override
            int store(String jobId, Path file) throws IOException {
                if (file.equals(link)) {
                    piped.add(jobId);
                    return 0;
                }
                return super.store(jobId, file);
            }

            @Override
            void copyTo(String jobId, int chunks, Path target) throws IOException {
                if (piped.contains(jobId)) {
                    Files.copy(fifo, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else {
                    super.copyTo(jobId, chunks, target);
                }
            }
        };
        ImportJobs jobs = new ImportJobs(h.service, CAPPED, new ImportHistory(h.neo4j), clock, new ImportQueue(h.neo4j),
                uploads, new com.chainatlas.system.ClusterLease(h.neo4j, "watchdog-test"), false);
        try {
            ImportJob.View stuck = jobs.submit("enterprises", link, "stuck.csv", "sha-stuck", false);
            long deadline = System.currentTimeMillis() + 30_000;
            while (jobs.job(stuck.id()).orElseThrow().startedAt == null && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            Path next = dir.resolve("next.csv");
            Files.writeString(next, "产业链编号,名称\nWD,看门狗链\n");
            ImportJob.View queued = jobs.submit("chains", next, "next.csv", "sha-next", false);

            assertThat(jobs.failStuckJobs()).isZero(); // first look
            clock.now.set(clock.now.get().plus(Duration.ofSeconds(59)));
            assertThat(jobs.failStuckJobs()).isZero(); // not yet a minute
            assertThat(jobs.find(queued.id()).orElseThrow().phase()).isEqualTo(ImportJob.Phase.QUEUED);
            clock.now.set(clock.now.get().plus(Duration.ofSeconds(2)));
            assertThat(jobs.failStuckJobs()).isEqualTo(1);

            ImportJob.View failed = jobs.find(stuck.id()).orElseThrow();
            assertThat(failed.phase()).isEqualTo(ImportJob.Phase.FAILED);
            assertThat(failed.result().messageZh()).contains("没有进展").contains("未写入任何数据");
            assertThat(jobs.await(queued.id(), 60_000).phase()).isEqualTo(ImportJob.Phase.DONE);
            assertThat(jobs.whileIdle(() -> true)).isTrue(); // no queue place held
            assertThat(h.count("MATCH (c:Chain {id: 'WD'}) RETURN count(c)")).isEqualTo(1);
        } finally {
            if (Files.exists(fifo)) {
                try (OutputStream release = Files.newOutputStream(fifo)) {
                    release.flush(); // lets the abandoned thread return (it finds an empty file)
                }
            }
            jobs.destroy();
        }
    }

    @Test
    void problemsDoNotRepeatAHugeHeaderAndJobJsonStaysSmall() throws Exception {
        StringBuilder csv = new StringBuilder("企业名称" + " ".repeat(30_000) + ",行政区划代码\n");
        for (int i = 0; i < 10_001; i++) {
            csv.append("戊公司").append(i).append(",99999x\n");
        }
        Path file = dir.resolve("amplify.csv");
        Files.writeString(file, csv);
        ImportJob job = new ImportJob("amplify", ImportFormats.find("enterprises").orElseThrow(), "amplify.csv", file, "-", false);
        // the default caps: the 30,000-character header row is within them
        service(new RegionCatalog(), new ImportSettings(50_000, 1_000, 500, 20, 200)).run(job);
        assertThat(job.phase).isEqualTo(ImportJob.Phase.REJECTED);
        assertThat(job.result.problemCount()).as(job.result.messageZh()).isGreaterThanOrEqualTo(10_001);
        assertThat(job.result.problems()).hasSize(ImportJob.ImportResult.MAX_LISTED);
        assertThat(job.result.problemsTruncated()).isTrue();
        assertThat(job.result.messageZh()).contains("另有 " + (job.result.problemCount() - ImportJob.ImportResult.MAX_LISTED) + " 处未列出");
        assertThat(job.result.problems()).allSatisfy(p -> assertThat(p.header().length()).isLessThanOrEqualTo(51));
        String json = JSON.writeValueAsString(job.view());
        assertThat(json.length()).isLessThan(400_000);
        String summary = JSON.writeValueAsString(ImportJob.summary(job.view()));
        assertThat(summary.length()).isLessThan(5_000);
        assertThat(JSON.readTree(summary).get("result").get("problemCount").asLong()).isEqualTo(job.result.problemCount());
    }

    @Test
    void anEmptyPatentCountIsStoredAsAbsentNotZero() throws IOException {
        ImportJob job = h.importCsv("enterprises", "企业名称,行政区划代码,专利数,从业人数\n己公司,340104,,\n庚公司,340104,7,12\n", null);
        assertThat(job.phase).as(String.valueOf(job.result)).isEqualTo(ImportJob.Phase.DONE);
        assertThat(h.count("MATCH (e:Enterprise {name: '己公司'}) WHERE e.patents IS NULL AND e.employees IS NULL RETURN count(e)"))
                .isEqualTo(1);
        assertThat(h.count("MATCH (e:Enterprise {name: '庚公司'}) WHERE e.patents = 7 AND e.employees = 12 RETURN count(e)"))
                .isEqualTo(1);
    }

    @Test
    void aDamagedWorkbookIsRejectedWithoutJavaClassNamesInItsMessages() throws IOException {
        Path file = dir.resolve("damaged.xlsx");
        byte[] bytes = new byte[600];
        new SplittableRandom(5).nextBytes(bytes);
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        Files.write(file, bytes);
        ImportJob job = h.importFile("enterprises", file, false);
        assertThat(job.phase).isEqualTo(ImportJob.Phase.REJECTED);
        assertThat(job.result.messageZh()).doesNotContainPattern(CLASS_NAME);
        assertThat(job.result.messageEn()).doesNotContainPattern(CLASS_NAME);
        assertThat(job.result.problems()).allSatisfy(p -> assertThat(p.reason()).doesNotContainPattern(CLASS_NAME));
    }
}
