package com.chainatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.chainatlas.ChainAtlasApplication;
import com.chainatlas.enterprise.Uscc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Several app instances on one database, after a real {@code kill -9} of the import lease holder: instance "a" (a
 * child JVM running the whole application against a Neo4j harness on its own port) holds the lease {@code import-worker}
 * and runs a one-transaction import with a second job queued behind it; the child is killed (SIGKILL) while writing.
 * Instance "b" (an application context in this JVM on the same harness) must then, within the lease's time to live and
 * a few ticks, take the lease, end a's job as FAILED with a Chinese message saying nothing was written, leave no partial
 * data, journal, queue node or upload chunk of it, and run the queued job exactly once to DONE, after a's job ended.
 *
 * <p>The kill is proved to have landed before a's job finished from the database itself: the job is still RUNNING in
 * the queue under a's name, has no history record, and none of its rows is visible.
 */
class LeaseTakeoverTest {

    /** Short lease (both instances) so the test is quick; the default is 30 s. */
    static final Duration TTL = Duration.ofSeconds(4);
    static final String TICK = "200ms";
    static final int ROWS = 12_000;
    static final String A = "a-killed";
    static final String B = "b-survivor";

    @TempDir
    Path dir;

    @Test
    void aKilledHoldersJobEndsFailedAndTheQueuedJobRunsOnceOnTheOtherInstance() throws Exception {
        Path big = dir.resolve("enterprises.csv");
        StringBuilder sb = new StringBuilder("统一社会信用代码,企业名称,行政区划代码,营业收入(万元)\n");
        for (int i = 0; i < ROWS; i++) {
            sb.append(Uscc.of("340104", 70_000_000L + i)).append(",接管测试企业").append(i).append("有限公司,340104,")
                    .append(i % 1000).append('\n');
        }
        Files.writeString(big, sb, StandardCharsets.UTF_8);
        Path small = dir.resolve("chains.csv");
        Files.writeString(small, "产业链编号,名称\nZLT1,接管测试链\n", StandardCharsets.UTF_8);

        long t0 = System.nanoTime();
        try (Neo4j server = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build()) {
            Child a = Child.start(big, small, args(server, A));
            ConfigurableApplicationContext b = null;
            try {
                b = new SpringApplicationBuilder(ChainAtlasApplication.class).run(args(server, B)); // while a starts
                Neo4jClient neo4j = b.getBean(Neo4jClient.class);
                ImportJobs jobsB = b.getBean(ImportJobs.class);
                long bUp = System.nanoTime();
                a.await(l -> l.startsWith("READY"), 180);
                long aUp = System.nanoTime();
                long enterprisesBefore = count(neo4j, "MATCH (e:Enterprise) RETURN count(e)");
                assertThat(count(neo4j, "MATCH (x) WHERE x:ImportJournal OR x:QueuedImport RETURN count(x)")).isZero();

                a.go();
                String jobsLine = a.await(l -> l.startsWith("JOBS") || l.startsWith("NO-LEASE"), 60);
                assertThat(jobsLine).as("a could not take the lease").startsWith("JOBS ");
                String[] ids = jobsLine.split(" ");
                String first = ids[1];
                String second = ids[2];
                // kill at the first sign of writing: the one transaction is open, its commit still 24 batches away
                String at = a.await(l -> l.startsWith("FINISHED") || l.startsWith("PHASE WRITING"), 120);
                assertThat(at).as("a's job ended before the kill").startsWith("PHASE WRITING");
                long killed = a.kill();

                // the kill landed before the job finished: still RUNNING under a's name, no record, no row of it
                Map<String, Object> queued = neo4j.query("MATCH (j:QueuedImport {id: $id}) RETURN j {.*} AS j")
                        .bind(first).to("id").fetchAs(Map.class).mappedBy((t, r) -> r.get("j").asMap()).one().orElseThrow();
                assertThat(queued.get("state")).as("a's job at the kill (" + at + ")").isEqualTo("RUNNING");
                assertThat(queued.get("worker")).isEqualTo(A);
                assertThat(count(neo4j, "MATCH (j:ImportJobRecord {id: $id}) RETURN count(j)", first)).isZero();
                assertThat(count(neo4j, "MATCH (e:Enterprise) RETURN count(e)")).as("rows visible at the kill")
                        .isEqualTo(enterprisesBefore);
                assertThat(leaseHolder(neo4j)).as("lease holder at the kill").isEqualTo(A);

                // b takes over: poll with a deadline, noting when each step was first seen
                long leaseAt = -1;
                long failedAt = -1;
                long doneAt = -1;
                long deadline = killed + TimeUnit.SECONDS.toNanos(TTL.toSeconds() + 60);
                while (System.nanoTime() < deadline && (leaseAt < 0 || failedAt < 0 || doneAt < 0)) {
                    long now = System.nanoTime();
                    if (leaseAt < 0 && B.equals(leaseHolder(neo4j))) {
                        leaseAt = now;
                    }
                    if (failedAt < 0 && "FAILED".equals(recordPhase(neo4j, first))) {
                        failedAt = now;
                    }
                    if (doneAt < 0 && "DONE".equals(recordPhase(neo4j, second))) {
                        doneAt = now;
                    }
                    Thread.sleep(50);
                }
                long leaseMs = millis(killed, leaseAt);
                long failedMs = millis(killed, failedAt);
                long doneMs = millis(killed, doneAt);
                System.out.printf("LeaseTakeoverTest: killed at %s; after the kill (ms): lease to %s %d, job %s FAILED %d,"
                        + " queued job DONE %d (TTL %d ms, tick %s); since the start (ms): b up %d, a up %d, kill %d%n",
                        at, B, leaseMs, first, failedMs, doneMs, TTL.toMillis(), TICK, millis(t0, bUp), millis(t0, aUp),
                        millis(t0, killed));
                assertThat(leaseAt).as("b took the lease").isPositive();
                assertThat(failedAt).as("a's job ended as FAILED").isPositive();
                assertThat(doneAt).as("the queued job DONE").isPositive();
                // not before the lease expired (a SIGTERM would have released it at once)...
                assertThat(leaseMs).as("ms until b held the lease").isGreaterThanOrEqualTo(TTL.toMillis() / 2);
                // ...but within the time to live plus a few ticks (generous for a loaded 2-core machine)
                assertThat(leaseMs).as("ms until b held the lease").isLessThan(TTL.toMillis() + 4_000);
                assertThat(failedMs).as("ms until a's job was FAILED").isLessThan(TTL.toMillis() + 4_000);
                assertThat(doneMs).as("ms until the queued job was DONE").isLessThan(TTL.toMillis() + 20_000);

                // what the user sees of a's job, through b
                ImportJob.View dead = jobsB.find(first).orElseThrow();
                assertThat(dead.phase()).isEqualTo(ImportJob.Phase.FAILED);
                assertThat(dead.result().written()).isFalse();
                assertThat(dead.result().rowsWritten()).isZero();
                String message = dead.result().messageZh();
                assertThat(message).as("the FAILED job's message").contains(A).contains("已停止").contains("未写入任何数据")
                        .containsPattern("\\p{IsHan}{4,}").doesNotContain("Exception").doesNotContain("null");
                assertThat(message.replace(A, "")).as("no English apart from the instance's name")
                        .doesNotContainPattern("[A-Za-z]{3,}");

                // nothing of a's job in the database: no rows, no journal, no queue node, no upload chunk
                assertThat(count(neo4j, "MATCH (e:Enterprise) RETURN count(e)")).isEqualTo(enterprisesBefore);
                assertThat(count(neo4j, "MATCH (e:Enterprise) WHERE e.name STARTS WITH '接管测试企业' RETURN count(e)")).isZero();
                assertThat(count(neo4j, "MATCH (x:ImportJournal) RETURN count(x)")).as("journals").isZero();
                assertThat(count(neo4j, "MATCH (x) WHERE x:QueuedImport OR x:ImportUpload RETURN count(x)"))
                        .as("queue nodes and upload chunks left").isZero();

                // the queued job ran exactly once, on b, after a's job had been ended
                List<Map<String, Object>> records = List.copyOf(neo4j.query("""
                        MATCH (j:ImportJobRecord) WHERE j.id IN $ids
                        RETURN j.id AS id, j.phase AS phase, j.worker AS worker, j.startedAt AS startedAt,
                               j.finishedAt AS finishedAt
                        """).bind(List.of(first, second)).to("ids").fetch().all());
                assertThat(records).hasSize(2);
                Map<String, Object> deadRecord = records.stream().filter(r -> r.get("id").equals(first)).findFirst().orElseThrow();
                Map<String, Object> nextRecord = records.stream().filter(r -> r.get("id").equals(second)).findFirst().orElseThrow();
                assertThat(deadRecord.get("worker")).isEqualTo(A);
                assertThat(nextRecord.get("worker")).isEqualTo(B);
                assertThat((ZonedDateTime) nextRecord.get("startedAt")).as("the queued job started after a's job ended")
                        .isAfterOrEqualTo((ZonedDateTime) deadRecord.get("finishedAt"));
                assertThat(count(neo4j, "MATCH (v:DataVersion {chainId: 'ZLT1'}) RETURN v.epoch", null))
                        .as("imports of chain ZLT1 (a job run twice would leave 2)").isEqualTo(1);
                assertThat(count(neo4j, "MATCH (c:Chain {id: 'ZLT1'}) RETURN count(c)")).isEqualTo(1);

                assertThat(leaseHolder(neo4j)).as("lease holder after the take-over").isEqualTo(B);
            } finally {
                a.kill();
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    /** The application's arguments for instance {@code name} on {@code server} (the same for both instances). */
    private String[] args(Neo4j server, String name) throws IOException {
        return new String[] {"--server.port=0", "--spring.neo4j.uri=" + server.boltURI(),
                "--chainatlas.demo.enabled=false", "--chainatlas.snapshots.warm-up=false",
                "--chainatlas.instance-id=" + name, "--chainatlas.import.spill-dir=" + Files.createTempDirectory(dir, name),
                "--chainatlas.import.lease-ttl=" + TTL.toMillis() + "ms", "--chainatlas.import.tick=" + TICK,
                "--chainatlas.import.batch-rows=500", "--chainatlas.snapshots.poll-interval=1s",
                "--chainatlas.security.admin-password=" + com.chainatlas.support.Api.ADMIN_PASSWORD,
                "--chainatlas.security.bcrypt-strength=4"};
    }

    private static String leaseHolder(Neo4jClient neo4j) {
        return neo4j.query("MATCH (l:ClusterLease {name: 'import-worker'}) RETURN l.holder")
                .fetchAs(String.class).one().orElse(null);
    }

    private static String recordPhase(Neo4jClient neo4j, String id) {
        return neo4j.query("MATCH (j:ImportJobRecord {id: $id}) RETURN j.phase").bind(id).to("id")
                .fetchAs(String.class).one().orElse(null);
    }

    private static long count(Neo4jClient neo4j, String cypher) {
        return count(neo4j, cypher, null);
    }

    private static long count(Neo4jClient neo4j, String cypher, String id) {
        return neo4j.query(cypher).bind(id).to("id").fetchAs(Long.class).one().orElse(0L);
    }

    private static long millis(long from, long to) {
        return to < 0 ? -1 : (to - from) / 1_000_000;
    }

    /** The child JVM (instance a): its protocol lines, its output's tail for failure messages, SIGKILL. */
    private static final class Child {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Deque<String> tail = new ArrayDeque<>();

        private Child(Process process) {
            this.process = process;
            Thread reader = new Thread(this::read, "lease-child-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path big, Path small, String[] appArgs) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), LeaseHolderDriver.class.getName(),
                    big.toString(), small.toString()));
            command.addAll(List.of(appArgs));
            // a's beans are made when first needed (the import's, the lease's and the start-up work's at once): a
            // quicker start on a loaded machine; b, the instance under test, starts as in production
            command.add("--spring.main.lazy-initialization=true");
            return new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        private void read() {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("READY") || line.startsWith("JOBS") || line.startsWith("NO-LEASE")
                            || line.startsWith("PHASE") || line.startsWith("FINISHED")) {
                        lines.add(line);
                    }
                    if (line.contains("Started LeaseHolderDriver")) {
                        System.out.println("LeaseTakeoverTest child: " + line);
                    }
                    if (!line.startsWith("PHASE")) {
                        synchronized (tail) {
                            tail.addLast(line);
                            if (tail.size() > 60) {
                                tail.removeFirst();
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        }

        /** The first protocol line matching {@code what} within {@code seconds}; fails with the child's output. */
        String await(Predicate<String> what, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && what.test(line)) {
                    return line;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            synchronized (tail) {
                throw new AssertionError("child (instance " + A + ") never printed the expected line; alive: "
                        + process.isAlive() + "; its output ended with:\n" + String.join("\n", tail));
            }
        }

        void go() throws IOException {
            OutputStream in = process.getOutputStream();
            in.write("GO\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        /** SIGKILL (no shutdown hooks: the lease is not released); returns when it was sent. */
        long kill() throws InterruptedException {
            long at = System.nanoTime();
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return at;
        }
    }
}
