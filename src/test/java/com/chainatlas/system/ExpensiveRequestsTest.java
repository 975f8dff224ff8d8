package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;

class ExpensiveRequestsTest {

    @Test
    void beyondItsPlacesARequestIsRefusedWith429AndRetryAfter() throws Exception {
        ExpensiveRequests limits = new ExpensiveRequests(2, 50, 7);
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> limits.call("targets", () -> hold(running, release)));
            Future<?> b = pool.submit(() -> limits.call("targets", () -> hold(running, release)));
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> limits.call("targets", () -> "third")).isInstanceOfSatisfying(ApiProblem.class, p -> {
                assertThat(p.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                assertThat(p.retryAfterSeconds()).isEqualTo(7);
                assertThat(p.detailZh()).contains("繁忙");
            });
            // another kind has its own places
            assertThat(limits.call("export", () -> "other kind")).isEqualTo("other kind");
            release.countDown();
            a.get(5, TimeUnit.SECONDS);
            b.get(5, TimeUnit.SECONDS);
            assertThat(limits.call("targets", () -> "after")).isEqualTo("after");
        } finally {
            pool.shutdownNow();
        }
        ResponseEntity<ProblemDetail> r = new ApiExceptionHandler(DataSize.ofMegabytes(50))
                .apiProblem(ApiProblem.tooBusy("忙", "busy", 7));
        assertThat(r.getStatusCode().value()).isEqualTo(429);
        assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo("7");
    }

    private static String hold(CountDownLatch running, CountDownLatch release) {
        running.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "held";
    }

    @Test
    void requestGuardDecodesStrictly() {
        assertThat(RequestGuardFilter.decode("%E5%90%88%E8%82%A5")).isEqualTo("合肥");
        assertThat(RequestGuardFilter.decode("a+b%20c")).isEqualTo("a b c");
        assertThat(RequestGuardFilter.decode("%BA%CF%B7%CA")).isNull();
        assertThat(RequestGuardFilter.decode("%E5%90")).isNull();
        assertThat(RequestGuardFilter.decode("%zz")).isNull();
        assertThat(RequestGuardFilter.decode("%4")).isNull();
        assertThat(RequestGuardFilter.checkQuery("q=%E5%90%88&page=0")).isNull();
        assertThat(RequestGuardFilter.checkQuery("q=" + "a".repeat(Limits.PARAM_VALUE + 1)).status()).isEqualTo(400);
    }

    @Test
    void downloadNamesAreCleanedAndBounded() {
        String cd = Downloads.attachment("招商清单-" + "长".repeat(3_000) + "\r\n\"/..\\x.xlsx", "xlsx");
        assertThat(cd).startsWith("attachment; filename=\"chainatlas-export.xlsx\"; filename*=UTF-8''");
        assertThat(cd).doesNotContain("\r").doesNotContain("\n").doesNotContain("/").endsWith(".xlsx");
        assertThat(Downloads.clean("招商清单-" + "长".repeat(3_000) + ".xlsx", "xlsx").codePointCount(0, Limits.FILE_NAME))
                .isLessThanOrEqualTo(Limits.FILE_NAME);
        assertThat(Downloads.encode("合 a.csv")).isEqualTo("%E5%90%88%20a.csv");
    }
}
