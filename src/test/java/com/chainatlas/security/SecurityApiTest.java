package com.chainatlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

import com.chainatlas.project.LedgerIntegrationTest;
import com.chainatlas.project.TestClock;
import com.chainatlas.support.Api;

import tools.jackson.databind.JsonNode;

/** Sign-in, roles, region scopes, CSRF, lockout, account rules and the audit log, over real HTTP. */
@LedgerIntegrationTest
class SecurityApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Neo4jClient neo4j;

    Api admin;
    /** The 责任人 of this test's projects and leads, so they can be removed afterwards. */
    String who;

    @BeforeEach
    void setUp() {
        admin = new Api(port);
        clock.set(TestClock.TODAY);
        who = "安全测试" + UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void cleanUp() {
        neo4j.query("MATCH (n) WHERE (n:Project OR n:Lead) AND n.responsible = $who DETACH DELETE n").bind(who).to("who").run();
    }

    static String project(String name, String region, String responsible) {
        return """
                {"name":"%s","enterpriseName":"安全测试企业","regionCode":"%s","chainId":"NEV","responsible":"%s"}
                """.formatted(name, region, responsible);
    }

    static void problem(Api.Response r, int status, String detail) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains(detail);
    }

    @Test
    void anonymousRequestsGet401ProblemWithoutABasicChallenge() {
        Api anon = admin.anonymous();
        for (String path : List.of("/api/chains", "/api/projects", "/api/admin/users", "/api/auth/me", "/api/export/chains.csv",
                "/v3/api-docs")) {
            Api.Response r = anon.get(path);
            problem(r, 401, "请先登录");
            assertThat(r.json().get("detailEn").asString()).isEqualTo("sign-in required");
            assertThat(r.json().get("status").asInt()).isEqualTo(401);
        }
        HttpResponse<String> raw = anon.exchange(HttpRequest.newBuilder(anon.uri("/api/chains")).build());
        assertThat(raw.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(raw.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID")); // no session for nobody
        // public: the CSRF token and the sign-in endpoint itself
        assertThat(anon.get("/api/auth/csrf").status()).isEqualTo(200);
    }

    @Test
    void healthIsPublicButItsDetailsAreForAdminsOnly() {
        JsonNode open = admin.anonymous().ok("/actuator/health");
        assertThat(open.get("status").asString()).isEqualTo("UP");
        assertThat(open.has("components")).isFalse();
        String viewer = Accounts.create(admin, "hv", "VIEWER", null);
        assertThat(admin.as(viewer, Accounts.PASSWORD).ok("/actuator/health").has("components")).isFalse();
        assertThat(admin.ok("/actuator/health").get("components").get("neo4j").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void viewerReadsButCannotWriteOrDownload() {
        String name = Accounts.create(admin, "viewer", "VIEWER", null);
        Api viewer = admin.as(name, Accounts.PASSWORD);
        assertThat(viewer.ok("/api/auth/me").get("role").asString()).isEqualTo("VIEWER");
        assertThat(viewer.get("/api/chains").status()).isEqualTo(200);
        assertThat(viewer.get("/api/projects").status()).isEqualTo(200);
        assertThat(viewer.get("/api/targets?chain=NEV&region=340100&size=5").status()).isEqualTo(200);
        problem(viewer.postJson("/api/projects", project("只读不能建", "340104", who)), 403, "当前账号无权执行此操作");
        problem(viewer.postJson("/api/leads", "{\"enterpriseName\":\"甲\",\"regionCode\":\"340104\",\"chainId\":\"NEV\"}"), 403, "无权");
        for (String download : List.of("/api/export/chains.csv", "/api/projects/export.xlsx", "/api/targets/export.csv?chain=NEV&region=340100",
                "/api/reports/diagnosis.docx?chain=NEV&region=340100", "/api/projects/alerts.xlsx?region=340100")) {
            problem(viewer.get(download), 403, "当前账号无权执行此操作");
        }
        problem(viewer.get("/api/import/jobs"), 403, "无权");
        problem(viewer.get("/api/admin/audit"), 403, "无权");
        JsonNode denied = admin.ok("/api/admin/audit?user=" + name + "&action=ACCESS_DENIED");
        assertThat(denied.get("total").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(denied.get("items").get(0).get("outcome").asString()).isEqualTo("DENIED");
    }

    @Test
    void analystWritesAndExportsButNeitherImportsNorAdministers() {
        String name = Accounts.create(admin, "analyst", "ANALYST", null);
        Api analyst = admin.as(name, Accounts.PASSWORD);
        Api.Response created = analyst.postJson("/api/projects", project("分析员项目", "340104", who));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode history = analyst.ok("/api/projects/" + created.json().get("id").asString() + "/history");
        assertThat(history.get(0).get("by").asString()).isEqualTo(name); // the ledger author is the signed-in user
        assertThat(analyst.get("/api/export/chains.csv").status()).isEqualTo(200);
        assertThat(analyst.get("/api/projects/export.xlsx?responsible=" + who).status()).isEqualTo(200);
        problem(analyst.get("/api/import/formats"), 403, "无权");
        problem(analyst.get("/api/import/jobs"), 403, "无权");
        problem(analyst.postJson("/api/import/chains", "{}"), 403, "无权");
        problem(analyst.postJson("/api/assignment/suggestions?chain=NEV", "{}"), 403, "无权");
        problem(analyst.get("/api/admin/users"), 403, "无权");
        problem(analyst.postJson("/api/admin/users", "{}"), 403, "无权");
        problem(analyst.get("/api/admin/audit.xlsx"), 403, "无权");
    }

    @Test
    void regionScopeFiltersListsAndRefusesOtherRegions() throws Exception {
        String own = admin.postJson("/api/projects", project("合肥项目", "340104", who)).json().get("id").asString();
        String other = admin.postJson("/api/projects", project("南京项目", "320102", who)).json().get("id").asString();
        String ownLead = admin.postJson("/api/leads", "{\"enterpriseName\":\"合肥线索企业\",\"regionCode\":\"340104\",\"chainId\":\"NEV\",\"responsible\":\"" + who + "\"}").json().get("id").asString();
        String otherLead = admin.postJson("/api/leads", "{\"enterpriseName\":\"南京线索企业\",\"regionCode\":\"320102\",\"chainId\":\"NEV\",\"responsible\":\"" + who + "\"}").json().get("id").asString();
        assertThat(admin.ok("/api/projects?responsible=" + who).get("total").asLong()).isEqualTo(2); // national admin

        String name = Accounts.create(admin, "hefei", "ANALYST", "340100");
        Api hefei = admin.as(name, Accounts.PASSWORD);
        assertThat(hefei.ok("/api/auth/me").get("regionCode").asString()).isEqualTo("340100");
        JsonNode list = hefei.ok("/api/projects?responsible=" + who);
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(own);
        assertThat(hefei.ok("/api/projects?responsible=" + who + "&region=340000").get("total").asLong()).isEqualTo(1); // narrowed
        problem(hefei.get("/api/projects?responsible=" + who + "&region=320100"), 403, "无权访问该地区的数据");
        assertThat(hefei.get("/api/projects/" + own).status()).isEqualTo(200);
        problem(hefei.get("/api/projects/" + other), 403, "无权访问该地区的数据");
        problem(hefei.get("/api/projects/" + other + "/history"), 403, "无权访问该地区的数据");
        problem(hefei.postJson("/api/projects/" + other + "/suspend", "{\"reason\":\"试\"}"), 403, "无权访问该地区的数据");
        problem(hefei.postJson("/api/projects", project("越界新建", "320102", who)), 403, "无权访问该地区的数据");
        problem(hefei.send(HttpRequest.newBuilder(hefei.uri("/api/projects/" + own)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"regionCode\":\"320102\"}")).build()), 403, "无权访问该地区的数据");

        JsonNode leads = hefei.ok("/api/leads?responsible=" + who);
        assertThat(leads.get("total").asLong()).isEqualTo(1);
        assertThat(leads.get("items").get(0).get("id").asString()).isEqualTo(ownLead);
        problem(hefei.get("/api/leads/" + otherLead), 403, "无权访问该地区的数据");
        problem(hefei.postJson("/api/leads/" + otherLead + "/convert", "{}"), 403, "无权访问该地区的数据");

        assertThat(hefei.get("/api/dashboard?region=340100").status()).isEqualTo(200);
        assertThat(hefei.ok("/api/dashboard").toString()).contains("340100"); // its own region when none is asked for
        problem(hefei.get("/api/dashboard?region=320100"), 403, "无权访问该地区的数据");
        problem(hefei.get("/api/projects/alerts?region=320100"), 403, "无权访问该地区的数据");
        problem(hefei.get("/api/projects/rates?region=320000"), 403, "无权访问该地区的数据");

        byte[] ledger = hefei.bytes("/api/projects/export.xlsx?responsible=" + java.net.URLEncoder.encode(who, StandardCharsets.UTF_8));
        String cells = cellText(ledger);
        assertThat(cells).contains("合肥项目").doesNotContain("南京项目");
        problem(hefei.get("/api/export/projects.csv?region=320100"), 403, "无权访问该地区的数据");
        String scopedAdmin = Accounts.create(admin, "scadmin", "ADMIN", "340100");
        problem(admin.as(scopedAdmin, Accounts.PASSWORD).postJson("/api/import/projects", "{}"), 403, "不能导入项目台账");
        assertThat(patch("/api/admin/users/" + scopedAdmin, "{\"enabled\":false}").status()).isEqualTo(200); // one admin again
        // maps, diagnosis and targets of any region stay readable
        assertThat(hefei.get("/api/diagnosis?chain=NEV&region=320100").status()).isEqualTo(200);
        assertThat(hefei.get("/api/targets?chain=NEV&region=320100&size=5").status()).isEqualTo(200);
        // target lists: another region's list does not export
        problem(hefei.get("/api/targets/export.csv?chain=NEV&region=320100"), 403, "无权访问该地区的数据");
        assertThat(hefei.get("/api/targets/export.csv?chain=NEV&region=340100").status()).isEqualTo(200);
    }

    @Test
    void anotherRegionsSavedListDoesNotExport() {
        Api.Response saved = admin.postJson("/api/target-lists", """
                {"name":"南京清单","author":"测试员","query":{"chain":"NEV","region":"320100","preset":"leaders"}}""");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        String id = saved.json().get("id").asString();
        try {
            String name = Accounts.create(admin, "county", "ANALYST", "340104");
            Api county = admin.as(name, Accounts.PASSWORD);
            problem(county.get("/api/target-lists/" + id + "/export.xlsx"), 403, "无权访问该地区的数据");
            assertThat(admin.get("/api/target-lists/" + id + "/export.csv?user=市长").status()).isEqualTo(200);
            JsonNode trail = admin.ok("/api/target-lists/" + id + "/audit");
            assertThat(trail.valueStream().map(a -> a.get("user").asString())).containsExactly(Api.ADMIN); // not 市长
        } finally {
            admin.send(HttpRequest.newBuilder(admin.uri("/api/target-lists/" + id)).DELETE().build());
        }
    }

    @Test
    void browserSessionsNeedTheCsrfTokenAndBasicNeedsNone() {
        String name = Accounts.create(admin, "csrf", "ANALYST", null);
        Api.Session s = admin.session();
        s.csrf();
        String creds = "{\"username\":\"" + name + "\",\"password\":\"" + Accounts.PASSWORD + "\"}";
        problem(s.postJsonWithoutCsrf("/api/auth/login", creds), 403, "CSRF");
        Api.Response login = s.login(name, Accounts.PASSWORD);
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        assertThat(login.json().get("username").asString()).isEqualTo(name);
        assertThat(login.json().get("role").asString()).isEqualTo("ANALYST");
        assertThat(login.json().get("regionCode").isNull()).isTrue();
        assertThat(s.hasSessionCookie()).isTrue();
        assertThat(s.get("/api/auth/me").json().get("username").asString()).isEqualTo(name);

        problem(s.postJsonWithoutCsrf("/api/projects", project("无令牌", "340104", who)), 403, "CSRF");
        assertThat(s.send("POST", "/api/projects", project("假令牌", "340104", who), false).status()).isEqualTo(403);
        assertThat(s.postJson("/api/projects", project("有令牌", "340104", who)).status()).isEqualTo(201);
        // the token from the csrf endpoint works as the header too
        String token = s.csrf();
        HttpResponse<String> withBodyToken = s.exchange("GET", "/api/auth/me", null, false);
        assertThat(withBodyToken.statusCode()).isEqualTo(200);
        assertThat(token).isEqualTo(s.csrfCookie());

        // scripts: HTTP Basic, no token, no session
        HttpResponse<String> basic = admin.as(name, Accounts.PASSWORD).exchange(HttpRequest.newBuilder(admin.uri("/api/projects"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(project("脚本", "340104", who))).build());
        assertThat(basic.statusCode()).isEqualTo(201);
        assertThat(basic.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));

        assertThat(s.postJson("/api/auth/logout", "").status()).isEqualTo(204);
        problem(s.get("/api/auth/me"), 401, "请先登录");
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutes() {
        String name = Accounts.create(admin, "lock", "VIEWER", null);
        Api.Session s = admin.session();
        for (int i = 0; i < 5; i++) {
            problem(s.login(name, "wrong-password"), 401, "用户名或密码错误");
        }
        HttpResponse<String> locked = s.exchange("POST", "/api/auth/login",
                "{\"username\":\"" + name + "\",\"password\":\"" + Accounts.PASSWORD + "\"}", true);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(locked.body()).contains("尝试次数过多，请 15 分钟后再试");
        problem(admin.as(name, Accounts.PASSWORD).get("/api/chains"), 429, "尝试次数过多"); // HTTP Basic too
        assertThat(admin.ok("/api/admin/users").valueStream().filter(u -> u.get("username").asString().equals(name))
                .findFirst().orElseThrow().get("locked").asBoolean()).isTrue();

        clock.advance(Duration.ofMinutes(14));
        assertThat(s.login(name, Accounts.PASSWORD).status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(s.login(name, Accounts.PASSWORD).status()).isEqualTo(200);

        // a success resets the count: 4 failures, a success, 4 failures do not lock
        for (int i = 0; i < 4; i++) {
            s.login(name, "wrong-password");
        }
        assertThat(s.login(name, Accounts.PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            s.login(name, "wrong-password");
        }
        assertThat(s.login(name, Accounts.PASSWORD).status()).isEqualTo(200);

        // an admin's password reset lifts a lockout
        for (int i = 0; i < 5; i++) {
            s.login(name, "wrong-password");
        }
        assertThat(s.login(name, Accounts.PASSWORD).status()).isEqualTo(429);
        assertThat(admin.postJson("/api/admin/users/" + name + "/password", "{\"newPassword\":\"reset-pass-456\"}").status()).isEqualTo(204);
        assertThat(s.login(name, "reset-pass-456").status()).isEqualTo(200);
    }

    @Test
    void accountRulesNamesRegionsAndTheLastAdmin() {
        String name = Accounts.create(admin, "rules", "VIEWER", "340100");
        JsonNode users = admin.ok("/api/admin/users");
        JsonNode mine = users.valueStream().filter(u -> u.get("username").asString().equals(name)).findFirst().orElseThrow();
        assertThat(mine.get("role").asString()).isEqualTo("VIEWER");
        assertThat(mine.get("regionName").asString()).contains("合肥");
        assertThat(mine.get("enabled").asBoolean()).isTrue();
        assertThat(mine.has("passwordHash")).isFalse();
        problem(admin.postJson("/api/admin/users", "{\"username\":\"" + name + "\",\"password\":\"long-enough-1\",\"role\":\"VIEWER\"}"), 409, "已存在");
        problem(admin.postJson("/api/admin/users", "{\"username\":\"x\",\"password\":\"long-enough-1\",\"role\":\"VIEWER\"}"), 400, "用户名");
        problem(admin.postJson("/api/admin/users", "{\"username\":\"a<b>c\",\"password\":\"long-enough-1\",\"role\":\"VIEWER\"}"), 400, "用户名");
        problem(admin.postJson("/api/admin/users", "{\"username\":\"" + Accounts.unique("s") + "\",\"password\":\"short\",\"role\":\"VIEWER\"}"), 400, "密码");
        problem(admin.postJson("/api/admin/users", "{\"username\":\"" + Accounts.unique("r") + "\",\"password\":\"long-enough-1\",\"role\":\"BOSS\"}"), 400, "角色");
        problem(admin.postJson("/api/admin/users", "{\"username\":\"" + Accounts.unique("g") + "\",\"password\":\"long-enough-1\",\"role\":\"VIEWER\",\"regionCode\":\"999999\"}"), 400, "行政区划");
        problem(patch("/api/admin/users/nobody_here", "{\"role\":\"VIEWER\"}"), 404, "未找到");

        JsonNode national = patch("/api/admin/users/" + name, "{\"regionCode\":\"\",\"role\":\"ANALYST\"}").json();
        assertThat(national.get("regionCode").isNull()).isTrue();
        assertThat(national.get("role").asString()).isEqualTo("ANALYST");

        problem(patch("/api/admin/users/admin", "{\"role\":\"VIEWER\"}"), 409, "至少保留一个启用的管理员");
        problem(patch("/api/admin/users/admin", "{\"enabled\":false}"), 409, "至少保留一个启用的管理员");
        String second = Accounts.create(admin, "admin2", "ADMIN", null);
        assertThat(patch("/api/admin/users/" + second, "{\"role\":\"VIEWER\"}").status()).isEqualTo(200); // two admins: fine
        problem(patch("/api/admin/users/admin", "{\"role\":\"ANALYST\"}"), 409, "至少保留一个启用的管理员");

        assertThat(patch("/api/admin/users/" + name, "{\"enabled\":false}").json().get("enabled").asBoolean()).isFalse();
        problem(admin.as(name, Accounts.PASSWORD).get("/api/chains"), 401, "账号已停用");
        problem(admin.session().login(name, Accounts.PASSWORD), 401, "账号已停用");
    }

    @Test
    void passwordChange() {
        String name = Accounts.create(admin, "pw", "VIEWER", null);
        Api user = admin.as(name, Accounts.PASSWORD);
        problem(user.postJson("/api/auth/password", "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"new-pass-789\"}"), 400, "当前密码不正确");
        problem(user.postJson("/api/auth/password", "{\"currentPassword\":\"" + Accounts.PASSWORD + "\",\"newPassword\":\"short\"}"), 400, "密码须为");
        assertThat(user.postJson("/api/auth/password", "{\"currentPassword\":\"" + Accounts.PASSWORD + "\",\"newPassword\":\"new-pass-789\"}").status()).isEqualTo(204);
        problem(user.get("/api/chains"), 401, "用户名或密码错误");
        assertThat(admin.as(name, "new-pass-789").get("/api/chains").status()).isEqualTo(200);
        assertThat(admin.ok("/api/admin/audit?user=" + name + "&action=PASSWORD_CHANGED").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void theAuditLogRecordsSignInsExportsImportsAndProjectChanges() throws Exception {
        String name = Accounts.create(admin, "audit", "ANALYST", null);
        Api.Session s = admin.session();
        assertThat(s.login(name, "wrong-password").status()).isEqualTo(401);
        assertThat(s.login(name, Accounts.PASSWORD).status()).isEqualTo(200);
        assertThat(s.get("/api/export/chains.csv").status()).isEqualTo(200);
        assertThat(s.postJson("/api/projects", project("审计项目", "340104", who)).status()).isEqualTo(201);
        assertThat(s.postJson("/api/auth/logout", "").status()).isEqualTo(204);

        JsonNode page = admin.ok("/api/admin/audit?user=" + name + "&from=" + TestClock.TODAY + "&to=" + TestClock.TODAY);
        List<String> actions = new ArrayList<>();
        page.get("items").forEach(e -> actions.add(e.get("action").asString()));
        // the test clock stands still, so the order among equal instants is not asserted
        assertThat(actions).containsExactlyInAnyOrder("SIGN_IN_FAILED", "SIGN_IN", "EXPORT", "PROJECT_CHANGED", "SIGN_OUT");
        assertThat(page.get("total").asLong()).isEqualTo(5);
        JsonNode export = admin.ok("/api/admin/audit?user=" + name + "&action=EXPORT").get("items").get(0);
        assertThat(export.get("target").asString()).isEqualTo("/api/export/chains.csv");
        assertThat(export.get("outcome").asString()).isEqualTo("OK");
        assertThat(export.get("actionName").asString()).isEqualTo("导出");
        assertThat(export.get("outcomeName").asString()).isEqualTo("成功");
        assertThat(export.get("ip").asString()).isNotBlank();
        assertThat(export.get("at").asString()).startsWith("2026-06-15T02:00"); // 10:00 Beijing time, as an ISO instant
        assertThat(admin.ok("/api/admin/audit?user=" + name + "&from=2026-06-16").get("total").asLong()).isZero();
        assertThat(admin.get("/api/admin/audit?action=NOPE").status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/audit?from=yesterday").status()).isEqualTo(400);
        assertThat(admin.ok("/api/admin/audit?action=USER_CREATED&user=admin").toString()).contains(name);

        // an import: who started it, and how it ended
        String boundary = "----sec" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"审计.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n不是表头\n1\n\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Response upload = admin.send(HttpRequest.newBuilder(admin.uri("/api/import/chains?dryRun=true"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(upload.status()).as(upload.text()).isEqualTo(202);
        String job = upload.json().get("id").asString();
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode ended = null;
        while (ended == null && System.currentTimeMillis() < deadline) {
            JsonNode imports = admin.ok("/api/admin/audit?user=admin&action=IMPORT&size=100");
            for (JsonNode e : imports.get("items")) {
                if (e.get("detail").asString("").contains(job)) {
                    ended = e;
                }
            }
            Thread.sleep(100);
        }
        assertThat(ended).as("audit entry of the finished import job").isNotNull();
        assertThat(ended.get("target").asString()).isEqualTo("chains: 审计.csv");
        assertThat(ended.get("outcome").asString()).isEqualTo("FAILED"); // a file without the format's header is rejected
        assertThat(admin.ok("/api/admin/audit?user=admin&action=IMPORT&size=100").toString()).contains("/api/import/chains");

        byte[] xlsx = admin.bytes("/api/admin/audit.xlsx?user=" + name);
        String cells = cellText(xlsx);
        assertThat(cells).startsWith("时间|账号|操作|操作代码|对象|说明|结果|IP|").contains("|登录|SIGN_IN|")
                .contains("|导出|EXPORT|/api/export/chains.csv|").contains("|登录失败|SIGN_IN_FAILED|").contains("|成功|")
                .contains("|失败|").doesNotContain("|OK|");
        assertThat(admin.ok("/api/admin/audit?user=admin&action=EXPORT&size=100").toString())
                .as("newest first by the shared test clock, which other tests move: look further than the top few")
                .contains("/api/admin/audit.xlsx");
    }

    private Api.Response patch(String path, String json) {
        return admin.send(HttpRequest.newBuilder(admin.uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static String cellText(byte[] xlsx) throws Exception {
        StringBuilder b = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(c -> b.append(c.toString()).append('|'))));
        }
        return b.toString();
    }
}
