package com.chainatlas.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import com.chainatlas.analysis.SnapshotRegistry;
import com.chainatlas.support.ChainAtlasIntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13 (load): right after the data changed, the 招商清单 page shows the previous data's ranking with a note
 * while the new one is computed in the background, and replaces it by itself once it is ready (headless Chromium).
 */
@ChainAtlasIntegrationTest
class RankingRefreshBrowserTest {

    static BrowserSupport chromium;

    @LocalServerPort
    int port;

    @Autowired
    SnapshotRegistry snapshots;

    @Autowired
    @Qualifier("rankingExecutor")
    Executor rankingExecutor;

    @BeforeAll
    static void launch() throws Exception {
        chromium = BrowserSupport.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theListSaysItIsThePreviousDataAndRefreshesItself() {
        String base = "http://localhost:" + port;
        try (BrowserContext context = BrowserSupport.signedIn(chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1440, 900).setLocale("zh-CN")), base)) {
            context.setDefaultTimeout(60_000);
            Page page = context.newPage();
            page.navigate(base + "/#/targets?chain=NEV&region=320500&preset=ties");
            Locator rows = page.locator("[data-testid=targets-table] tbody tr");
            Locator note = page.locator("[data-testid=target-refreshing]");
            assertThat(rows.first()).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            assertThat(note).hasCount(0);

            CountDownLatch hold = new CountDownLatch(1);
            rankingExecutor.execute(() -> { // the background thread is busy: the new ranking stays pending
                try {
                    hold.await(90, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                snapshots.refresh("NEV"); // the data changed: a new snapshot version
                page.reload();
                assertThat(note).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
                assertThat(note).containsText("更新前");
                assertThat(rows.first()).isVisible();
                page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.SHOTS.resolve("targets-refreshing.png")));
            } finally {
                hold.countDown();
            }
            // the page asks again every 2 s and the note goes once the new ranking is there
            assertThat(note).hasCount(0, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(60_000));
            assertThat(rows.first()).isVisible();
        }
    }
}
