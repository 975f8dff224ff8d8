package com.chainatlas.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;
import com.chainatlas.system.ClockConfiguration;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * 截至/对比 (issue 15.2) and 扩张信号 (issue 15.5) as a user sees them in headless Chromium, on the demo data (合肥 340100).
 * The expected compare is worked out here from two as-of diagnoses of the API, independently of the UI's own diff:
 * every changed leaf segment and its kind (补齐/失去/增强/减弱) must be what the page lists and counts.
 */
@ChainAtlasIntegrationTest
class AsOfSignalsBrowserTest {

    static final String HEFEI = "340100";
    static final String FROM = "2015-12-31";
    static final Map<String, Integer> RANK = Map.of("MISSING", 0, "WEAK", 1, "PRESENT", 2, "STRONG", 3);

    static BrowserSupport chromium;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    final List<String> pageErrors = new ArrayList<>();

    @BeforeAll
    static void launch() throws Exception {
        chromium = BrowserSupport.launch();
        // a loaded 2-core CI machine builds as-of snapshots slowly: give assertions the same patience as actions
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void open() {
        context = BrowserSupport.signedIn(chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1440, 900).setLocale("zh-CN")), "http://localhost:" + port);
        context.setDefaultTimeout(60_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
    }

    @AfterEach
    void closeContext() {
        context.close();
        assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
    }

    /** segmentId → change kind, from the API's two as-of diagnoses of the leaf segments. */
    Map<String, String> expectedChanges(String from, String to) {
        Api api = new Api(port);
        Map<String, String> before = new HashMap<>();
        for (JsonNode s : api.ok("/api/diagnosis?chain=NEV&region=" + HEFEI + "&asOf=" + from).get("segments")) {
            before.put(s.get("segmentId").asString(), s.get("verdict").asString());
        }
        Map<String, String> changes = new TreeMap<>();
        for (JsonNode s : api.ok("/api/diagnosis?chain=NEV&region=" + HEFEI + "&asOf=" + to).get("segments")) {
            String id = s.get("segmentId").asString();
            String was = before.get(id);
            String now = s.get("verdict").asString();
            if (!s.get("leaf").asBoolean() || was == null || was.equals(now)) {
                continue;
            }
            changes.put(id, was.equals("MISSING") ? "FILLED" : now.equals("MISSING") ? "LOST"
                    : RANK.get(now) > RANK.get(was) ? "STRENGTHENED" : "WEAKENED");
        }
        return changes;
    }

    static Map<String, Integer> counts(Map<String, String> changes) {
        Map<String, Integer> counts = new TreeMap<>(Map.of("FILLED", 0, "LOST", 0, "STRENGTHENED", 0, "WEAKENED", 0));
        changes.values().forEach(c -> counts.merge(c, 1, Integer::sum));
        return counts;
    }

    void assertBadges(Map<String, Integer> expected) {
        Locator badges = page.locator("[data-testid=change-counts]");
        assertThat(badges).isVisible();
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            String text = badges.locator("[data-count=" + e.getKey() + "]").textContent().trim();
            assertThat(text).as("badge " + e.getKey()).endsWith(" " + e.getValue());
        }
    }

    @Test
    void diagnosisCompareListsExactlyTheSegmentsWhoseVerdictMoved() {
        String today = LocalDate.now(ClockConfiguration.OFFICE_ZONE).toString();
        Map<String, String> expected = expectedChanges(FROM, today);
        assertThat(expected).as("the demo data changes between %s and today", FROM).isNotEmpty();

        page.navigate("http://localhost:" + port + "/#/diagnosis?chain=NEV&region=" + HEFEI + "&from=" + FROM);
        Locator table = page.locator("[data-testid=compare-table]");
        assertThat(table).isVisible();
        assertThat(page.locator("[data-testid=compare-card] .card-title")).containsText(FROM + " → " + today);
        Locator rows = table.locator(".el-table__body tr");
        assertThat(rows).hasCount(expected.size());
        Map<String, String> shown = new TreeMap<>();
        for (int i = 0; i < rows.count(); i++) {
            String href = rows.nth(i).locator("a").first().getAttribute("href");
            String segment = href.replaceAll(".*[?&]segment=([^&]+).*", "$1");
            shown.put(segment, rows.nth(i).locator("[data-change]").getAttribute("data-change"));
        }
        assertThat(shown).isEqualTo(expected);
        assertBadges(counts(expected));
        // the note says what the shown side counted: the as-of echo of the API
        int counted = new Api(port).ok("/api/diagnosis?chain=NEV&region=" + HEFEI + "&asOf=" + today)
                .get("snapshot").get("asOf").get("enterprises").asInt();
        assertThat(page.locator("[data-testid=as-of-note]")).containsText(String.format("%,d", counted));
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.SHOTS.resolve("asof-diagnosis-compare.png")).setFullPage(true));
    }

    @Test
    void chainMapCompareBetweenTwoChosenDatesFollowsTheUrl() {
        String to = "2021-06-30";
        Map<String, String> expected = expectedChanges(FROM, to);
        page.navigate("http://localhost:" + port + "/#/chain?chain=NEV&region=" + HEFEI + "&asOf=" + to + "&from=" + FROM);
        assertBadges(counts(expected));
        if (expected.isEmpty()) {
            assertThat(page.locator("[data-testid=change-list]")).hasCount(0);
        } else {
            Locator rows = page.locator("[data-change-row]");
            assertThat(rows).hasCount(expected.size());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < rows.count(); i++) {
                ids.add(rows.nth(i).getAttribute("data-change-row"));
            }
            assertThat(ids).containsExactlyInAnyOrderElementsOf(expected.keySet());
        }
        // switching the compare off removes `from` from the URL and the badges from the page
        page.locator("[data-testid=compare-toggle]").click();
        page.waitForURL(u -> !u.contains("from="));
        assertThat(page.locator("[data-testid=change-counts]")).hasCount(0);
        assertThat(page.url()).contains("asOf=" + to);
    }

    @Test
    void targetsShowTheExpansionSignalAndTheEnterpriseShowsItsEvents() {
        Api api = new Api(port);
        JsonNode ranked = api.ok("/api/targets?chain=NEV&region=" + HEFEI + "&size=20");
        JsonNode items = ranked.get("items");
        List<String> withSignal = new ArrayList<>();
        for (JsonNode row : items) {
            if (row.hasNonNull("signalText") && !row.get("signalText").asString().isBlank()) {
                withSignal.add(row.get("uscc").asString());
            }
        }
        assertThat(withSignal).as("demo events give some of the top targets a signal").isNotEmpty();

        page.navigate("http://localhost:" + port + "/#/targets?chain=NEV&region=" + HEFEI);
        Locator table = page.locator("[data-testid=targets-table]");
        assertThat(table.locator(".el-table__body tr").first()).isVisible();
        Locator tags = table.locator("[data-testid=signal-tag]");
        assertThat(tags.first()).isVisible();
        // the tag's title is the server's signal text for that row
        String firstSignal = items.valueStream().filter(r -> r.get("uscc").asString().equals(withSignal.get(0)))
                .findFirst().orElseThrow().get("signalText").asString();
        List<String> titles = tags.all().stream().map(t -> t.getAttribute("title")).toList();
        assertThat(titles).contains(firstSignal);

        String uscc = withSignal.get(0);
        JsonNode events = api.ok("/api/enterprises/" + uscc + "/events");
        JsonNode list = events.get("events");
        page.navigate("http://localhost:" + port + "/#/enterprise?chain=NEV&region=" + HEFEI + "&uscc=" + uscc);
        Locator panel = page.locator("[data-testid=enterprise-events]");
        assertThat(panel.locator("[data-testid=signal-summary]")).isVisible();
        assertThat(panel.locator(".el-timeline-item")).hasCount(list.size());
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.SHOTS.resolve("signals-enterprise-events.png")));
    }

    @Test
    void targetsRankAsOfTheDateInTheUrl() {
        JsonNode ranked = new Api(port).ok("/api/targets?chain=NEV&region=" + HEFEI + "&asOf=" + FROM + "&size=20");
        JsonNode today = new Api(port).ok("/api/targets?chain=NEV&region=" + HEFEI + "&size=20");
        assertThat(ranked.get("total").asLong()).as("fewer candidates existed in " + FROM).isLessThan(today.get("total").asLong());
        page.navigate("http://localhost:" + port + "/#/targets?chain=NEV&region=" + HEFEI + "&asOf=" + FROM);
        Locator table = page.locator("[data-testid=targets-table]");
        assertThat(table.locator(".el-table__body tr").first()).isVisible();
        assertThat(page.locator("#target-as-of")).hasValue(FROM);
        assertThat(page.locator("[data-testid=target-as-of-note]")).containsText("截至 " + FROM);
        assertThat(table.locator(".el-table__body tr").first().locator("strong"))
                .hasText(ranked.get("items").get(0).get("name").asString());
        // clearing the date goes back to today's ranking
        page.locator("#target-as-of").hover();
        page.locator("[data-testid=target-as-of] .clear-icon").click();
        page.waitForURL(u -> !u.contains("asOf="));
        assertThat(page.locator("[data-testid=target-as-of-note]")).hasCount(0);
        assertThat(table.locator(".el-table__body tr").first().locator("strong"))
                .hasText(today.get("items").get(0).get("name").asString());
    }
}
