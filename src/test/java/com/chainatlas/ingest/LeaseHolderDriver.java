package com.chainatlas.ingest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.chainatlas.ChainAtlasApplication;
import com.chainatlas.system.ClusterLease;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Child process of {@link LeaseTakeoverTest}: the whole application (as an instance on an external database), which
 * becomes the import lease holder and runs a large import with a second job queued behind it, printing the running
 * job's phase and rows every few milliseconds until the parent kills it (SIGKILL). It keeps the lease renewed on a
 * thread of its own besides the import queue's tick, so that it is still the holder at the kill however loaded the
 * machine is (what is tested is the other instance's take-over after the kill).
 *
 * <p>Args: big file, small file, then the application's own arguments. It prints {@code READY} once started, waits for
 * a line on standard input (the parent's other instance is up by then), takes the lease, submits both files, prints
 * {@code JOBS <first> <second>}, then {@code PHASE <phase> <rows>} lines (and {@code FINISHED <phase>} should the first
 * job end before the kill, which fails the test).
 */
public final class LeaseHolderDriver {

    private LeaseHolderDriver() {
    }

    public static void main(String[] args) throws Exception {
        Path big = Path.of(args[0]);
        Path small = Path.of(args[1]);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ChainAtlasApplication.class)
                .run(Arrays.copyOfRange(args, 2, args.length));
        ImportJobs jobs = app.getBean(ImportJobs.class);
        ImportSettings settings = app.getBean(ImportSettings.class);
        ClusterLease lease = app.getBean(ClusterLease.class);
        System.out.println("READY " + jobs.instanceId());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();

        // hold the lease before the first job is queued, so the other instance's tick (which tries the lease as soon as
        // a job waits) cannot win it in between; an instance's start-up takes it briefly too, so wait for that to lapse
        long deadline = System.nanoTime() + settings.leaseTtl().multipliedBy(3).toNanos();
        while (!lease.tryHold(ImportJobs.LEASE, settings.leaseTtl())) {
            if (System.nanoTime() > deadline) {
                System.out.println("NO-LEASE " + lease.holder(ImportJobs.LEASE));
                System.out.flush();
                return;
            }
            Thread.sleep(50);
        }
        // and keep it renewed from here on (every tick, as the instance does while it has work): on a loaded machine
        // the submission alone can outlast a short time to live, and the other instance would then claim the job
        Thread renew = new Thread(() -> {
            while (true) {
                try {
                    lease.tryHold(ImportJobs.LEASE, settings.leaseTtl());
                    Thread.sleep(settings.tick().toMillis());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.out.println("RENEWAL-FAILED " + e.getMessage());
                }
            }
        }, "lease-renewal");
        renew.setDaemon(true);
        renew.start();
        String first = jobs.submit("enterprises", copy(big), big.getFileName().toString(), "sha-big", false).id();
        String second = jobs.submit("chains", copy(small), small.getFileName().toString(), "sha-small", false).id();
        System.out.println("JOBS " + first + " " + second);
        System.out.flush();
        while (true) {
            ImportJob job = jobs.job(first).orElse(null);
            if (job == null || job.finished()) {
                System.out.println("FINISHED " + (job == null ? "(not run by this instance)" : job.phase));
            } else {
                System.out.println("PHASE " + job.phase + " " + job.rowsDone.get());
            }
            System.out.flush();
            Thread.sleep(5);
        }
    }

    /** submit() takes the file over (deletes it): hand it a copy. */
    private static Path copy(Path file) throws Exception {
        Path copy = Files.createTempFile(file.getParent(), "upload-", ".csv");
        Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }
}
