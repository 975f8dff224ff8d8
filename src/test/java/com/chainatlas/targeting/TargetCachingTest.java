package com.chainatlas.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.chainatlas.analysis.ChainSnapshot;
import com.chainatlas.analysis.SnapshotRegistry;
import com.chainatlas.ingest.DataImportedEvent;
import com.chainatlas.support.ChainAtlasIntegrationTest;
import com.chainatlas.system.Paging;
import com.chainatlas.targeting.TargetModel.TargetQuery;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;

/** Issue 13.6: rankings are cached per (snapshot version, normalised query); the supply model trains once. */
@ChainAtlasIntegrationTest
class TargetCachingTest {

    @Autowired
    SupplyTiePredictions predictions;

    @Autowired
    TargetService targets;

    @Autowired
    ChainFactsCache chainFacts;

    @Autowired
    SnapshotRegistry snapshots;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    @Qualifier(RankingExecutorConfiguration.NAME)
    Executor rankingExecutor;

    @Test
    void concurrentFirstRequestsTrainTheSupplyModelOnce() throws Exception {
        ChainSnapshot snapshot = snapshots.refresh("NEV"); // a version nobody has asked a model for yet
        // (the background may be training it already, after the build: still once for this version)
        int callers = 6;
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<SupplyTieModel>> results = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return predictions.model(snapshot);
                }));
            }
            SupplyTieModel first = results.get(0).get(120, TimeUnit.SECONDS);
            assertThat(first.predictor()).isNotNull();
            for (Future<SupplyTieModel> f : results) {
                assertThat(f.get(120, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(predictions.builds(snapshot.version())).as("models trained").isEqualTo(1);
        assertThat(predictions.model(snapshot)).isNotNull();
        assertThat(predictions.builds(snapshot.version())).isEqualTo(1);
        ChainSnapshot next = snapshots.refresh("NEV");
        predictions.model(next); // a new snapshot version trains afresh
        assertThat(predictions.builds(next.version())).isEqualTo(1);
        assertThat(predictions.builds(snapshot.version())).isEqualTo(1);
    }

    /** Issue 13/14: after a build the chain's target facts and supply model are made in the background, once. */
    @Test
    void aBuiltSnapshotsTargetFactsAreMadeInTheBackgroundWithoutARequest() throws Exception {
        ChainSnapshot snapshot = snapshots.refresh("NEV");
        long deadline = System.currentTimeMillis() + 120_000;
        while (predictions.builds(snapshot.version()) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(predictions.builds(snapshot.version())).as("trained without a request").isEqualTo(1);
        ChainFacts made = chainFacts.of(snapshot); // waits for the background computation if it is still running
        assertThat(chainFacts.of(snapshot)).isSameAs(made);
        assertThat(made.snapshot()).isSameAs(snapshot);
        assertThat(made.model()).isSameAs(predictions.model(snapshot));
        assertThat(predictions.builds(snapshot.version())).isEqualTo(1);
    }

    /** Issue 15.4: one supply network — the predictor is built from the snapshot and moves with it. */
    @Test
    void predictorSharesTheSnapshotVersionAndMovesWithAnImport() {
        ChainSnapshot before = snapshots.get("NEV");
        SupplyTieModel model = predictions.model("NEV");
        assertThat(model.snapshotVersion()).isEqualTo(snapshots.get("NEV").version());
        assertThat(model.chainId()).isEqualTo("NEV");
        events.publishEvent(new DataImportedEvent(Set.of("NEV")));
        ChainSnapshot after = snapshots.get("NEV");
        assertThat(after.version()).isGreaterThan(before.version());
        SupplyTieModel moved = predictions.model("NEV");
        assertThat(moved.snapshotVersion()).isEqualTo(after.version()).isGreaterThan(model.snapshotVersion());
        assertThat(moved).isNotSameAs(model);
        // the ranking's version is the snapshot's too
        TargetQuery q = new TargetQuery("NEV", "340100", null, null, null, null, null, null, null, null, null);
        assertThat(targets.rankAll(q).snapshotVersion()).isEqualTo(predictions.model("NEV").snapshotVersion());
    }

    /** Issue 13 (load): after an import the rankings asked recently are recomputed before anyone asks again. */
    @Test
    void recentRankingsAreWarmedAfterTheSnapshotIsRebuilt() throws Exception {
        TargetQuery asked = new TargetQuery("NEV", "320500", null, null, "innovation", null, null, null, null, null, null);
        TargetQuery other = new TargetQuery("IC", "320500", null, null, "innovation", null, null, null, null, null, null);
        targets.rankAll(asked);
        targets.rankAll(other);
        long before = snapshots.get("NEV").version();
        long icBefore = snapshots.get("IC").version();
        events.publishEvent(new DataImportedEvent(Set.of("NEV")));
        long deadline = System.currentTimeMillis() + 120_000;
        long version;
        do {
            Thread.sleep(100);
            version = snapshots.current("NEV").map(ChainSnapshot::version).orElse(before);
        } while ((version == before || !targets.cached(asked, version)) && System.currentTimeMillis() < deadline);
        assertThat(version).as("rebuilt in the background").isGreaterThan(before);
        assertThat(targets.cached(asked, version)).as("warmed without a request").isTrue();
        assertThat(snapshots.get("IC").version()).as("another chain is left alone").isEqualTo(icBefore);
        assertThat(targets.cached(other, icBefore)).isTrue();
    }

    /**
     * Issue 13 (load): right after the data changed, a page of a query ranked before shows the previous version's
     * ranking, marked as refreshing, while the background thread computes the new one; a query nobody ranked before
     * is computed in the request; the whole ranking (saved lists, exports) is always the current data's.
     */
    @Test
    void aPageShowsThePreviousRankingWhileTheNewOneIsComputedInTheBackground() throws Exception {
        TargetQuery q = new TargetQuery("NEV", "440300", null, null, "ties", null, null, null, null, null, null);
        TargetQuery neverAsked = new TargetQuery("NEV", "440300", null, null, "expanding", null, null, null, null, null, 0.0123);
        Paging first = new Paging(0, 20);
        TargetModel.TargetPage before = targets.rank(q, first);
        assertThat(before.refreshing()).isNull();

        CountDownLatch hold = new CountDownLatch(1);
        rankingExecutor.execute(() -> {
            try {
                hold.await(60, TimeUnit.SECONDS); // keeps the background thread busy: the new ranking stays pending
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long current;
        try {
            current = snapshots.refresh("NEV").version();
            TargetModel.TargetPage during = targets.rank(q, first);
            assertThat(during.refreshing()).as("previous ranking shown, marked").isNotNull();
            assertThat(during.refreshing().currentSnapshotVersion()).isEqualTo(current);
            assertThat(during.refreshing().note()).contains("更新前");
            assertThat(during.snapshotVersion()).isEqualTo(before.snapshotVersion()).isLessThan(current);
            assertThat(during.items()).isEqualTo(before.items());
            TargetModel.TargetPage fresh = targets.rank(neverAsked, first);
            assertThat(fresh.refreshing()).as("nothing older to show: computed in the request").isNull();
            assertThat(fresh.snapshotVersion()).isEqualTo(current);
        } finally {
            hold.countDown();
        }
        assertThat(targets.rankAll(q).snapshotVersion()).as("saved lists and exports rank the current data").isEqualTo(current);
        TargetModel.TargetPage after = targets.rank(q, first);
        assertThat(after.refreshing()).isNull();
        assertThat(after.snapshotVersion()).isEqualTo(current);
    }

    @Test
    void theSameQueryIsRankedOnceWhateverItsSpelling() {
        TargetQuery q = new TargetQuery("NEV", "340100", null, null, null, null, List.of("320000", "310000"), null,
                null, List.of("高新技术企业", "专精特新"), null);
        TargetQuery same = new TargetQuery("NEV", "340100", null, null, "balanced", null, List.of("310000", "320000", "310000"),
                List.of(), null, List.of("专精特新", "高新技术企业"), null);
        TargetService.Ranking a = targets.rankAll(q);
        assertThat(targets.rankAll(same)).isSameAs(a);
        TargetQuery other = new TargetQuery("NEV", "340100", null, null, null, null, List.of("320000", "310000"), null,
                null, List.of("高新技术企业", "专精特新"), 1.0);
        TargetService.Ranking b = targets.rankAll(other);
        assertThat(b).isNotSameAs(a);
        assertThat(b.rows()).allMatch(r -> r.score() >= 1.0);
        assertThat(a.rows().size()).isGreaterThanOrEqualTo(b.rows().size());
    }
}
