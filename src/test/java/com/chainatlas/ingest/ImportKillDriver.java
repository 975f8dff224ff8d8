package com.chainatlas.ingest;

import java.nio.file.Path;

/**
 * Child process of {@link KillMidImportTest}: imports a file on its own embedded database and prints the
 * job's phase and rows done every few milliseconds, until the parent kills it (SIGKILL).
 * Args: dataDir, format, file, singleTransactionRows, batchRows.
 */
public final class ImportKillDriver {

    private ImportKillDriver() {
    }

    public static void main(String[] args) throws Exception {
        ImportSettings settings = new ImportSettings(Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                Integer.parseInt(args[4]), 20, 200);
        IngestHarness harness = new IngestHarness(Path.of(args[0]), settings, null);
        System.out.println("READY");
        System.out.flush();
        ImportJob job = harness.startImport(args[1], Path.of(args[2]));
        while (true) {
            System.out.println("PHASE " + job.phase + " " + job.rowsDone.get());
            System.out.flush();
            if (job.finished()) {
                System.out.println("FINISHED " + job.phase);
                System.out.flush();
            }
            Thread.sleep(5);
        }
    }
}
