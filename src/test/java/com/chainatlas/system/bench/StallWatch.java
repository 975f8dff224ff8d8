package com.chainatlas.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds stalls in a load run: moments when requests are in flight but none has completed for {@code thresholdMs}.
 * At the start of each stall it saves thread dumps of the app (by {@code jcmd PID Thread.print}, when the app is
 * the benchmark's child) and of the benchmark's own JVM, so the cause is read from what the threads were doing, not
 * guessed. At most {@code maxDumps} stalls are dumped; every stall is listed with its start and length.
 */
final class StallWatch {
    private final long thresholdNanos;
    private final Long appPid;
    private final Path dir;
    private final int maxDumps;
    private final AtomicLong lastCompletion = new AtomicLong(System.nanoTime());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<String> stalls = new ArrayList<>();
    private volatile boolean running = true;
    private Thread thread;

    StallWatch(long thresholdMs, Long appPid, Path dir, int maxDumps) {
        this.thresholdNanos = TimeUnit.MILLISECONDS.toNanos(thresholdMs);
        this.appPid = appPid;
        this.dir = dir;
        this.maxDumps = maxDumps;
    }

    void begin() {
        inFlight.incrementAndGet();
    }

    void end() {
        lastCompletion.set(System.nanoTime());
        inFlight.decrementAndGet();
    }

    void start(long runStartNanos) {
        thread = new Thread(() -> watch(runStartNanos), "bench-stall-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch(long runStart) {
        long stallStart = -1;
        String dumps = "";
        while (running) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long last = lastCompletion.get();
            boolean stalled = inFlight.get() > 0 && now - last > thresholdNanos;
            if (stalled && stallStart < 0) {
                stallStart = last;
                dumps = stalls.size() < maxDumps ? dump(stalls.size() + 1) : "(not dumped)";
            } else if (!stalled && stallStart >= 0) {
                synchronized (stalls) {
                    stalls.add(String.format(Locale.ROOT, "stall %d: from %.1f s for %.1f s, %s", stalls.size() + 1,
                            (stallStart - runStart) / 1e9, (last - stallStart) / 1e9, dumps));
                }
                stallStart = -1;
            }
        }
    }

    private String dump(int n) {
        List<String> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            if (appPid != null) {
                Path app = dir.resolve("stall-" + n + "-app.txt");
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(appPid), "Thread.print", "-l").redirectErrorStream(true).redirectOutput(app.toFile()).start();
                if (p.waitFor(30, TimeUnit.SECONDS)) {
                    files.add(app.toString());
                } else {
                    p.destroyForcibly();
                }
            }
            Path self = dir.resolve("stall-" + n + "-bench.txt");
            StringBuilder b = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, stack) -> {
                b.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
                for (StackTraceElement e : stack) {
                    b.append("    at ").append(e).append('\n');
                }
                b.append('\n');
            });
            Files.writeString(self, b);
            files.add(self.toString());
        } catch (IOException | InterruptedException e) {
            files.add("dump failed: " + e);
        }
        return "dumps " + String.join(", ", files);
    }

    /** Stops watching and returns the stalls seen (a stall still under way is listed as open). */
    List<String> finish(long runStartNanos) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        synchronized (stalls) {
            return List.copyOf(stalls);
        }
    }
}
