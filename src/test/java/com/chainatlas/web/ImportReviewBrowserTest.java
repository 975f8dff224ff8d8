package com.chainatlas.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.chainatlas.enterprise.Uscc;
import com.chainatlas.ingest.DataImportedEvent;
import com.chainatlas.support.ChainAtlasIntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The import view in real headless Chromium: an enterprises list without credit codes is uploaded, the 挂链 review
 * opens on it (确定 as a batch, 待确认 row by row: 采纳 / 改为… / 驳回), what was decided is in the database, a rejected
 * firm does not come back, the 无信用代码 tag shows in the review and in the enterprise table, and the history lists
 * the upload under its submitter. Screenshots go to /tmp/shots-import/.
 */
@ChainAtlasIntegrationTest
class ImportReviewBrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SHOTS = Paths.get("/tmp/shots-import");
    static final String CHAIN = "TEST-IRB-C";
    static final String SUBMITTER = "浏览器测试 李四";
    /**
     * Sure: only cell words. NAME_*: products nobody uses, only the name shares words with assigned firms (待确认 with
     * options). NONE: no word known at all (待确认, no option).
     */
    static final String SURE = "测试无码软包电芯有限公司";
    static final String NAME_ACCEPT = "测试无码物业有限公司";
    static final String NAME_CHANGE = "测试无码咨询有限公司";
    static final String NAME_REJECT = "测试无码保洁有限公司";
    static final String NONE = "某某无码餐馆";

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @TempDir
    Path dir;

    BrowserContext context;
    Page page;
    final List<String> pageErrors = new ArrayList<>();

    @BeforeAll
    static void launch() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "Chromium not found at " + CHROMIUM + " (apt-get install -y chromium)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        Files.createDirectories(SHOTS);
        // an accept refreshes the chain's figures: on a loaded 2-core machine that takes longer than the default 5 s
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** Segments 正极材料 (upstream, B) → 电芯 (A) → 整车 (downstream, V), three assigned firms each. */
    @BeforeEach
    void handMadeChain() {
        cleanUp();
        neo4j.query("""
                CREATE (c:Chain {id: 'TEST-IRB-C', name: '测试挂链审核', description: '', industryCodes: [], sample: false})
                CREATE (a:Segment {id: 'TEST-IRB-A', chainId: 'TEST-IRB-C', name: '电芯', stage: 'MIDSTREAM', key: true, valueAdded: 3})
                CREATE (b:Segment {id: 'TEST-IRB-B', chainId: 'TEST-IRB-C', name: '正极材料', stage: 'UPSTREAM', key: false, valueAdded: 2})
                CREATE (v:Segment {id: 'TEST-IRB-V', chainId: 'TEST-IRB-C', name: '整车', stage: 'DOWNSTREAM', key: false, valueAdded: 2})
                CREATE (c)-[:HAS_SEGMENT]->(a), (c)-[:HAS_SEGMENT]->(b), (c)-[:HAS_SEGMENT]->(v), (b)-[:FEEDS]->(a), (a)-[:FEEDS]->(v)
                WITH count(*) AS created
                UNWIND [
                  ['E1', 'TEST-IRB-A', '方形电芯、软包电芯、储能电芯'], ['E2', 'TEST-IRB-A', '动力电芯、圆柱电芯'], ['E3', 'TEST-IRB-A', '磷酸铁锂电芯、电芯模组'],
                  ['E4', 'TEST-IRB-B', '三元正极材料、前驱体'], ['E5', 'TEST-IRB-B', '磷酸铁锂正极材料、钴酸锂'], ['E6', 'TEST-IRB-B', '正极材料、锰酸锂'],
                  ['E7', 'TEST-IRB-V', '纯电动乘用车、整车'], ['E8', 'TEST-IRB-V', '插电混动乘用车、商用车整车'], ['E9', 'TEST-IRB-V', '新能源客车、乘用车']
                ] AS f
                MATCH (s:Segment {id: f[1]})
                CREATE (e:Enterprise {uscc: 'TEST-IRB-' + f[0], name: '测试审核企业' + f[0], regionCode: '340104',
                                      provinceCode: '340000', cityCode: '340100', countyCode: '340104', mainProducts: f[2]})
                CREATE (e)-[:IN_SEGMENT]->(s)
                """).run();
        events.publishEvent(new DataImportedEvent(java.util.Set.of("TEST-IRB-C"))); // as every writer does: caches follow
        context = BrowserSupport.signedIn(browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900).setLocale("zh-CN")), "http://localhost:" + port);
        context.setDefaultTimeout(60_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
    }

    @AfterEach
    void cleanUp() {
        if (context != null) {
            context.close();
            context = null;
        }
        neo4j.query("""
                MATCH (n) WHERE (n:Chain OR n:Segment) AND n.id STARTS WITH 'TEST-IRB-'
                   OR n:Enterprise AND (n.uscc STARTS WITH 'TEST-IRB-' OR n.name STARTS WITH '测试无码' OR n.name = $none)
                   OR n:ImportJobRecord AND n.submittedBy = $who
                DETACH DELETE n
                """).bind(SUBMITTER).to("who").bind(NONE).to("none").run();
        events.publishEvent(new DataImportedEvent(java.util.Set.of("TEST-IRB-C")));
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
        // from the top, so the sticky header is not drawn across the middle of the full-page picture
        page.evaluate("() => window.scrollTo(0, 0)");
        page.mouse().move(1436, 896);
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Element Plus puts data attributes on the native input of an el-input (other widgets: on their root). */
    Locator textInput(String testId) {
        return page.locator("input[data-testid=" + testId + "], [data-testid=" + testId + "] input");
    }

    Locator reviewRow(String name) {
        return page.locator("[data-testid=assign-review-table] tbody tr").filter(new Locator.FilterOptions().setHasText(name));
    }

    String segmentOf(String name) {
        return neo4j.query("MATCH (e:Enterprise {name: $n})-[:IN_SEGMENT]->(s) RETURN s.id").bind(name).to("n")
                .fetchAs(String.class).one().orElse(null);
    }

    @Test
    void anImportedListIsReviewedAndTaggedWithoutCreditCodes() throws Exception {
        try {
            reviewAndTag();
        } catch (Throwable e) {
            // what the page showed when it went wrong
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("zz-failure.png")).setFullPage(true));
            throw e;
        }
    }

    void reviewAndTag() throws Exception {
        Path csv = dir.resolve("无信用代码名单.csv");
        Files.writeString(csv, String.join("\n",
                "企业名称,行政区划代码,产业链,主营产品",
                SURE + ",340104," + CHAIN + ",软包电芯、方形电芯、圆柱电芯",
                NAME_ACCEPT + ",340104," + CHAIN + ",物业管理",
                NAME_CHANGE + ",340104," + CHAIN + ",咨询服务",
                NAME_REJECT + ",340104," + CHAIN + ",保洁服务",
                NONE + ",340104," + CHAIN + ",餐饮服务") + "\n", StandardCharsets.UTF_8);

        page.navigate(url("#/import?chain=" + CHAIN + "&region=340100"));
        settle();
        textInput("import-submitter").fill(SUBMITTER);
        page.setInputFiles(".import-upload input[type=file]", csv);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传并导入")).click();
        page.locator(".progress-row[data-phase=DONE]").waitFor(new Locator.WaitForOptions().setTimeout(120_000));

        // the review opens by itself on the chain of the file, narrowed to the header's region
        Locator summary = page.locator("[data-testid=assign-summary]");
        summary.waitFor(new Locator.WaitForOptions().setTimeout(120_000));
        assertThat(summary).containsText("测试挂链审核");
        assertThat(summary).containsText("合肥市");
        Locator sure = page.locator("[data-testid=assign-sure]");
        assertThat(sure).containsText(SURE);
        assertThat(sure.locator("tr", new Locator.LocatorOptions().setHasText(SURE)).locator("[data-testid=provisional-tag]")).hasText("无信用代码");
        for (String name : List.of(NAME_ACCEPT, NAME_CHANGE, NAME_REJECT, NONE)) {
            assertThat(reviewRow(name)).hasCount(1);
            assertThat(reviewRow(name).locator("[data-testid=provisional-tag]")).hasText("无信用代码");
        }
        assertThat(reviewRow(NAME_ACCEPT)).containsText("匹配词");
        assertThat(reviewRow(NAME_ACCEPT)).containsText("请人工确认");
        assertThat(reviewRow(NONE)).containsText("无可比对依据");
        assertThat(reviewRow(NONE).locator("[data-testid=assign-accept]")).isDisabled();
        shot("01-review-opened");

        // 采纳: the first option is written
        String firstOption = reviewRow(NAME_ACCEPT).locator(".option-first").innerText().replaceAll("（.*", "");
        reviewRow(NAME_ACCEPT).locator("[data-testid=assign-accept]").click();
        assertThat(reviewRow(NAME_ACCEPT).locator(".decision")).containsText("已采纳「" + firstOption + "」");

        // 改为…: the segments come in chain order (upstream first), and the chosen one (not the proposal) is written
        String proposed = reviewRow(NAME_CHANGE).locator(".option-first").innerText().replaceAll("（.*", "");
        String changeTo = proposed.equals("整车") ? "正极材料" : "整车";
        reviewRow(NAME_CHANGE).locator("[data-testid=assign-change]").click();
        Locator options = page.locator(".el-select-dropdown__item:visible");
        assertThat(options).hasCount(3);
        assertThat(options.nth(0)).containsText("正极材料");
        assertThat(options.nth(1)).containsText("电芯");
        assertThat(options.nth(2)).containsText("整车");
        assertThat(options.nth(0)).containsText("上游");
        options.nth(changeTo.equals("整车") ? 2 : 0).click();
        assertThat(reviewRow(NAME_CHANGE).locator(".decision")).containsText("已改为「" + changeTo + "」");

        // 驳回
        reviewRow(NAME_REJECT).locator("[data-testid=assign-reject]").click();
        assertThat(reviewRow(NAME_REJECT).locator(".decision")).containsText("已驳回");
        assertThat(reviewRow(NAME_REJECT).locator("[data-testid=assign-reject]")).hasCount(0);

        // all 确定 at once
        page.locator("[data-testid=assign-accept-sure]").click();
        assertThat(page.locator("[data-testid=assign-sure-done]")).containsText("已挂链");
        shot("02-review-decided");

        assertThat(segmentOf(NAME_ACCEPT)).isEqualTo(Map.of("电芯", "TEST-IRB-A", "正极材料", "TEST-IRB-B", "整车", "TEST-IRB-V").get(firstOption));
        assertThat(segmentOf(NAME_CHANGE)).isEqualTo(changeTo.equals("整车") ? "TEST-IRB-V" : "TEST-IRB-B");
        assertThat(segmentOf(SURE)).isEqualTo("TEST-IRB-A");
        assertThat(segmentOf(NAME_REJECT)).isNull();
        assertThat(segmentOf(NONE)).isNull();
        assertThat(neo4j.query("MATCH (e:Enterprise {name: $n})-[:ASSIGNMENT_REJECTED]->(c:Chain) RETURN c.id").bind(NAME_REJECT).to("n")
                .fetchAs(String.class).all()).containsExactly(CHAIN);
        List<String> keys = new ArrayList<>(neo4j.query(
                "MATCH (e:Enterprise) WHERE (e.name STARTS WITH '测试无码' OR e.name = $none) AND e.provisional = true RETURN e.uscc")
                .bind(NONE).to("none").fetchAs(String.class).all());
        assertThat(keys).hasSize(5).allMatch(Uscc::isProvisional);

        // a new batch: nothing decided comes back (three assigned, one rejected); the undecided one does (learnt from the
        // accepted ones it may now even be 确定, so it is looked for in the whole card)
        page.locator("[data-testid=assign-run]").click();
        summary.waitFor();
        settle();
        assertThat(page.locator("[data-testid=assignment-review]")).containsText(NONE);
        assertThat(page.locator("[data-testid=assignment-review]")).not().containsText("测试无码");

        // the history lists the upload under its submitter; the filter keeps only theirs
        Locator history = page.locator("[data-testid=import-recent]");
        assertThat(history).containsText(SUBMITTER);
        textInput("history-submitter").fill(SUBMITTER);
        page.locator("[data-testid=history-filter]").click();
        settle();
        assertThat(history.locator("tbody tr")).hasCount(1);
        assertThat(history.locator("tbody tr").first()).containsText("无信用代码名单.csv");
        assertThat(page.locator("[data-testid=history-pager]")).containsText("1");
        shot("03-history-filtered");

        // 无信用代码 in the enterprise table too (the firms are in the chain now)
        page.navigate(url("#/enterprise?chain=" + CHAIN + "&region=340104"));
        settle();
        Locator table = page.locator("[data-testid=enterprise-table]");
        Locator row = table.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(SURE));
        assertThat(row.locator("[data-testid=provisional-tag]")).hasText("无信用代码");
        Locator coded = table.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("测试审核企业E1"));
        assertThat(coded.locator("[data-testid=provisional-tag]")).hasCount(0);
        shot("04-enterprise-table");
    }
}
