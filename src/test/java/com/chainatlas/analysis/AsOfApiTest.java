package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;
import com.chainatlas.system.ClockConfiguration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code asOf} on the diagnosis, peers, segment, ranking and target endpoints, on the demo data (合肥 340100). */
@ChainAtlasIntegrationTest
class AsOfApiTest {

    @LocalServerPort
    int port;

    @Test
    void diagnosisAsOfADateCountsOnlyTheFirmsThatHadEnteredAndSaysWhatWasLeftOut() {
        Api api = new Api(port);
        JsonNode all = api.ok("/api/diagnosis?chain=NEV&region=340100");
        assertThat(all.get("snapshot").get("asOf").isNull()).isTrue();
        JsonNode then = api.ok("/api/diagnosis?chain=NEV&region=340100&asOf=2020-12-31");
        JsonNode asOf = then.get("snapshot").get("asOf");
        assertThat(asOf.get("date").asString()).isEqualTo("2020-12-31");
        assertThat(asOf.get("requested").isNull()).isTrue();
        int kept = asOf.get("enterprises").asInt();
        int later = asOf.get("excludedLater").asInt();
        int undated = asOf.get("excludedUndated").asInt();
        // every enterprise of the chain is kept, later or undated; the demo has firms of each kind
        assertThat(kept + later + undated).isEqualTo(all.get("snapshot").get("enterprises").asInt());
        assertThat(later).isPositive();
        assertThat(undated).isPositive();
        assertThat(then.get("figures").get("nationalEnterprises").asInt()).isEqualTo(kept);
        assertThat(then.get("snapshot").get("enterprises").asInt()).isEqualTo(kept);
        Map<String, Integer> nowLocal = new HashMap<>();
        Map<String, Integer> nowNational = new HashMap<>();
        all.get("segments").forEach(s -> {
            nowLocal.put(s.get("segmentId").asString(), s.get("figures").get("localEnterprises").asInt());
            nowNational.put(s.get("segmentId").asString(), s.get("figures").get("nationalEnterprises").asInt());
        });
        then.get("segments").forEach(s -> {
            String id = s.get("segmentId").asString();
            assertThat(s.get("figures").get("localEnterprises").asInt()).as(id).isLessThanOrEqualTo(nowLocal.get(id));
            assertThat(s.get("figures").get("nationalEnterprises").asInt()).as(id).isLessThanOrEqualTo(nowNational.get(id));
        });
        assertThat(then.get("figures").get("nationalEnterprises").asInt())
                .isLessThan(all.get("figures").get("nationalEnterprises").asInt());

        JsonNode before = api.ok("/api/diagnosis?chain=NEV&region=340100&asOf=1900-01-01");
        assertThat(before.get("snapshot").get("asOf").get("enterprises").asInt()).isZero();
        before.get("segments").forEach(s -> assertThat(s.get("verdict").asString()).isEqualTo("MISSING"));
    }

    @Test
    void aFutureDateIsTodayAndTheOtherEndpointsEchoTheDate() {
        Api api = new Api(port);
        JsonNode future = api.ok("/api/diagnosis?chain=NEV&region=340100&asOf=2999-01-01").get("snapshot").get("asOf");
        assertThat(future.get("date").asString()).isEqualTo(LocalDate.now(ClockConfiguration.OFFICE_ZONE).toString());
        assertThat(future.get("requested").asString()).isEqualTo("2999-01-01");
        assertThat(future.get("excludedLater").asInt()).isZero();

        String q = "&asOf=2018-06-30";
        assertThat(date(api.ok("/api/diagnosis/peers?chain=NEV&region=340100&top=3" + q))).isEqualTo("2018-06-30");
        assertThat(date(api.ok("/api/diagnosis/segments/NEV-CELL?region=340100" + q))).isEqualTo("2018-06-30");
        assertThat(date(api.ok("/api/diagnosis/ranking?chain=NEV&segment=NEV-CELL" + q))).isEqualTo("2018-06-30");
    }

    private static String date(JsonNode response) {
        return response.get("snapshot").get("asOf").get("date").asString();
    }

    @Test
    void targetsAsOfADateListOnlyCandidatesThatHadEnteredByThen() {
        Api api = new Api(port);
        JsonNode page = api.ok("/api/targets?chain=NEV&region=340100&asOf=2016-12-31&size=10");
        assertThat(page.get("asOf").get("date").asString()).isEqualTo("2016-12-31");
        assertThat(page.get("items").size()).isPositive();
        LocalDate cut = LocalDate.of(2016, 12, 31);
        for (JsonNode item : page.get("items")) {
            JsonNode e = api.ok("/api/enterprises/" + item.get("uscc").asString()).get("enterprise");
            LocalDate founded = e.get("founded").isNull() ? null : LocalDate.parse(e.get("founded").asString());
            LocalDate listed = e.get("listed").isNull() ? null : LocalDate.parse(e.get("listed").asString());
            LocalDate entry = founded == null ? listed : listed == null || founded.isBefore(listed) ? founded : listed;
            assertThat(entry).as(item.get("uscc").asString()).isNotNull().isBeforeOrEqualTo(cut);
        }
        assertThat(api.ok("/api/targets?chain=NEV&region=340100&size=1").get("asOf").isNull()).isTrue();
    }

    @Test
    void badDatesAreProblemDetailsInChinese() {
        Api api = new Api(port);
        for (String path : new String[]{"/api/diagnosis?chain=NEV&region=340100&asOf=2021-02-30",
                "/api/diagnosis/peers?chain=NEV&region=340100&asOf=2020/12/31",
                "/api/diagnosis/segments/NEV-CELL?region=340100&asOf=yesterday",
                "/api/diagnosis/ranking?chain=NEV&segment=NEV-CELL&asOf=20201231",
                "/api/targets?chain=NEV&region=340100&asOf=2020-13-01"}) {
            Api.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path).contains("application/problem+json");
            assertThat(r.json().get("detail").asString()).as(path).startsWith("截至日期须为 YYYY-MM-DD");
        }
    }
}
