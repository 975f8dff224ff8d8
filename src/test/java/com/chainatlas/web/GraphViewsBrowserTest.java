package com.chainatlas.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.chainatlas.support.ChainAtlasIntegrationTest;
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

/**
 * The three graphs (产品图谱, supply network, 创新图谱) in real headless Chromium at 1440×900: labels are read from
 * what ECharts actually drew (the chart box exposes its text elements) and checked for overlaps, tooltips for
 * units and words, and the enterprise map for following the header's region. Screenshots go to target/screenshots/.
 */
@ChainAtlasIntegrationTest
class GraphViewsBrowserTest {

    static final Path SHOTS = BrowserSupport.SHOTS;
    static final String HEFEI = "340100";
    static final int WIDTH = 1440;
    static final int HEIGHT = 900;

    static BrowserSupport chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    final List<String> pageErrors = new ArrayList<>();

    /** A drawn label in chart pixels. */
    record Label(String text, double x, double y, double w, double h) {
        boolean overlaps(Label o) {
            // half a pixel of slack: adjacent rows share an edge
            double e = 0.5;
            return x + e < o.x + o.w && o.x + e < x + w && y + e < o.y + o.h && o.y + e < y + h;
        }
    }

    record Point(String id, double x, double y) {
    }

    @BeforeAll
    static void launch() throws Exception {
        chromium = BrowserSupport.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void open() {
        context = BrowserSupport.signedIn(browser.newContext(new Browser.NewContextOptions().setViewportSize(WIDTH, HEIGHT).setLocale("zh-CN")), "http://localhost:" + port);
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

    /** Waits for every box to be loaded; generous, since the first diagnosis builds its snapshot on a busy machine. */
    void settle() {
        page.waitForFunction("() => document.querySelector('main .view') !== null"
                + " && document.querySelectorAll('.state-loading, [aria-busy=true]').length === 0", null,
                new Page.WaitForFunctionOptions().setTimeout(120_000));
    }

    void shot(String name, boolean fullPage) {
        // over an empty corner of the page, then off it, so no hover highlight or tooltip is in the picture
        page.mouse().move(WIDTH - 4, HEIGHT - 4);
        page.mouse().move(2, HEIGHT - 4, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(fullPage));
    }

    /** Waits for a fixed-size graph to be drawn and returns what ECharts drew as text. */
    List<Label> labels(String testId) {
        page.waitForFunction("id => { const el = document.querySelector(`[data-testid=${id}]`);"
                + " return el && el.dataset.drawn && el.querySelector('canvas') && el.__labels().length > 0; }", testId,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> raw = (List<Map<String, Object>>) page.evaluate(
                "id => document.querySelector(`[data-testid=${id}]`).__labels()", testId);
        return raw.stream().map(m -> new Label((String) m.get("text"), num(m.get("x")), num(m.get("y")), num(m.get("w")),
                num(m.get("h")))).toList();
    }

    /** How many drawn pieces hover focus dims (blur) or highlights (emphasis) now. */
    Map<String, Integer> hover(String testId) {
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) page.evaluate("id => document.querySelector(`[data-testid=${id}]`).__hover()", testId);
        return Map.of("blur", ((Number) raw.get("blur")).intValue(), "emphasis", ((Number) raw.get("emphasis")).intValue());
    }

    List<Point> points(String testId) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> raw = (List<Map<String, Object>>) page.evaluate(
                "id => document.querySelector(`[data-testid=${id}]`).__points()", testId);
        return raw.stream().map(m -> new Point((String) m.get("id"), num(m.get("x")), num(m.get("y")))).toList();
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    static List<String> overlaps(List<Label> labels) {
        List<Label> sorted = new ArrayList<>(labels);
        sorted.sort(Comparator.comparingDouble(Label::x));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size() && sorted.get(j).x() < sorted.get(i).x() + sorted.get(i).w(); j++) {
                if (sorted.get(i).overlaps(sorted.get(j))) {
                    out.add(sorted.get(i).text() + " × " + sorted.get(j).text());
                }
            }
        }
        return out;
    }

    /** The graph fits the window: no sideways scrolling at 1440 px. */
    void fitsTheWindow(String testId) {
        Object fits = page.evaluate("id => { const el = document.querySelector(`[data-testid=${id}]`);"
                + " const host = el.parentElement; return host.scrollWidth <= host.clientWidth + 1"
                + " && el.getBoundingClientRect().right <= window.innerWidth; }", testId);
        assertThat(fits).as("%s fits in %d px", testId, WIDTH).isEqualTo(true);
    }

    /** Scrolls so that chart point (x, y) is mid-window and returns it in viewport coordinates (for the mouse). */
    double[] onScreen(String testId, double x, double y) {
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) page.evaluate("([id, x, y]) => { const el = document.querySelector(`[data-testid=${id}]`);"
                + " let r = el.getBoundingClientRect(); window.scrollBy(r.left + x - innerWidth / 2, r.top + y - innerHeight / 2);"
                + " r = el.getBoundingClientRect(); return [r.left + x, r.top + y]; }", List.of(testId, x, y));
        return new double[] {xy.get(0).doubleValue(), xy.get(1).doubleValue()};
    }

    /** Hovers chart point (x, y) and returns the text of the ECharts tooltip that shows up. */
    String tooltipAt(String testId, double x, double y) {
        double[] p = onScreen(testId, x, y);
        page.mouse().move(p[0] - 3, p[1] - 3);
        page.mouse().move(p[0], p[1], new com.microsoft.playwright.Mouse.MoveOptions().setSteps(3));
        String visibleTip = "() => [...document.querySelectorAll('div')].filter(d => d.style.zIndex === '9999999'"
                + " && d.style.display !== 'none' && d.innerText.trim().length > 0).map(d => d.innerText).pop() || null";
        page.waitForFunction(visibleTip);
        return (String) page.evaluate(visibleTip);
    }

    @Test
    void productMapShowsEveryProductInColumnsWithReadableLabels() {
        for (String chain : List.of("NEV", "IC")) {
            page.navigate(url("#/product?chain=" + chain + "&region=" + HEFEI));
            settle();
            List<Label> labels = labels("product-graph");
            long products = ((Number) page.evaluate("c => fetch(`/api/chains/${c}/products`).then(r => r.json()).then(a => a.length)",
                    chain)).longValue();
            assertThat(products).isGreaterThan(120);
            // one label per product plus the column titles: none hidden, none overlapping, in the window's width
            List<Label> titles = labels.stream().filter(l -> l.text().matches("\\d+\\. .*")).toList();
            assertThat(titles.size()).isGreaterThanOrEqualTo(5);
            assertThat(labels.size() - titles.size()).isEqualTo((int) products);
            assertThat(overlaps(labels)).as("overlapping labels on the %s product map", chain).isEmpty();
            assertThat(labels).allSatisfy(l -> assertThat(l.h()).isGreaterThanOrEqualTo(11));
            fitsTheWindow("product-graph");
            shot("product-map-" + chain.toLowerCase(), true);
        }
        // only the inputs bought from outside, then one segment
        page.navigate(url("#/product?chain=NEV&region=" + HEFEI));
        settle();
        page.locator(".el-radio-button", new Page.LocatorOptions().setHasText("只看外购投入品")).click();
        page.waitForURL("**pf=outside**");
        settle();
        List<Label> outside = labels("product-graph");
        assertThat(overlaps(outside)).isEmpty();
        assertThat(page.locator("[data-testid=product-graph-note]")).containsText("上下游");
        assertThat(page.locator("[data-testid=product-table] .badge.made")).hasCount(0);
        assertThat(page.locator("[data-testid=product-table] .badge.notmade").first()).isVisible();
        shot("product-map-outside", true);
        page.locator("[data-testid=product-segment] .el-select__wrapper").click();
        page.locator(".product-segment-popper .el-select-dropdown__item",
                new Page.LocatorOptions().setHasText(java.util.regex.Pattern.compile("^\\s*动力电池\\s*$"))).first().click();
        page.waitForURL("**segment=NEV-BATTERY**");
        settle();
        List<Label> battery = labels("product-graph");
        assertThat(overlaps(battery)).isEmpty();
        assertThat(battery.stream().map(Label::text)).anyMatch(t -> t.contains("电芯") || t.contains("电池"));
        shot("product-map-battery-outside", false);
    }

    @Test
    void supplyNetworkStaysReadableAfterTwoExpansionsAndSaysWhatItShows() {
        page.navigate(url("#/enterprise?chain=NEV&region=" + HEFEI));
        settle();
        // the local enterprise with the most partners: a chain leader
        String uscc = (String) page.evaluate("async () => { const r = await fetch('/api/enterprises?chain=NEV&region=" + HEFEI
                + "&sort=revenue&size=8').then(r => r.json());"
                + " let best = null, most = -1; for (const e of r.items) { const d = await fetch('/api/enterprises/' + e.uscc).then(r => r.json());"
                + " const n = d.suppliers.length + d.customers.length; if (n > most) { most = n; best = e.uscc; } } return best; }");
        assertThat(uscc).isNotNull();
        page.navigate(url("#/enterprise?chain=NEV&region=" + HEFEI + "&uscc=" + uscc));
        settle();
        List<Label> first = labels("network-chart");
        assertThat(overlaps(first)).isEmpty();
        assertThat(first.stream().map(Label::text)).anyMatch(t -> t.contains("万元") || t.contains("未知"));
        Locator chart = page.locator("[data-testid=network-chart]");
        Point center = points("network-chart").stream().filter(p -> p.id().equals(uscc)).findFirst().orElseThrow();

        // tooltips carry units and words
        String centreTip = tooltipAt("network-chart", center.x(), center.y());
        assertThat(centreTip).contains("营收").containsPattern("万元|亿元|未知").contains("当前企业");
        // hovering focuses the centre's neighbourhood: the rest is dimmed while the pointer is on it
        assertThat(hover("network-chart").get("blur")).as("hover dims the others").isPositive();

        // expand a supplier (left), then a customer (right)
        int before = Integer.parseInt(chart.getAttribute("data-nodes"));
        Point supplier = points("network-chart").stream().filter(p -> isFirm(p) && p.x() < center.x())
                .findFirst().orElseThrow();
        dblclick(supplier);
        page.waitForFunction("n => +document.querySelector('[data-testid=network-chart]').dataset.nodes > n", before);
        int afterOne = Integer.parseInt(chart.getAttribute("data-nodes"));
        Point customer = points("network-chart").stream().filter(p -> isFirm(p) && !p.id().equals(uscc)
                && p.x() > centerOf(uscc).x()).findFirst().orElse(null);
        if (customer != null) {
            dblclick(customer);
            page.waitForFunction("n => +document.querySelector('[data-testid=network-chart]').dataset.nodes >= n", afterOne);
            page.waitForTimeout(500);
        }
        List<Label> expanded = labels("network-chart");
        assertThat(overlaps(expanded)).as("overlapping labels after two expansions").isEmpty();
        assertThat(chart.getAttribute("data-hidden-edge-labels")).isEqualTo("0");
        Point c2 = centerOf(uscc);
        List<Point> all = points("network-chart");
        assertThat(all.stream().filter(p -> isFirm(p) && p.x() < c2.x() - 300))
                .as("a supplier of a supplier, further left").isNotEmpty();
        shot("network-two-expansions", true);
        // the pointer has left the chart (shot moves it off): nothing stays dimmed or highlighted by the hover on the
        // double-clicked node (the highlight used to stick after an expansion)
        assertThat(hover("network-chart")).as("hover states after two expansions").isEqualTo(Map.of("blur", 0, "emphasis", 0));

        // the "更多…" node shows more partners when clicked
        Point more = all.stream().filter(p -> p.id().startsWith("more:")).findFirst().orElse(null);
        if (more != null) {
            int n = Integer.parseInt(chart.getAttribute("data-nodes"));
            double[] xy = onScreen("network-chart", more.x(), more.y());
            page.mouse().click(xy[0], xy[1]);
            page.waitForFunction("n => +document.querySelector('[data-testid=network-chart]').dataset.nodes > n", n);
            assertThat(overlaps(labels("network-chart"))).isEmpty();
        }
        // an edge's tooltip (on its label): who supplies whom with what, for how much
        Point edge = points("network-chart").stream().filter(p -> p.id().startsWith("edge:")).findFirst().orElseThrow();
        String edgeTip = tooltipAt("network-chart", edge.x(), edge.y());
        assertThat(edgeTip).contains(" 向 ").contains("供应").containsPattern("年供货金额( [\\d,.]+ 万元|未知)");
        chart.scrollIntoViewIfNeeded();
        shot("network-more", false);
    }

    static boolean isFirm(Point p) {
        return !p.id().startsWith("more:") && !p.id().startsWith("edge:");
    }

    Point centerOf(String uscc) {
        return points("network-chart").stream().filter(p -> p.id().equals(uscc)).findFirst().orElseThrow();
    }

    void dblclick(Point p) {
        double[] xy = onScreen("network-chart", p.x(), p.y());
        page.mouse().dblclick(xy[0], xy[1]);
    }

    @Test
    void innovationMapIsAGraphWithLocalInstitutionsMarkedAndTheTablesBelow() {
        page.navigate(url("#/innovation?chain=NEV&region=" + HEFEI));
        settle();
        List<Label> labels = labels("innovation-graph");
        assertThat(overlaps(labels)).isEmpty();
        assertThat(labels.stream().map(Label::text)).contains("环节", "核心技术", "研发机构", "合作企业");
        assertThat(labels.stream().map(Label::text)).anyMatch(t -> t.replace("\n", "").contains("（本地）"));
        fitsTheWindow("innovation-graph");
        assertThat(page.locator("[data-testid=tech-table] tbody tr").first()).isVisible();
        assertThat(page.locator("[data-testid=institution-table] tbody tr").first()).isVisible();
        shot("innovation-graph", true);
        // clicking a segment narrows the graph to it
        Point seg = points("innovation-graph").stream().filter(p -> p.id().equals("s:NEV-CELL")).findFirst().orElseThrow();
        double[] xy = onScreen("innovation-graph", seg.x(), seg.y());
        page.mouse().click(xy[0], xy[1]);
        page.waitForURL("**segment=NEV-CELL**");
        settle();
        page.waitForFunction("() => document.querySelector('[data-testid=innovation-graph]').__points().filter(p => p.id.startsWith('s:')).length === 1");
        assertThat(overlaps(labels("innovation-graph"))).isEmpty();
        shot("innovation-graph-cell", false);
    }

    @Test
    void enterpriseMapFollowsTheChosenRegion() {
        page.navigate(url("#/enterprise?chain=NEV&region=" + HEFEI));
        settle();
        assertThat(page.locator(".crumbs")).containsText("合肥市");
        assertThat(page.locator(".top-list button[data-region^='3401']").first()).isVisible();
        shot("enterprise-map-hefei", false);
        // another city in the header: the map starts there
        page.locator("[data-testid=pick-region] input.el-input__inner").fill("芜湖");
        page.locator(".el-cascader__suggestion-item", new Page.LocatorOptions().setHasText("安徽省 / 芜湖市")).first().click();
        page.waitForURL("**region=340200**");
        settle();
        assertThat(page.locator(".crumbs")).containsText("芜湖市");
        assertThat(page.locator(".top-list button[data-region^='3402']").first()).isVisible();
        // 全国 goes back to the province tiles
        page.locator(".crumbs button[data-region=all]").click();
        page.waitForURL("**drill=all**");
        settle();
        assertThat(page.locator(".top-list button[data-region='340000']")).isVisible();
    }
}
