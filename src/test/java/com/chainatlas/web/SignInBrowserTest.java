package com.chainatlas.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Sign-in as a user meets it in headless Chromium (issue 13): an unsigned visit lands on 登录 and comes back to
 * the page it asked for; a wrong password is refused in Chinese; a VIEWER sees neither import, admin nor export;
 * the admin creates an account in 用户管理 and finds the sign-ins in 审计日志; 退出登录 ends the session.
 */
@ChainAtlasIntegrationTest
class SignInBrowserTest {

    static BrowserSupport chromium;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    final List<String> pageErrors = new ArrayList<>();

    @BeforeAll
    static void launch() throws Exception {
        chromium = BrowserSupport.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void open() {
        context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("zh-CN"));
        context.setDefaultTimeout(60_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
    }

    @AfterEach
    void closeContext() {
        context.close();
        assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
    }

    String url(String hash) {
        return "http://localhost:" + port + "/" + hash;
    }

    Locator input(String testId) {
        return page.locator("input[data-testid=" + testId + "], [data-testid=" + testId + "] input").first();
    }

    void signIn(String user, String password) {
        input("login-username").fill(user);
        input("login-password").fill(password);
        page.locator("[data-testid=login-submit]").click();
    }

    /** A fresh account made through the admin API (the browser flow for creating one is tested below). */
    String account(String role, String password) {
        String name = "b" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response r = new Api(port).postJson("/api/admin/users",
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\",\"regionCode\":\"340100\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return name;
    }

    @Test
    void anUnsignedVisitGoesToSignInAndBackToTheAskedPage() {
        page.navigate(url("#/diagnosis?chain=NEV&region=340100"));
        page.waitForURL(u -> u.contains("#/login"));
        assertThat(page.locator("[data-testid=login-submit]")).isVisible();
        assertThat(page.locator("a.tab")).hasCount(0);

        signIn(Api.ADMIN, "wrong-password-1");
        assertThat(page.locator("[data-testid=login-error]")).containsText("用户名或密码错误");
        assertThat(page.url()).contains("#/login");

        signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        page.waitForURL(u -> u.contains("#/diagnosis") && u.contains("region=340100"));
        assertThat(page.locator("[data-testid=user-name]")).hasText(Api.ADMIN);
        assertThat(page.locator("[data-testid=user-role]")).containsText("管理员");
        assertThat(page.locator("[data-testid=diagnosis-table]")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.SHOTS.resolve("signed-in-admin.png")));

        // 退出登录: the session is gone for the API too
        page.locator("[data-testid=user-menu]").click();
        page.locator("[data-testid=menu-logout]").click();
        page.waitForURL(u -> u.contains("#/login"));
        assertThat(context.request().get(url("api/auth/me")).status()).isEqualTo(401);
    }

    @Test
    void aViewerSeesNoImportNoAdminAndNoExports() {
        String viewer = account("VIEWER", "viewer-pass-1");
        page.navigate(url("#/targets?chain=NEV&region=340100"));
        page.waitForURL(u -> u.contains("#/login"));
        signIn(viewer, "viewer-pass-1");
        page.waitForURL(u -> u.contains("#/targets"));
        assertThat(page.locator("[data-testid=user-role]")).containsText("只读");
        assertThat(page.locator("[data-testid=user-role]")).containsText("合肥市");
        assertThat(page.locator("[data-testid=targets-table] .el-table__body tr").first()).isVisible();
        List<String> tabs = page.locator("a.tab").allTextContents().stream().map(String::trim).toList();
        assertThat(tabs).doesNotContain("数据导入", "用户管理", "审计日志", "系统设置").contains("招商清单", "驾驶舱");
        assertThat(page.locator("[data-testid=export-live-xlsx]")).hasCount(0);
        assertThat(page.locator("[data-testid=save-list]")).hasCount(0);
        // the server refuses what the UI hides: the same session cannot download the export
        assertThat(context.request().get(url("api/targets/export.xlsx?chain=NEV&region=340100")).status()).isEqualTo(403);
        // opening an admin view by its address shows 无权访问
        page.navigate(url("#/users"));
        assertThat(page.locator("body")).containsText("无权访问");
        assertThat(page.locator("[data-testid=users-table]")).hasCount(0);
    }

    @Test
    void theAdminCreatesAnAccountAndFindsItsSignInInTheAuditLog() {
        page.navigate(url("#/users"));
        page.waitForURL(u -> u.contains("#/login"));
        signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        page.waitForURL(u -> u.contains("#/users"));
        assertThat(page.locator("[data-testid=users-table]")).isVisible();

        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        page.locator("[data-testid=new-user]").click();
        Locator form = page.locator("[data-testid=user-form]");
        assertThat(form).isVisible();
        input("nu-username").fill(name);
        input("nu-password").fill("analyst-pass-1");
        page.locator("[data-testid=nu-role]").click();
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText("分析员")).click();
        page.locator("[data-testid=nu-save]").click();
        assertThat(form).isHidden();
        Locator row = page.locator("[data-testid=users-table] .el-table__body tr").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).hasCount(1);
        JsonNode created = null;
        for (JsonNode u : new Api(port).ok("/api/admin/users")) {
            if (u.get("username").asString().equals(name)) {
                created = u;
            }
        }
        assertThat(created).as("the account exists on the server").isNotNull();
        assertThat(created.get("role").asString()).isEqualTo("ANALYST");
        assertThat(created.get("regionCode").isNull()).as("no region chosen = national").isTrue();

        // the new account signs in elsewhere; the admin finds that sign-in in the audit log
        assertThat(new Api(port).as(name, "analyst-pass-1").get("/api/auth/me").status()).isEqualTo(200);
        try (BrowserContext other = chromium.browser().newContext()) {
            BrowserSupport.signedIn(other, "http://localhost:" + port, name, "analyst-pass-1");
        }
        page.navigate(url("#/audit?user=" + name));
        Locator audit = page.locator("[data-testid=audit-table]");
        assertThat(audit).isVisible();
        assertThat(audit.locator(".el-table__body tr").first()).containsText(name);
        assertThat(audit).containsText("登录");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.SHOTS.resolve("audit-log.png")));
    }

    /** 系统设置: the admin changes a ledger threshold; it is in force at once and audited (before → after). */
    @Test
    void theAdminChangesALedgerSettingAndFindsItAudited() {
        Api api = new Api(port);
        int before = api.ok("/api/settings/ledger").get("settings").get("leadStaleDays").asInt();
        int next = before == 45 ? 46 : 45;
        page.navigate(url("#/settings"));
        page.waitForURL(u -> u.contains("#/login"));
        signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        page.waitForURL(u -> u.contains("#/settings"));
        assertThat(page.locator("nav.tabs a[data-view=settings]")).hasText("系统设置");
        Locator field = input("setting-leadStaleDays");
        assertThat(field).hasValue(String.valueOf(before));
        assertThat(page.locator("[data-testid=settings-save]")).isDisabled(); // nothing changed yet
        try {
            field.fill(String.valueOf(next));
            field.blur();
            page.locator("[data-testid=settings-save]").click();
            assertThat(page.locator(".el-message--success")).containsText("已保存 1 项设置");
            assertThat(api.ok("/api/settings/ledger").get("settings").get("leadStaleDays").asInt()).isEqualTo(next);
            page.navigate(url("#/audit?action=SETTINGS_CHANGED"));
            Locator audit = page.locator("[data-testid=audit-table]");
            assertThat(audit.locator(".el-table__body tr").first()).containsText("线索久未跟进天数 " + before + " → " + next);
            assertThat(audit.locator(".el-table__body tr").first()).containsText("成功");
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.SHOTS.resolve("settings-audited.png")));
        } finally {
            HttpRequest put = HttpRequest.newBuilder(api.uri("/api/settings/ledger")).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"leadStaleDays\":" + before + "}")).build();
            assertThat(api.send(put).status()).isEqualTo(200);
        }
    }
}
