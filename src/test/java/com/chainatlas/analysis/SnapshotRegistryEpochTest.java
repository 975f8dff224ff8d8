package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.chainatlas.chain.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-chain epochs: a snapshot read while an import changed the chain is not kept. The "database" is a set of rows
 * in memory whose size an import changes; the read can be held at a latch so the import lands in the middle of it.
 */
class SnapshotRegistryEpochTest {

    /** Real snapshots from rows in memory; {@code duringRead} runs inside each read (after the rows were taken). */
    static final class Rows implements SnapshotRegistry.Source {
        volatile int firms = 1;
        final AtomicInteger reads = new AtomicInteger();
        volatile Consumer<Integer> duringRead = read -> { };

        @Override
        public ChainSnapshot load(String chainId, long version) {
            int n = firms; // the read transaction sees the data as it was when it started
            duringRead.accept(reads.incrementAndGet());
            SnapshotBuilder b = new SnapshotBuilder(chainId, chainId).segment("S", "环节", Stage.MIDSTREAM, false, 3, null);
            for (int i = 0; i < n; i++) {
                b.enterprise("E" + i, "企业" + i, "340102", null, 100.0).membership("E" + i, "S");
            }
            return b.build(version);
        }

        @Override
        public List<String> chainIds() {
            return List.of("A", "B");
        }

        @Override
        public String chainOfSegment(String segmentId) {
            return null;
        }
    }

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aBuildThatOverlapsAnImportIsDiscardedAndReadAgain() throws Exception {
        Rows db = new Rows();
        SnapshotRegistry registry = new SnapshotRegistry(db);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch imported = new CountDownLatch(1);
        db.duringRead = read -> {
            if (read == 1) {
                reading.countDown();
                await(imported);
            }
        };
        CompletableFuture<ChainSnapshot> request = CompletableFuture.supplyAsync(() -> registry.get("A"), pool);
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        db.firms = 2;             // the import commits while the first read is in flight …
        registry.invalidate("A"); // … and says so (DataImportedEvent) before its job is DONE
        imported.countDown();
        ChainSnapshot s = request.get(10, TimeUnit.SECONDS);
        assertThat(db.reads.get()).as("the pre-import read was discarded and read again").isEqualTo(2);
        assertThat(s.enterpriseCount()).isEqualTo(2);
        assertThat(registry.current("A")).get().extracting(ChainSnapshot::enterpriseCount).isEqualTo(2);
        assertThat(registry.get("A")).isSameAs(s);
    }

    @Test
    void withoutAnImportTheFirstReadIsKept_andAnotherChainsImportDoesNotDiscardIt() throws Exception {
        Rows db = new Rows();
        SnapshotRegistry registry = new SnapshotRegistry(db);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        db.duringRead = read -> {
            if (read == 1) {
                reading.countDown();
                await(go);
            }
        };
        CompletableFuture<ChainSnapshot> request = CompletableFuture.supplyAsync(() -> registry.get("A"), pool);
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        registry.invalidate("B");
        go.countDown();
        request.get(10, TimeUnit.SECONDS);
        assertThat(db.reads.get()).isEqualTo(1);
        assertThat(registry.current("A")).isPresent();
    }

    @Test
    void anImportNotTiedToAChainDiscardsBuildsOfEveryChain() throws Exception {
        Rows db = new Rows();
        SnapshotRegistry registry = new SnapshotRegistry(db);
        ChainSnapshot b = registry.get("B");
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch imported = new CountDownLatch(1);
        db.duringRead = read -> {
            if (read == 2) {
                reading.countDown();
                await(imported);
            }
        };
        CompletableFuture<ChainSnapshot> request = CompletableFuture.supplyAsync(() -> registry.get("A"), pool);
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        db.firms = 3;
        registry.invalidateAll();
        imported.countDown();
        assertThat(request.get(10, TimeUnit.SECONDS).enterpriseCount()).isEqualTo(3);
        assertThat(registry.current("B")).as("B dropped too").isEmpty();
        assertThat(registry.get("B").version()).isGreaterThan(b.version());
    }

    @Test
    void whenImportsKeepLandingTheLastReadAnswersButIsNotKept() {
        Rows db = new Rows();
        SnapshotRegistry registry = new SnapshotRegistry(db);
        db.duringRead = read -> registry.invalidate("A"); // an import during every read
        ChainSnapshot s = registry.get("A");
        assertThat(s).isNotNull();
        assertThat(db.reads.get()).isEqualTo(SnapshotRegistry.MAX_READS);
        assertThat(registry.current("A")).isEmpty();
        db.duringRead = read -> { };
        assertThat(registry.refresh("A").version()).isGreaterThan(s.version());
        assertThat(registry.current("A")).isPresent();
    }

    @Test
    void whileAnImportRebuildsTheChainRequestsKeepTheCurrentSnapshotWithoutWaiting() throws Exception {
        Rows db = new Rows();
        SnapshotRegistry registry = new SnapshotRegistry(db);
        ChainSnapshot old = registry.get("A");
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        db.duringRead = read -> {
            reading.countDown();
            await(release);
        };
        db.firms = 2;
        CompletableFuture<Void> rebuild = CompletableFuture.runAsync(
                () -> registry.rebuildKeepingCurrent(List.of("A"), null), pool);
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        // the rebuild is held mid-read: a request gets the current snapshot at once (it used to wait for the build)
        ChainSnapshot during = CompletableFuture.supplyAsync(() -> registry.get("A")).get(2, TimeUnit.SECONDS);
        assertThat(during).isSameAs(old);
        release.countDown();
        rebuild.get(10, TimeUnit.SECONDS);
        // when it returns (the import then says DONE) the new figures are current
        assertThat(registry.get("A").enterpriseCount()).isEqualTo(2);
        assertThat(registry.get("A").version()).isGreaterThan(old.version());
    }

    @Test
    void aRebuildThatCannotBeKeptDropsTheOldSnapshotInsteadOfKeepingItAsCurrent() {
        Rows db = new Rows();
        SnapshotRegistry registry = new SnapshotRegistry(db);
        registry.get("A");
        registry.get("B");
        db.firms = 2;
        db.duringRead = read -> {
            throw new IllegalStateException("database gone");
        };
        registry.rebuildKeepingCurrent(List.of(), null); // a change of any chain
        assertThat(registry.current("A")).isEmpty();
        assertThat(registry.current("B")).isEmpty();
        db.duringRead = read -> { };
        assertThat(registry.get("A").enterpriseCount()).isEqualTo(2);
    }

    @Test
    void aChainWithoutASnapshotIsNotBuiltByARebuild() {
        Rows db = new Rows();
        SnapshotRegistry registry = new SnapshotRegistry(db);
        registry.rebuildKeepingCurrent(List.of("A"), null);
        assertThat(db.reads.get()).isZero();
        assertThat(registry.current("A")).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
