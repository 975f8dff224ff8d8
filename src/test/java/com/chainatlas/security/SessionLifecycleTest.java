package com.chainatlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

import com.chainatlas.project.LedgerIntegrationTest;
import com.chainatlas.project.TestClock;
import com.chainatlas.support.Api;

import tools.jackson.databind.JsonNode;

/**
 * What ends a browser session (docs/security.md): an admin's change of role, region or enabled, a password reset, the
 * user's own password change (other sessions only); CSRF rotation at sign-in; lockout of unknown usernames.
 */
@LedgerIntegrationTest
class SessionLifecycleTest {

    static final String ENDED = "账号信息已变更（角色、数据范围、停用或密码），请重新登录";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Neo4jClient neo4j;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = new Api(port);
        clock.set(TestClock.TODAY);
    }

    /** A new browser signed in as {@code name} with the test password. */
    Browser signedIn(String name) {
        Browser b = new Browser(port);
        Api.Response r = b.login(name, Accounts.PASSWORD);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(b.get("/api/auth/me").status()).isEqualTo(200);
        return b;
    }

    @Test
    void aRoleChangeEndsTheSessionAndTheNextSignInHasTheNewRole() {
        String name = Accounts.create(admin, "role", "ANALYST", null);
        Browser b = signedIn(name);
        assertThat(b.get("/api/chains").status()).isEqualTo(200);

        assertThat(patch(name, "{\"role\":\"VIEWER\"}").status()).isEqualTo(200);
        SecurityApiTest.problem(b.get("/api/chains"), 401, ENDED);
        SecurityApiTest.problem(b.get("/api/auth/me"), 401, "请先登录"); // the session is gone, not just refused once

        Api.Response again = b.login(name, Accounts.PASSWORD);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("role").asString()).isEqualTo("VIEWER");
        assertThat(b.get("/api/auth/me").json().get("role").asString()).isEqualTo("VIEWER");
        SecurityApiTest.problem(b.post("/api/leads", "{}"), 403, "当前账号无权执行此操作"); // VIEWER now

        JsonNode ended = admin.ok("/api/admin/audit?user=" + name + "&action=SIGN_OUT").get("items");
        assertThat(ended.size()).isEqualTo(1);
        assertThat(ended.get(0).get("detail").asString()).isEqualTo("session ended: account changed since sign-in");
    }

    @Test
    void aRegionChangeEndsTheSessionButAStaleSessionMayStillFetchATokenAndSignIn() {
        String name = Accounts.create(admin, "region", "ANALYST", "340100");
        Browser b = signedIn(name);
        assertThat(patch(name, "{\"regionCode\":\"320100\"}").status()).isEqualTo(200);
        Api.Response token = b.get("/api/auth/csrf"); // the sign-in page's first call goes on anonymously
        assertThat(token.status()).as(token.text()).isEqualTo(200);
        SecurityApiTest.problem(b.get("/api/auth/me"), 401, "请先登录");
        assertThat(b.login(name, Accounts.PASSWORD).json().get("regionCode").asString()).isEqualTo("320100");
    }

    @Test
    void disablingEndsTheSession() {
        String name = Accounts.create(admin, "off", "ANALYST", null);
        Browser b = signedIn(name);
        Browser other = signedIn(Accounts.create(admin, "bystander", "ANALYST", null));
        assertThat(patch(name, "{\"enabled\":false}").status()).isEqualTo(200);
        SecurityApiTest.problem(b.get("/api/projects"), 401, ENDED);
        SecurityApiTest.problem(b.login(name, Accounts.PASSWORD), 401, "账号已停用");
        assertThat(other.get("/api/projects").status()).as("another account's session").isEqualTo(200);
    }

    @Test
    void anAdminsPasswordResetEndsTheSession() {
        String name = Accounts.create(admin, "reset", "ANALYST", null);
        Browser b = signedIn(name);
        assertThat(admin.postJson("/api/admin/users/" + name + "/password", "{\"newPassword\":\"reset-pass-456\"}").status())
                .isEqualTo(204);
        SecurityApiTest.problem(b.get("/api/chains"), 401, ENDED);
        assertThat(b.login(name, "reset-pass-456").status()).isEqualTo(200);
    }

    @Test
    void theOwnPasswordChangeKeepsThisSessionAndEndsTheOthers() {
        String name = Accounts.create(admin, "own", "ANALYST", null);
        Browser here = signedIn(name);
        Browser elsewhere = signedIn(name);
        Api.Response changed = here.post("/api/auth/password",
                "{\"currentPassword\":\"" + Accounts.PASSWORD + "\",\"newPassword\":\"own-new-pass-1\"}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        assertThat(here.get("/api/auth/me").json().get("username").asString()).isEqualTo(name);
        assertThat(here.get("/api/chains").status()).isEqualTo(200);
        assertThat(here.post("/api/leads", "{}").status()).as("writes still pass CSRF and role checks").isEqualTo(400);
        SecurityApiTest.problem(elsewhere.get("/api/chains"), 401, ENDED);
        assertThat(admin.as(name, "own-new-pass-1").get("/api/chains").status()).isEqualTo(200);
    }

    @Test
    void aChangeMadeByAnotherInstanceEndsTheSessionWithinTwoSeconds() throws InterruptedException {
        String name = Accounts.create(admin, "remote", "ANALYST", null);
        Browser b = signedIn(name);
        // another app instance on the same database: it writes the node, this instance's cache is not told
        neo4j.query("MATCH (a:Account {username: $u}) SET a.authVersion = a.authVersion + 1").bind(name).to("u").run();
        long start = System.nanoTime();
        Api.Response r = b.get("/api/chains");
        while (r.status() == 200 && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(100);
            r = b.get("/api/chains");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        SecurityApiTest.problem(r, 401, ENDED);
        assertThat(millis).as("noticed after %d ms", millis).isLessThan(3_000);
    }

    @Test
    void basicRequestsAreCheckedAsBeforeAndCarryNoSessionToEnd() {
        String name = Accounts.create(admin, "script", "ANALYST", null);
        Api script = admin.as(name, Accounts.PASSWORD);
        assertThat(script.get("/api/chains").status()).isEqualTo(200);
        assertThat(patch(name, "{\"role\":\"VIEWER\"}").status()).isEqualTo(200);
        assertThat(script.get("/api/chains").status()).isEqualTo(200);
        assertThat(script.ok("/api/auth/me").get("role").asString()).isEqualTo("VIEWER");
    }

    @Test
    void theCsrfTokenIsNewAfterSignInAndClearedAtSignOut() {
        String name = Accounts.create(admin, "csrfrot", "ANALYST", null);
        Browser b = new Browser(port);
        String before = b.csrf();
        assertThat(b.csrfCookie()).isEqualTo(before);
        Api.Response login = b.login(name, Accounts.PASSWORD);
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        String after = b.csrfCookie();
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(b.csrf()).isEqualTo(after);

        String lead = "{\"enterpriseName\":\"令牌测试\",\"regionCode\":\"340104\",\"chainId\":\"NEV\",\"responsible\":\"" + name + "\"}";
        SecurityApiTest.problem(b.post("/api/leads", lead, before), 403, "CSRF");
        Api.Response created = b.post("/api/leads", lead, after);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        neo4j.query("MATCH (l:Lead {responsible: $who}) DETACH DELETE l").bind(name).to("who").run();

        assertThat(b.post("/api/auth/logout", null).status()).isEqualTo(204);
        assertThat(b.csrfCookie()).as("cleared at sign-out").isNull();
        SecurityApiTest.problem(b.post("/api/auth/login", "{\"username\":\"" + name + "\",\"password\":\"" + Accounts.PASSWORD
                + "\"}", after), 403, "CSRF");
        String next = b.csrf();
        assertThat(next).isNotEqualTo(after).isNotEqualTo(before);
        assertThat(b.login(name, Accounts.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anUnknownUsernameIsLockedLikeAnAccount() {
        String ghost = Accounts.unique("ghost"); // no account has this name
        String known = Accounts.create(admin, "known", "VIEWER", null);
        Browser b = new Browser(port);
        for (int i = 0; i < 5; i++) {
            SecurityApiTest.problem(b.login(ghost, "wrong-password"), 401, "用户名或密码错误");
            SecurityApiTest.problem(b.login(known, "wrong-password"), 401, "用户名或密码错误");
        }
        Api.Response ghostLocked = b.login(ghost, "any-password-1");
        Api.Response knownLocked = b.login(known, Accounts.PASSWORD);
        SecurityApiTest.problem(ghostLocked, 429, "尝试次数过多，请 15 分钟后再试");
        assertThat(ghostLocked.json().get("detail")).isEqualTo(knownLocked.json().get("detail"));
        java.net.http.HttpResponse<String> raw = admin.anonymous().exchange(HttpRequest.newBuilder(admin.uri("/api/chains"))
                .header("Authorization", Api.basic(ghost, "any-password-1")).build());
        assertThat(raw.statusCode()).as("HTTP Basic too").isEqualTo(429);
        assertThat(raw.headers().firstValue("Retry-After")).hasValue("900");
        // the test clock stands still: entries share one instant, so their order is not asserted
        assertThat(admin.ok("/api/admin/audit?user=" + ghost + "&action=SIGN_IN_FAILED").get("items").valueStream()
                .map(e -> e.get("outcome").asString())).containsExactlyInAnyOrder("FAILED", "FAILED", "FAILED", "FAILED",
                "FAILED", "DENIED");

        clock.advance(java.time.Duration.ofMinutes(14));
        assertThat(b.login(ghost, "any-password-1").status()).isEqualTo(429);
        clock.advance(java.time.Duration.ofMinutes(1).plusSeconds(1));
        SecurityApiTest.problem(b.login(ghost, "any-password-1"), 401, "用户名或密码错误"); // counted afresh
        for (int i = 0; i < 3; i++) {
            b.login(ghost, "wrong-password");
        }
        assertThat(b.login(ghost, "wrong-password").status()).as("the fifth failure after the lock ends").isEqualTo(401);
        assertThat(b.login(ghost, "wrong-password").status()).isEqualTo(429);
    }

    private Api.Response patch(String name, String json) {
        return admin.send(HttpRequest.newBuilder(admin.uri("/api/admin/users/" + name)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
