package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.chainatlas.ChainAtlasApplication;

import org.junit.jupiter.api.Test;

/**
 * Issue 13 faults: an unwritable data directory, an HTTP port in use and a Bolt port in use each end the start-up with
 * ONE clear message (system/StartupFailureAnalyzer, printed once by Spring Boot, no stack trace) and a non-zero exit
 * code. The app runs in a child JVM, as an operator would start it.
 */
class StartupFailureTest {

    record Run(int exit, String output) {
        int count(String text) {
            Matcher m = Pattern.compile(Pattern.quote(text)).matcher(output);
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }
    }

    @Test
    void anUnwritableDataDirectoryGivesOneClearMessageAndANonZeroExit() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "startup-failure", UUID.randomUUID().toString()));
        Path file = Files.writeString(work.resolve("not-a-directory"), "x"); // root can write anywhere; a file cannot hold a directory
        Run r = start("--chainatlas.embedded.data-dir=" + file.resolve("neo4j").toAbsolutePath(), "--server.port=0");
        assertOneClearMessage(r, "数据目录不可写");
        assertThat(r.output()).contains(file.resolve("neo4j").toAbsolutePath().toString()).contains("CHAINATLAS_DATA_DIR");
    }

    @Test
    void anHttpPortInUseGivesOneClearMessageAndANonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
            int port = taken.getLocalPort();
            Run r = start("--server.port=" + port, "--chainatlas.embedded.data-dir=" + dataDir());
            assertOneClearMessage(r, "HTTP 端口 " + port + " 已被占用");
            assertThat(r.output()).contains("PORT");
        }
    }

    @Test
    void aBoltPortInUseGivesOneClearMessageAndANonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            Run r = start("--server.port=0", "--chainatlas.embedded.bolt-port=" + port,
                    "--chainatlas.embedded.data-dir=" + dataDir());
            assertOneClearMessage(r, "Bolt 端口 " + port + " 已被占用");
        }
    }

    private static void assertOneClearMessage(Run r, String message) {
        assertThat(r.exit()).as("exit code; output:\n" + r.output()).isNotZero();
        assertThat(r.count(message)).as("the message, once; output:\n" + r.output()).isEqualTo(1);
        assertThat(r.count("APPLICATION FAILED TO START")).isEqualTo(1);
        assertThat(r.output()).as("no stack trace").doesNotContainPattern("(?m)^\\s+at [a-z]+\\.");
    }

    private static String dataDir() {
        return Path.of("target", "startup-failure", UUID.randomUUID().toString(), "neo4j").toAbsolutePath().toString();
    }

    /** Starts the app in a child JVM with the test's class path and waits (at most 4 minutes) for it to exit. */
    static Run start(String... args) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", cp, ChainAtlasApplication.class.getName(), "--server.address=127.0.0.1",
                "--chainatlas.demo.enabled=false", "--chainatlas.snapshots.warm-up=false",
                "--chainatlas.embedded.page-cache=32m", "--spring.neo4j.uri="));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("chainatlas-startup-", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            if (!p.waitFor(4, TimeUnit.MINUTES)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("the app did not exit within 4 minutes:\n" + Files.readString(out));
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
