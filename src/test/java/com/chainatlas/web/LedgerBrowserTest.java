package com.chainatlas.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

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
 * 招商线索 and 项目台账 in real headless Chromium against the app with the demo data: a 招商清单 row becomes a lead,
 * gets a contact, becomes a project that moves through its stages (with a skipped stage and a correction) and shows
 * its history; filters come back from the URL; a stage date the server refuses shows the server's words. Test data
 * is marked by a 责任人 of its own (the ledger never hard-deletes). Screenshots at 1440×900 and 1366×768 go to
 * /tmp/shots-ledger/ (override with -Dledger.shots=…).
 */
@ChainAtlasIntegrationTest
class LedgerBrowserTest {

    static final String HEFEI = "340100";
    static final Path SHOTS = Paths.get(System.getProperty("ledger.shots", "/tmp/shots-ledger"));
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static BrowserSupport chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    Api api;
    BrowserContext context;
    Page page;
    final List<String> pageErrors = new ArrayList<>();
    /** This test's own 责任人, so its rows can be told from any other test's. */
    final String who = "测试" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void launch() throws Exception {
        chromium = BrowserSupport.launch();
        browser = chromium.browser();
        Files.createDirectories(SHOTS);
        // every step writes to the database on a busy 2-core machine: wait longer than Playwright's 5 s
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void close() {
        PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void open() {
        api = new Api(port);
        openAt(1366, 768);
    }

    void openAt(int width, int height) {
        if (context != null) {
            context.close();
        }
        context = BrowserSupport.signedIn(browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai").setAcceptDownloads(true)), "http://localhost:" + port);
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
        assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
    }

    String url(String hash) {
        return "http://localhost:" + port + "/" + hash;
    }

    void settle() {
        page.waitForFunction("() => document.querySelector('main .view') !== null"
                + " && document.querySelectorAll('.state-loading, [aria-busy=true]').length === 0", null,
                new Page.WaitForFunctionOptions().setTimeout(120_000));
    }

    void shot(String name) {
        page.mouse().move(2, 2);
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
    }

    static String day(int daysAgo) {
        return TODAY.minusDays(daysAgo).toString();
    }

    /** Types a date into an Element Plus date picker and commits it. */
    void pickDate(Locator scope, String testId, String date) {
        Locator input = scope.locator("input[data-testid=" + testId + "], [data-testid=" + testId + "] input").first();
        input.click();
        input.fill(date);
        input.press("Enter");
        assertThat(input).hasValue(date);
    }

    /** Opens an Element Plus select and clicks the option with this text. */
    void choose(Locator scope, String testId, String option) {
        scope.locator("[data-testid=" + testId + "] .el-select__wrapper").click();
        page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(option)).first().click();
    }

    JsonNode post(String path, String body, int expected) {
        Api.Response r = api.postJson(path, body);
        assertThat(r.status()).as("POST %s → %s", path, r.text()).isEqualTo(expected);
        return r.json();
    }

    String newProject(String name, String stage, String date) {
        return post("/api/projects", """
                {"name":"%s","enterpriseName":"%s企业","enterpriseRegionCode":"320500","regionCode":"%s","chainId":"NEV",
                 "segmentIds":["NEV-CELL"],"plannedInvestmentYi":12.5,"responsible":"%s","stage":"%s","stageDate":"%s"}
                """.formatted(name, name, HEFEI, who, stage, date), 201).get("id").asText();
    }

    @Test
    void targetRowBecomesALeadThenAProjectThatMovesThroughItsStagesWithHistory() {
        page.navigate(url("#/targets?chain=NEV&region=" + HEFEI));
        settle();
        Locator firstRow = page.locator("[data-testid=targets-table] tbody tr").first();
        String company = firstRow.locator("td.ent strong").innerText().strip();
        firstRow.locator("[data-testid=to-lead]").click();
        Locator link = page.locator(".el-message [data-testid=lead-link]").first();
        assertThat(link).isVisible();
        assertThat(page.locator(".el-message").first()).containsText("已为「" + company + "」建立线索");
        String href = link.getAttribute("href");
        String leadId = URLDecoder.decode(href.replaceAll(".*[?&]lead=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        // the same row again: an open lead exists, and the message links to it
        page.locator(".el-message").first().waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.VISIBLE));
        firstRow.locator("[data-testid=to-lead]").click();
        Locator again = page.locator(".el-message--warning");
        assertThat(again).containsText("已有跟进中的线索");
        assertThat(again.locator("[data-testid=lead-link]")).hasAttribute("href", href);

        // the lead: its drawer, a contact (visit) with the next step
        page.navigate(url(href));
        settle();
        Locator drawer = page.locator(".lead-drawer");
        assertThat(drawer.locator("[data-lead='" + leadId + "']")).isVisible();
        assertThat(drawer.locator("[data-testid=lead-status]")).hasText("新线索");
        drawer.locator("[data-testid=cf-who]").fill("招商一局 王科长；企业 李总");
        drawer.locator("[data-testid=cf-summary]").fill("企业计划在华东新建电芯基地，关注土地与配套");
        drawer.locator("[data-testid=cf-next]").fill("报送项目建议书");
        pickDate(drawer, "cf-next-date", day(-14));
        drawer.locator("[data-testid=cf-save]").click();
        assertThat(drawer.locator("[data-testid=contact-log] .el-timeline-item")).hasCount(1);
        assertThat(drawer.locator("[data-testid=contact-log]")).containsText("走访");
        assertThat(drawer.locator("[data-testid=lead-status]")).hasText("跟进中");
        assertThat(drawer.locator("[data-testid=lf-next]")).hasValue("报送项目建议书");
        shot("lead-drawer-1366");

        // 转为项目: the form comes pre-filled from the lead; 责任人 is still to be named
        drawer.locator("[data-testid=convert]").click();
        Locator form = page.locator(".project-form-dialog");
        assertThat(form.locator("[data-testid=pf-name]")).hasValue(company + "项目");
        form.locator("[data-testid=pf-save]").click();
        assertThat(form).containsText("请填写责任人");
        form.locator("[data-testid=pf-responsible]").fill(who);
        form.locator("[data-testid=pf-planned]").locator("input").fill("8.5");
        form.locator("[data-testid=pf-save]").click();
        Locator converted = page.locator(".el-message [data-testid=converted-link]");
        assertThat(converted).isVisible();
        // the drawer closes (its overlay would cover the message); the list shows the lead as converted
        Locator leadRow = page.locator("[data-testid=leads-table] tbody tr",
                new Page.LocatorOptions().setHas(page.locator("[data-lead='" + leadId + "']")));
        assertThat(leadRow).containsText("已转项目");
        converted.click();
        page.waitForURL("**#/projects?**project=**");
        settle();

        // the project: 谋划 → 签约 skips 洽谈, which then needs its date too
        Locator pd = page.locator(".project-drawer");
        assertThat(pd.locator("[data-project][data-stage=PLANNING][data-status=ACTIVE]")).isVisible();
        pd.locator("[data-testid=advance]").click();
        Locator adv = page.locator(".el-dialog:has([data-testid=adv-stage])");
        choose(adv, "adv-stage", "签约");
        pickDate(adv, "adv-date", day(20));
        adv.locator("[data-testid=adv-save]").click();
        assertThat(adv.locator("[data-testid=advance-error]")).containsText("跳过的阶段「洽谈」也需要日期");
        pickDate(adv, "adv-skip-NEGOTIATING", day(40));
        adv.locator("[data-testid=adv-save]").click();
        assertThat(pd.locator("[data-project][data-stage=SIGNED][data-status=ACTIVE]")).isVisible();
        Locator steps = pd.locator("[data-testid=stage-steps]");
        assertThat(steps.locator(".el-step").nth(1)).containsText(day(40));
        assertThat(steps.locator(".el-step").nth(2)).containsText(day(20));
        // 签约 → 开工, then a correction back to 签约 with its reason
        pd.locator("[data-testid=advance]").click();
        choose(adv, "adv-stage", "开工");
        pickDate(adv, "adv-date", day(5));
        adv.locator("[data-testid=adv-save]").click();
        assertThat(pd.locator("[data-project][data-stage=STARTED]")).isVisible();
        pd.locator("[data-testid=correct]").click();
        Locator cor = page.locator(".el-dialog:has([data-testid=cor-stage])");
        choose(cor, "cor-stage", "签约");
        cor.locator("[data-testid=cor-save]").click();
        assertThat(cor.locator("[data-testid=correct-error]")).containsText("请填写更正原因");
        cor.locator("[data-testid=cor-reason]").fill("开工仪式延期，误录");
        cor.locator("[data-testid=cor-save]").click();
        assertThat(pd.locator("[data-project][data-stage=SIGNED]")).isVisible();

        // history: who, field, before → after; the correction carries its reason and stands out
        Locator history = pd.locator("[data-testid=history-table]");
        assertThat(history.locator("tr.is-correction").first()).containsText("开工仪式延期，误录");
        assertThat(history.locator("tr.is-correction").first()).containsText("更正");
        assertThat(history).containsText("阶段");
        assertThat(history).containsText("签约");
        assertThat(history).containsText(com.chainatlas.support.Api.ADMIN); // the signed-in author
        pd.locator("[data-testid=history-table]").scrollIntoViewIfNeeded();
        shot("project-drawer-history-1366");

        // the ledger row: stage with its date, counted investment, 责任人
        page.navigate(url("#/projects?chain=NEV&region=" + HEFEI + "&responsible=" + who));
        settle();
        Locator row = page.locator("[data-testid=projects-table] tbody tr").first();
        assertThat(page.locator("[data-testid=projects-table] tbody tr")).hasCount(1);
        assertThat(row.locator(".stage-cell")).containsText("签约");
        assertThat(row.locator(".stage-cell")).containsText(day(20));
        assertThat(row).containsText("8.5 亿元");
        assertThat(row).containsText(who);
    }

    @Test
    void filtersComeBackFromTheUrlAndStaleLeadsStandOut() {
        String other = who + "乙";
        for (String[] lead : new String[][] {{"甲一", who}, {"甲二", who}, {"乙一", other}}) {
            post("/api/leads", """
                    {"enterpriseName":"%s%s公司","enterpriseRegionCode":"320500","regionCode":"%s","chainId":"NEV",
                     "segmentId":"NEV-CELL","source":"EXPO","responsible":"%s","nextAction":"电话回访"}
                    """.formatted(who, lead[0], HEFEI, lead[1]), 201);
        }
        // a lead last contacted 45 days ago is stale (久未跟进)
        String staleId = post("/api/leads", """
                {"enterpriseName":"%s久未联系公司","regionCode":"%s","chainId":"NEV","source":"SELF","responsible":"%s"}
                """.formatted(who, HEFEI, who), 201).get("id").asText();
        post("/api/leads/" + staleId + "/contacts", """
                {"date":"%s","kind":"CALL","who":"王科长","summary":"企业暂无投资计划"}
                """.formatted(day(45)), 201);

        page.navigate(url("#/leads?chain=NEV&region=" + HEFEI + "&responsible=" + who + "&status=NEW"));
        settle();
        assertThat(page.locator("[data-testid=filter-responsible]")).hasValue(who);
        assertThat(page.locator("[data-testid=filter-status]")).containsText("新线索");
        Locator rows = page.locator("[data-testid=leads-table] tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(page.locator("[data-testid=lead-total]")).hasText("共 2 条线索");
        // the stale filter from the URL, and the stale lead marked by badge and row class
        page.navigate(url("#/leads?chain=NEV&region=" + HEFEI + "&responsible=" + who + "&stale=true"));
        settle();
        assertThat(page.locator("[data-testid=filter-stale] input")).isChecked();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasClass(Pattern.compile("lead-stale"));
        assertThat(rows.first().locator("[data-testid=stale-badge]")).hasText("久未跟进");
        assertThat(rows.first()).containsText("45 天未联系");
        // a filter changed on screen goes into the URL
        page.locator("[data-testid=filter-stale]").click();
        page.waitForFunction("() => !location.hash.includes('stale=')");
        settle();
        assertThat(rows).hasCount(3);
        shot("leads-1366");
        openAt(1440, 900);
        page.navigate(url("#/leads?chain=NEV&region=" + HEFEI + "&responsible=" + who));
        settle();
        shot("leads-1440");

        // 项目台账: stage, overdue and 责任人 from the URL
        newProject(who + "签约项目", "SIGNED", day(30));
        String late = newProject(who + "逾期项目", "NEGOTIATING", day(60));
        api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/projects/" + late))
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"nextAction\":\"签约\",\"nextActionDate\":\"" + day(3) + "\"}"))
                .build());
        page.navigate(url("#/projects?chain=NEV&region=" + HEFEI + "&responsible=" + who + "&stage=SIGNED"));
        settle();
        assertThat(page.locator("[data-testid=filter-stage]")).containsText("签约");
        Locator projects = page.locator("[data-testid=projects-table] tbody tr");
        assertThat(projects).hasCount(1);
        assertThat(projects.first()).containsText("签约项目");
        assertThat(projects.first()).containsText("12.5 亿元");
        page.navigate(url("#/projects?chain=NEV&region=" + HEFEI + "&responsible=" + who + "&overdue=true"));
        settle();
        assertThat(page.locator("[data-testid=filter-overdue] input")).isChecked();
        assertThat(projects).hasCount(1);
        assertThat(projects.first()).containsText("逾期项目");
        assertThat(projects.first().locator("[data-testid=overdue-badge]")).hasText("逾期");
        // the export follows the filters on screen; the import link opens the 项目台账 format
        assertThat(page.locator("[data-testid=export-projects]")).hasAttribute("href", Pattern.compile("/api/projects/export\\.xlsx\\?.*overdue=true"));
        assertThat(page.locator("[data-testid=import-projects]")).hasAttribute("href", Pattern.compile("format=projects"));
        page.navigate(url("#/projects?chain=NEV&region=" + HEFEI + "&responsible=" + who));
        settle();
        assertThat(projects).hasCount(2);
        shot("projects-1440");
        projects.first().locator("a.link").click();
        page.waitForURL("**project=**");
        settle();
        shot("project-drawer-1440");
        openAt(1366, 768);
        page.navigate(url("#/projects?chain=NEV&region=" + HEFEI + "&responsible=" + who));
        settle();
        shot("projects-1366");
    }

    @Test
    void aStageDateTheServerRefusesShowsTheServersMessage() {
        String id = newProject(who + "并发项目", "NEGOTIATING", day(30));
        page.navigate(url("#/projects?chain=NEV&region=" + HEFEI + "&project=" + id));
        settle();
        Locator pd = page.locator(".project-drawer");
        assertThat(pd.locator("[data-project][data-stage=NEGOTIATING]")).isVisible();
        // the screen refuses a date before 洽谈 by itself …
        pd.locator("[data-testid=advance]").click();
        Locator adv = page.locator(".el-dialog:has([data-testid=adv-stage])");
        choose(adv, "adv-stage", "签约");
        pickDate(adv, "adv-date", day(31));
        adv.locator("[data-testid=adv-save]").click();
        assertThat(adv.locator("[data-testid=advance-error]")).containsText("不能早于「洽谈」日期（" + day(30) + "）");
        // … but meanwhile someone corrects 洽谈 to a later date: the server has the last word, and the view says its words
        post("/api/projects/" + id + "/correct", """
                {"stageDates":{"NEGOTIATING":"%s"},"reason":"洽谈日期核对"}
                """.formatted(day(10)), 200);
        pickDate(adv, "adv-date", day(20));
        adv.locator("[data-testid=adv-save]").click();
        Locator refused = adv.locator("[data-testid=server-error]");
        String serverSays = "“签约”日期 " + day(20) + " 早于“洽谈”日期 " + day(10);
        assertThat(refused).containsText(serverSays);
        assertThat(pd.locator("[data-project][data-stage=NEGOTIATING]")).isVisible();
        shot("advance-refused-1366");
        // nothing was written: still 洽谈, and the history has no 签约
        JsonNode p = api.ok("/api/projects/" + id);
        assertThat(p.get("stage").asText()).isEqualTo("NEGOTIATING");
    }
}
