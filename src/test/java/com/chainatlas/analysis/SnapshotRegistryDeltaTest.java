package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.chainatlas.chain.Stage;

import org.junit.jupiter.api.Test;

/**
 * When the registry builds a delta and when a full read: keys collected since the last kept snapshot, kept across a
 * discarded build, forgotten by an invalidation without keys. The rows are in memory (the delta itself is checked
 * against Neo4j in {@link SnapshotDeltaPropertyTest}); each read records what it was asked.
 */
class SnapshotRegistryDeltaTest {

    static final class Rows implements SnapshotRegistry.Source {
        final List<String> reads = new ArrayList<>();
        volatile Consumer<Integer> duringRead = read -> { };

        @Override
        public ChainSnapshot load(String chainId, long version) {
            reads.add("full");
            duringRead.accept(reads.size());
            return snapshot(chainId, version);
        }

        @Override
        public ChainSnapshot loadDelta(ChainSnapshot base, Collection<String> touched, long version) {
            reads.add("delta " + new java.util.TreeSet<>(touched));
            duringRead.accept(reads.size());
            return snapshot(base.chainId(), version);
        }

        private static ChainSnapshot snapshot(String chainId, long version) {
            return new SnapshotBuilder(chainId, chainId).segment("S", "环节", Stage.MIDSTREAM, false, 1, null)
                    .enterprise("E0", "企业", "340102", null, 1.0).membership("E0", "S").build(version);
        }

        @Override
        public List<String> chainIds() {
            return List.of("A");
        }

        @Override
        public String chainOfSegment(String segmentId) {
            return null;
        }
    }

    @Test
    void touchedKeysSinceTheLastKeptSnapshotMakeADelta() {
        Rows db = new Rows();
        SnapshotRegistry registry = new SnapshotRegistry(db);
        registry.get("A");
        registry.invalidate("A", Set.of("E1"));
        registry.invalidate("A", Set.of("E2")); // two imports before the next build
        registry.get("A");
        registry.invalidateAll(Set.of("E3"));   // a supplies file: not tied to a chain
        registry.get("A");
        registry.invalidate("A");               // unknown change (chain structure, another instance)
        registry.invalidate("A", Set.of("E4"));
        registry.get("A");
        registry.invalidate("A", Set.of("E5"));
        long before = registry.get("A").version();
        registry.refresh("A");
        assertThat(db.reads).containsExactly("full", "delta [E1, E2]", "delta [E3]", "full", "delta [E5]", "full");
        assertThat(registry.current("A")).get().extracting(ChainSnapshot::version).isNotEqualTo(before);
    }

    @Test
    void tooManyKeysReadTheChainWhole() {
        Rows db = new Rows();
        SnapshotRegistry registry = new SnapshotRegistry(db);
        registry.get("A");
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= SnapshotRegistry.MAX_DELTA; i++) {
            many.add("E" + i);
        }
        registry.invalidate("A", many);
        registry.get("A");
        assertThat(db.reads).containsExactly("full", "full");
    }

    @Test
    void aDeltaOverlappingAnImportIsDiscardedAndReadAgainWithBothImportsKeys() throws Exception {
        Rows db = new Rows();
        SnapshotRegistry registry = new SnapshotRegistry(db);
        registry.get("A");
        registry.invalidate("A", Set.of("E1"));
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch imported = new CountDownLatch(1);
        db.duringRead = read -> {
            if (read == 2) {
                reading.countDown();
                try {
                    imported.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        CompletableFuture<ChainSnapshot> request = CompletableFuture.supplyAsync(() -> registry.get("A"));
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        registry.invalidate("A", Set.of("E2")); // an import lands while the delta is read
        imported.countDown();
        request.get(10, TimeUnit.SECONDS);
        assertThat(db.reads).containsExactly("full", "delta [E1]", "delta [E1, E2]");
        registry.invalidate("A", Set.of("E3"));
        registry.get("A");
        assertThat(db.reads).last().isEqualTo("delta [E3]");
    }
}
