package com.chainatlas.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.WaitForSelectorState;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A county-scoped account in headless Chromium (issue 13): the region picker offers only its county and starts on
 * it, a bookmark of another region lands on the county; after the session has ended, an export link sends the user to
 * 登录 with 会话已过期，请重新登录 and no file is saved (while signed in, the same link downloads the report).
 */
@ChainAtlasIntegrationTest
class ScopedUserBrowserTest {

    static final String COUNTY = "340104"; // 蜀山区, a county of 合肥市 in the shipped region tree
    static final String COUNTY_NAME = "蜀山区";
    static final String REGION_INPUT = "[data-testid=pick-region] input.el-input__inner";

    static BrowserSupport chromium;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    final List<String> pageErrors = new ArrayList<>();
    final List<Download> downloads = new ArrayList<>();

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
        context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)
                .setLocale("zh-CN").setAcceptDownloads(true));
        context.setDefaultTimeout(60_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
        page.onDownload(downloads::add);
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

    /** A county-scoped ANALYST made through the admin API, signed in through the sign-in page. */
    String signInAsCountyAnalyst() {
        String name = "c" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response r = new Api(port).postJson("/api/admin/users",
                "{\"username\":\"" + name + "\",\"password\":\"county-pass-1\",\"role\":\"ANALYST\",\"regionCode\":\"" + COUNTY + "\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        page.navigate(url("#/diagnosis?chain=NEV"));
        page.waitForURL(u -> u.contains("#/login"));
        input("login-username").fill(name);
        input("login-password").fill("county-pass-1");
        page.locator("[data-testid=login-submit]").click();
        page.waitForURL(u -> u.contains("#/diagnosis"));
        assertThat(page.locator("[data-testid=user-role]")).containsText(COUNTY_NAME);
        return name;
    }

    @Test
    void theRegionPickerOffersOnlyTheCountyAndStartsOnIt() {
        signInAsCountyAnalyst();
        // nothing chosen: the account's own county
        page.waitForURL(u -> u.contains("region=" + COUNTY));
        assertThat(page.locator("[data-testid=pick-region]")).hasAttribute("data-value", COUNTY);
        assertThat(page.locator(REGION_INPUT)).hasValue(COUNTY_NAME);
        assertThat(page.locator("[data-testid=diagnosis-table]")).isVisible();

        // the cascade holds the county alone (a county has no sub-regions), no province to climb to
        page.locator(REGION_INPUT).click();
        Locator menus = page.locator(".region-popper .el-cascader-menu");
        assertThat(menus).hasCount(1);
        List<String> offered = menus.first().locator(".el-cascader-node").allInnerTexts().stream().map(String::strip).toList();
        assertThat(offered).containsExactly(COUNTY_NAME);
        page.keyboard().press("Escape");
        page.locator(".region-popper").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));

        // searching for another region finds nothing; the own county is found
        page.locator(REGION_INPUT).fill("芜湖");
        assertThat(page.locator(".el-cascader__suggestion-item")).hasCount(0);
        page.locator(REGION_INPUT).fill("蜀山");
        assertThat(page.locator(".el-cascader__suggestion-item")).hasCount(1);
        page.keyboard().press("Escape");

        // a bookmark of another region (or of the wider city) opens the county instead
        page.navigate(url("#/diagnosis?chain=NEV&region=320100"));
        page.waitForURL(u -> u.contains("region=" + COUNTY));
        assertThat(page.locator("[data-testid=pick-region]")).hasAttribute("data-value", COUNTY);
        page.navigate(url("#/dashboard?chain=NEV&region=340100"));
        page.waitForURL(u -> u.contains("#/dashboard") && u.contains("region=" + COUNTY));
        assertThat(page.locator("[data-testid=dash-title]")).containsText(COUNTY_NAME);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.SHOTS.resolve("scoped-county.png")));
    }

    @Test
    void anExportAfterTheSessionEndedGoesToSignInAndSavesNothing() {
        signInAsCountyAnalyst();
        page.waitForURL(u -> u.contains("region=" + COUNTY));
        Locator docx = page.locator("[data-testid=report-docx]");
        assertThat(docx).isVisible();

        // signed in, the link downloads the report with the server's file name
        Download report = page.waitForDownload(docx::click);
        assertThat(report.failure()).isNull();
        assertThat(report.suggestedFilename()).endsWith(".docx");
        downloads.clear();

        // the session ends on the server (as an expiry or an admin's change would end it)
        Object status = page.evaluate("async () => { const t = decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '');"
                + " return (await fetch('/api/auth/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': t } })).status; }");
        assertThat(((Number) status).intValue()).isEqualTo(204);
        assertThat(context.request().get(url("api/auth/me")).status()).isEqualTo(401);

        String before = page.url();
        docx.click();
        page.waitForURL(u -> u.contains("#/login"));
        assertThat(page.locator("[data-testid=login-notice]")).hasText("会话已过期，请重新登录");
        assertThat(page.url()).contains("redirect=");
        assertThat(java.net.URLDecoder.decode(page.url().substring(page.url().indexOf("redirect=") + 9), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(before.substring(before.indexOf('#') + 1));
        // give a stray download time to show up
        page.waitForTimeout(1_500);
        assertThat(downloads).as("no file saved after the session ended").isEmpty();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.SHOTS.resolve("session-expired-login.png")));
    }
}
