package com.chainatlas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;

import com.chainatlas.project.LedgerIntegrationTest;
import com.chainatlas.project.LedgerVersion;
import com.chainatlas.support.Api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard cache on one instance: answers are cached (a write behind the ledger's back is not seen), and every
 * write through the API is seen by the very next dashboard, rates and alerts (the ledger version moved with it).
 * Each test has a county of its own.
 */
@LedgerIntegrationTest
class DashboardCacheTest {

    @LocalServerPort
    int port;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    LedgerVersion version;

    Api api() {
        return new Api(port);
    }

    static int signed(JsonNode dashboard) {
        for (JsonNode s : dashboard.get("stages")) {
            if (s.get("stage").asString().equals("SIGNED")) {
                return s.get("count").asInt();
            }
        }
        throw new AssertionError("no SIGNED figure");
    }

    String create(String region, String who, String extra) {
        Api.Response r = api().postJson("/api/projects", """
                {"name":"缓存测试项目%s","enterpriseName":"缓存测试企业","regionCode":"%s","chainId":"NEV","responsible":"%s",
                 "stage":"SIGNED","stageDate":"2026-03-01"%s}
                """.formatted(UUID.randomUUID().toString().substring(0, 6), region, who, extra));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void everyWriteThroughTheApiIsInTheVeryNextAnswer() {
        String who = "缓存" + UUID.randomUUID().toString().substring(0, 6);
        String dash = "/api/dashboard?region=340503";
        JsonNode before = api().ok(dash);
        JsonNode alertsBefore = api().ok("/api/projects/alerts?region=340503");
        long v0 = version.current();

        String id = create("340503", who, ",\"plannedInvestmentYi\":2.5");
        assertThat(version.current()).isGreaterThan(v0);
        JsonNode after = api().ok(dash);
        assertThat(signed(after)).isEqualTo(signed(before) + 1);
        assertThat(api().ok("/api/projects/rates?region=340503&from=2026-03-01&to=2026-03-31").get("period")
                .get("signed").get("count").asInt()).isEqualTo(1);

        // an edit: a next step already passed (today is 2026-06-15 on the test clock) raises an alert at once
        Api.Response patch = api().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/projects/" + id))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"nextActionDate\":\"2026-06-01\"}")).build());
        assertThat(patch.status()).as(patch.text()).isEqualTo(200);
        JsonNode alerts = api().ok("/api/projects/alerts?region=340503");
        assertThat(alerts.size()).isEqualTo(alertsBefore.size() + 1);
        assertThat(api().ok(dash).get("overdueTotal").asInt()).isEqualTo(after.get("overdueTotal").asInt() + 1);
    }

    @Test
    void answersAreCachedUntilTheLedgerVersionMoves() {
        String dash = "/api/dashboard?region=340506";
        int before = signed(api().ok(dash));
        // behind the ledger's back (no version advanced): the cached answer stands
        neo4j.query("""
                CREATE (:Project {id: $id, name: '旁路项目', regionCode: '340506', stage: 'SIGNED', status: 'ACTIVE',
                                  signedOn: date('2026-03-01'), updatedAt: datetime()})
                """).bind("bypass-" + UUID.randomUUID()).to("id").run();
        assertThat(signed(api().ok(dash))).isEqualTo(before);
        // a ledger write moves the version: what it wrote is read (only that: the ledger mirror reads rows stamped
        // with a newer epoch; the row written behind its back waits for the next full reload)
        create("340506", "缓存旁路", "");
        assertThat(signed(api().ok(dash))).isEqualTo(before + 1);
    }
}
