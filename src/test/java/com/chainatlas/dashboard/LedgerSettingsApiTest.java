package com.chainatlas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;

import com.chainatlas.project.LedgerIntegrationTest;
import com.chainatlas.support.Api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Runtime ledger settings ({@code /api/settings/ledger}) on the real application: validation, roles, audit, and their
 * effect on 履约率 of a hand-made ledger. Settings are global, so every test puts the defaults back.
 */
@LedgerIntegrationTest
class LedgerSettingsApiTest {

    static final String PASSWORD = "test-pass-123";

    @LocalServerPort
    int port;

    Api admin() {
        return new Api(port);
    }

    Api.Response put(Api api, String body) {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/settings/ledger"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    String account(String role) {
        String name = "set_" + role.toLowerCase() + "_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response r = admin().postJson("/api/admin/users", """
                {"username":"%s","password":"%s","role":"%s","regionCode":null}
                """.formatted(name, PASSWORD, role));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return name;
    }

    @AfterEach
    void defaults() {
        JsonNode d = admin().ok("/api/settings/ledger").get("defaults");
        assertThat(put(admin(), d.toString()).status()).isEqualTo(200);
    }

    @Test
    void defaultsComeFromConfigurationAndEveryRoleReadsThem() {
        JsonNode viewer = new Api(port).as(account("VIEWER"), PASSWORD).ok("/api/settings/ledger");
        assertThat(viewer.get("settings").get("startWithinMonths").asInt()).isEqualTo(6);
        assertThat(viewer.get("defaults").get("productionWithinMonths").asInt()).isEqualTo(24);
        assertThat(viewer.get("fields")).hasSize(5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"startWithinMonths\":0}            | 须在 1 到 60 之间",
            "{\"startWithinMonths\":61}           | 须在 1 到 60 之间",
            "{\"leadStaleDays\":-3}               | 须在 1 到 365 之间",
            "{\"startWithinMonths\":\"6\"}        | 须为整数",
            "{\"startWithinMonths\":6.5}          | 须为整数",
            "{\"startWithinMonths\":null}         | 须为整数",
            "{\"months\":6}                       | 未知的设置项",
            "{}                                   | 请求体不能为空",
    })
    void badValuesAreRefusedInChineseAndChangeNothing(String body, String detail) {
        long before = admin().ok("/api/settings/ledger").get("ledgerVersion").asLong();
        Api.Response r = put(admin(), body.strip());
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).contains("problem+json");
        assertThat(r.json().get("detail").asString()).contains(detail);
        JsonNode after = admin().ok("/api/settings/ledger");
        assertThat(after.get("settings").get("startWithinMonths").asInt()).isEqualTo(6);
        assertThat(after.get("ledgerVersion").asLong()).isEqualTo(before);
    }

    @Test
    void onlyAnAdminChangesThem() {
        Api analyst = new Api(port).as(account("ANALYST"), PASSWORD);
        Api viewer = new Api(port).as(account("VIEWER"), PASSWORD);
        assertThat(put(analyst, "{\"startWithinMonths\":9}").status()).isEqualTo(403);
        assertThat(put(viewer, "{\"startWithinMonths\":9}").status()).isEqualTo(403);
        assertThat(admin().ok("/api/settings/ledger").get("settings").get("startWithinMonths").asInt()).isEqualTo(6);
    }

    @Test
    void aChangeIsAuditedWithBeforeAndAfterAndAdvancesTheLedgerVersion() {
        long before = admin().ok("/api/settings/ledger").get("ledgerVersion").asLong();
        Api.Response r = put(admin(), "{\"startWithinMonths\":9,\"leadStaleDays\":30}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("settings").get("startWithinMonths").asInt()).isEqualTo(9);
        assertThat(r.json().get("settings").get("productionWithinMonths").asInt()).isEqualTo(24); // absent: kept
        assertThat(r.json().get("ledgerVersion").asLong()).isGreaterThan(before);
        JsonNode audit = admin().ok("/api/admin/audit?action=SETTINGS_CHANGED&size=50").get("items");
        assertThat(audit.toString()).contains("签约后开工期限（月） 6 → 9");
        assertThat(audit.toString()).doesNotContain("线索久未跟进天数 30 → 30"); // unchanged fields are not listed
    }

    /**
     * Hand-made: two projects signed 2025-01-10 in a region of their own, one started after 4 months (2025-05-10),
     * one after 8 (2025-09-10); today 2026-06-15, so both windows have closed for N = 3, 6 and 9. 履约率 (签约项目开工率)
     * is 0/2 for N = 3, 1/2 for N = 6 (default), 2/2 for N = 9.
     */
    @Test
    void aChangedNChangesTheStartRateAtOnce() {
        String who = "设置测试" + UUID.randomUUID().toString().substring(0, 6);
        for (String started : new String[] {"2025-05-10", "2025-09-10"}) {
            Api.Response r = admin().postJson("/api/projects", """
                    {"name":"设置测试项目%s","enterpriseName":"设置测试企业","regionCode":"340504","chainId":"NEV",
                     "responsible":"%s","stage":"STARTED","stageDate":"%s","stageDates":{"SIGNED":"2025-01-10"}}
                    """.formatted(started, who, started));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }
        String rates = "/api/projects/rates?region=340504&from=2025-01-01&to=2025-01-31";
        assertStartRate(rates, 0.5, 1, 2);
        assertThat(put(admin(), "{\"startWithinMonths\":9}").status()).isEqualTo(200);
        assertStartRate(rates, 1.0, 2, 2);
        JsonNode dashboard = admin().ok("/api/dashboard?region=340504&from=2025-01-01&to=2025-01-31");
        assertThat(dashboard.get("rates").get(0).get("value").asDouble()).isEqualTo(1.0);
        assertThat(dashboard.get("rates").get(0).get("ruleZh").asString()).contains("9 个月");
        assertThat(put(admin(), "{\"startWithinMonths\":3}").status()).isEqualTo(200);
        assertStartRate(rates, 0.0, 0, 2);
    }

    private void assertStartRate(String path, double value, int numerator, int denominator) {
        JsonNode start = admin().ok(path).get("rates").get(0);
        assertThat(start.get("key").asString()).isEqualTo("startRate");
        assertThat(start.get("value").asDouble()).isEqualTo(value);
        assertThat(start.get("numerator").asInt()).isEqualTo(numerator);
        assertThat(start.get("denominator").asInt()).isEqualTo(denominator);
    }
}
