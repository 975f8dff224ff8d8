package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.ingest.DataImportedEvent;
import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;
import com.chainatlas.system.ExpensiveRequests;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Issue 13 (reliability): diagnoses are cached per (snapshot version, chain, region, zone, asOf, settings); only a
 * real computation takes an {@link ExpensiveRequests} place, so a cached diagnosis or ranking is never refused with 429.
 */
@ChainAtlasIntegrationTest
class DiagnosisCachingTest {

    static final DiagnosisSettings.Overrides NONE = DiagnosisSettings.Overrides.none();

    @LocalServerPort
    int port;

    @Autowired
    DiagnosisService diagnosis;

    @Autowired
    ExpensiveRequests expensive;

    @Autowired
    SnapshotRegistry snapshots;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void theSameDiagnosisIsComputedOnceAndAnyDifferenceIsItsOwnEntry() {
        Diagnosis a = diagnosis.diagnose("NEV", "340100", null, NONE, null);
        assertThat(diagnosis.diagnose("NEV", "340100", "", null, null)).as("blank zone, no overrides").isSameAs(a);
        assertThat(diagnosis.diagnose("NEV", " 340100 ", null, NONE, null)).as("code spelt with spaces").isSameAs(a);

        DiagnosisSettings.Overrides stricter = new DiagnosisSettings.Overrides(5, null, null, null, null, null, null, null,
                null, null, null);
        Diagnosis strict = diagnosis.diagnose("NEV", "340100", null, stricter, null);
        assertThat(strict).isNotSameAs(a);
        assertThat(strict.settings().minEnterprises()).isEqualTo(5);
        // the same value given explicitly is the same settings
        DiagnosisSettings.Overrides explicitDefault = new DiagnosisSettings.Overrides(3, null, null, null, null, null, null,
                null, null, null, null);
        assertThat(diagnosis.diagnose("NEV", "340100", null, explicitDefault, null)).isSameAs(a);

        assertThat(diagnosis.diagnose("NEV", "340000", null, NONE, null)).isNotSameAs(a);
        Diagnosis asOf = diagnosis.diagnose("NEV", "340100", null, NONE, LocalDate.of(2015, 12, 31));
        assertThat(asOf).isNotSameAs(a);
        assertThat(asOf.snapshot().asOf()).isNotNull();
        assertThat(diagnosis.diagnose("NEV", "340100", null, NONE, LocalDate.of(2015, 12, 31))).isSameAs(asOf);
        assertThat(diagnosis.cachedDiagnoses()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void anImportMakesANewSnapshotVersionAndSoAFreshDiagnosis() {
        Diagnosis before = diagnosis.diagnose("NEV", "320500", null, NONE, null);
        assertThat(diagnosis.diagnose("NEV", "320500", null, NONE, null)).isSameAs(before);
        events.publishEvent(new DataImportedEvent(Set.of("NEV")));
        Diagnosis after = diagnosis.diagnose("NEV", "320500", null, NONE, null);
        assertThat(after).isNotSameAs(before);
        assertThat(after.snapshot().version()).isGreaterThan(before.snapshot().version());
        assertThat(after.segments()).hasSameSizeAs(before.segments());
    }

    @Test
    void concurrentFirstRequestsComputeOnce() throws Exception {
        snapshots.refresh("NEV"); // a version nobody has diagnosed yet
        AtomicInteger computations = new AtomicInteger();
        ExpensiveRequests.Gate counting = new ExpensiveRequests.Gate() {
            @Override
            public <T> T call(java.util.function.Supplier<T> work) {
                computations.incrementAndGet();
                return work.get();
            }
        };
        int callers = 6;
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<Diagnosis>> results = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return diagnosis.diagnose("NEV", "340000", null, NONE, null, counting);
                }));
            }
            Diagnosis first = results.get(0).get(60, TimeUnit.SECONDS);
            for (Future<Diagnosis> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(computations.get()).as("computations through the gate").isEqualTo(1);
        diagnosis.diagnose("NEV", "340000", null, NONE, null, counting);
        assertThat(computations.get()).as("a hit does not pass the gate").isEqualTo(1);
    }

    /** With every place taken, cached answers still come at once; a new computation is refused with 429. */
    @Test
    void cacheHitsAreNeverRefusedWhileEveryPlaceIsTaken() throws Exception {
        Api api = new Api(port);
        String cached = "/api/diagnosis?chain=NEV&region=340100";
        String cachedTargets = "/api/targets?chain=NEV&region=340100&page=0&size=5";
        api.ok(cached);
        api.ok(cachedTargets);
        int places = expensive.permits();
        CountDownLatch holding = new CountDownLatch(2 * places);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * places);
        try {
            for (int i = 0; i < places; i++) {
                pool.submit(() -> expensive.call("diagnosis", () -> hold(holding, release)));
                pool.submit(() -> expensive.call("targets", () -> hold(holding, release)));
            }
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            long t = System.nanoTime();
            assertThat(api.get(cached).status()).isEqualTo(200);
            assertThat(api.get(cached + "&page=1").status()).isEqualTo(200); // unknown parameters change nothing
            assertThat(api.get(cachedTargets).status()).isEqualTo(200);
            assertThat(api.get(cachedTargets.replace("page=0", "page=1")).status()).as("another page of a cached ranking")
                    .isEqualTo(200);
            assertThat((System.nanoTime() - t) / 1e9).as("cache hits do not wait for a place").isLessThan(1.5);

            HttpResponse<String> busy = api.exchange(HttpRequest.newBuilder(api.uri(
                    "/api/diagnosis?chain=NEV&region=340100&weakLq=0.55&strongLq=1.45")).build());
            assertThat(busy.statusCode()).as("a new computation with no place free").isEqualTo(429);
            assertThat(busy.headers().firstValue("Retry-After")).isPresent();
            assertThat(busy.body()).contains("繁忙");
            HttpResponse<String> busyTargets = api.exchange(HttpRequest.newBuilder(api.uri(
                    "/api/targets?chain=NEV&region=340100&minScore=0.123")).build());
            assertThat(busyTargets.statusCode()).isEqualTo(429);
        } finally {
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        // the refused computation was not cached as a failure
        assertThat(api.get("/api/diagnosis?chain=NEV&region=340100&weakLq=0.55&strongLq=1.45").status()).isEqualTo(200);
    }

    private static String hold(CountDownLatch holding, CountDownLatch release) {
        holding.countDown();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "held";
    }
}
