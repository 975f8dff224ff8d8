package com.chainatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.chainatlas.support.ChainAtlasIntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Content-Security-Policy (system/SecurityHeadersFilter) lets the Vue/Element Plus/ECharts app work: every
 * view opens, draws its charts and reports no CSP violation (checked with the browser's securitypolicyviolation
 * events and console). Skipped without Chromium or without the built UI (-Dfrontend.skip=true on a fresh clone).
 */
@ChainAtlasIntegrationTest
class CspBrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    @LocalServerPort
    int port;

    @Test
    void everyViewWorksUnderTheCsp() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not installed");
        Assumptions.assumeTrue(getClass().getResource("/static/index.html") != null, "UI not built");
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            Page page = BrowserSupport.signedIn(browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)), "http://localhost:" + port).newPage();
            page.setDefaultTimeout(60_000);
            List<String> violations = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy")) {
                    violations.add(m.text());
                }
            });
            page.addInitScript("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                    + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
            for (String view : List.of("chain", "enterprise", "product", "innovation", "diagnosis", "targets", "import")) {
                page.navigate("http://localhost:" + port + "/#/" + view + "?chain=NEV&region=340100");
                page.waitForFunction("() => document.querySelector('main .view') !== null"
                        + " && document.querySelectorAll('.state-loading, [aria-busy=true]').length === 0");
                assertThat(page.locator("main .view[data-view=" + view + "]").innerText().strip()).as(view).isNotEmpty();
                Object seen = page.evaluate("() => window.__csp");
                assertThat((List<?>) seen).as("CSP violations in " + view).isEmpty();
            }
            assertThat(page.locator("canvas, svg").count()).as("charts drawn").isPositive();
            assertThat(violations).isEmpty();
        }
    }
}
