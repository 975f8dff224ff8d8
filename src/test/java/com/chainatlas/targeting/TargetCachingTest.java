package com.chainatlas.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.chainatlas.support.ChainAtlasIntegrationTest;
import com.chainatlas.targeting.TargetModel.TargetQuery;
import com.chainatlas.targeting.linkprediction.SupplyLinkPredictor;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 13.6: rankings are cached per (snapshot version, normalised query); the supply model trains once. */
@ChainAtlasIntegrationTest
class TargetCachingTest {

    @Autowired
    SupplyTiePredictions predictions;

    @Autowired
    TargetService targets;

    @Test
    void concurrentFirstRequestsTrainTheSupplyModelOnce() throws Exception {
        long version = 900_000_000L + System.nanoTime() % 1_000_000; // a version nobody has asked for yet
        int before = predictions.builds();
        int callers = 6;
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<SupplyLinkPredictor>> results = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return predictions.predictor("NEV", version);
                }));
            }
            SupplyLinkPredictor first = results.get(0).get(120, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            for (Future<SupplyLinkPredictor> f : results) {
                assertThat(f.get(120, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(predictions.builds() - before).as("models trained").isEqualTo(1);
        assertThat(predictions.predictor("NEV", version)).isNotNull();
        assertThat(predictions.builds() - before).isEqualTo(1);
        predictions.predictor("NEV", version + 1); // a new snapshot version trains afresh
        assertThat(predictions.builds() - before).isEqualTo(2);
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
