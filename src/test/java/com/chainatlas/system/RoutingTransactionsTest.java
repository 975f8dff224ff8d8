package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.chainatlas.ChainAtlasApplication;
import com.chainatlas.support.Api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.SessionConfig;
import org.neo4j.graphdb.Label;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routing-aware data access against a Neo4j harness on its own Bolt port (as a server would be): every session the
 * app opens is recorded (access mode, bookmarks) by wrapping its Driver, so the tests see what real endpoints ask a
 * cluster for. Reads run in READ sessions (a cluster serves them from any member), writes in WRITE sessions, a read
 * transaction cannot write, and bookmarks flow from a write to the browser's next read through the bookmark cookie,
 * also from a write this instance never saw; a request does not wait for others' writes, and reads hand out none.
 */
class RoutingTransactionsTest {

    record Opened(String thread, AccessMode mode, Set<Bookmark> bookmarks) {
    }

    static final List<Opened> opened = new CopyOnWriteArrayList<>();
    static Neo4j server;
    static ConfigurableApplicationContext app;
    static Api api;

    @BeforeAll
    static void start() {
        server = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
        server.defaultDatabaseService().executeTransactionally("CREATE (:Chain {id: 'RT-PROBE', name: '路由探针链'})");
        app = new SpringApplicationBuilder(ChainAtlasApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new RecordingDriver()))
                .run("--server.port=0", "--spring.neo4j.uri=" + server.boltURI(), "--chainatlas.demo.enabled=false",
                        "--chainatlas.snapshots.warm-up=false",
                        // no background reads (data versions, the import queue's tick): on a single server every read
                        // commit hands the instance the newest bookmark, which would hide whether the cookie carried it
                        "--chainatlas.snapshots.poll-interval=1h", "--chainatlas.import.tick=1h",
                        "--chainatlas.security.admin-password=" + Api.ADMIN_PASSWORD, "--chainatlas.security.bcrypt-strength=4");
        api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    /** Sessions opened by Tomcat's request threads while {@code call} runs. */
    static List<Opened> during(Runnable call) {
        opened.clear();
        call.run();
        return new ArrayList<>(opened.stream().filter(o -> o.thread().startsWith("http-")).toList());
    }

    static final String NEW_LEAD = """
            {"enterpriseName":"路由探针公司","regionCode":"340100","chainId":"RT-PROBE","source":"SELF","responsible":"路由测试"}
            """;

    @Test
    void readEndpointsOpenReadSessionsAndWritesWriteSessions() {
        for (String path : List.of("/api/leads?responsible=路由测试", "/api/chains")) {
            List<Opened> reads = during(() -> api.ok(path.replace("路由测试", "%E8%B7%AF%E7%94%B1%E6%B5%8B%E8%AF%95")));
            assertThat(reads).as(path).isNotEmpty().allSatisfy(o -> assertThat(o.mode()).isEqualTo(AccessMode.READ));
        }
        List<Opened> writes = during(() -> assertThat(api.postJson("/api/leads", NEW_LEAD).status()).isEqualTo(201));
        // the first session is the HTTP Basic sign-in's account lookup, a read; the lead is written in WRITE sessions
        assertThat(writes.get(0).mode()).isEqualTo(AccessMode.READ);
        assertThat(writes.subList(1, writes.size())).isNotEmpty().allSatisfy(o -> assertThat(o.mode()).isEqualTo(AccessMode.WRITE));
        try (var tx = server.defaultDatabaseService().beginTx()) {
            assertThat(tx.findNodes(Label.label("Lead"), "responsible", "路由测试").stream().count()).isPositive();
        }
    }

    @Test
    void aReadTransactionCannotWrite() {
        Neo4jClient neo4j = app.getBean(Neo4jClient.class);
        TransactionTemplate readOnly = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        readOnly.setReadOnly(true);
        assertThatThrownBy(() -> readOnly.executeWithoutResult(
                s -> neo4j.query("CREATE (:RoutingProbe {id: 'read-tx'})").run()))
                .hasStackTraceContaining("read access mode");
        try (var tx = server.defaultDatabaseService().beginTx()) {
            assertThat(tx.findNodes(Label.label("RoutingProbe")).stream().count()).isZero();
        }
    }

    @Test
    void aWriteHandsItsBookmarkToTheNextReadAndToTheBrowser() {
        ScopedBookmarks manager = app.getBean(ScopedBookmarks.class);
        Set<Bookmark> before = Set.copyOf(manager.instanceBookmarks());
        HttpResponse<String> created = api.exchange(HttpRequest.newBuilder(api.uri("/api/leads"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(NEW_LEAD)).build());
        assertThat(created.statusCode()).isEqualTo(201);
        Set<Bookmark> after = Set.copyOf(manager.instanceBookmarks());
        assertThat(after).isNotEmpty().isNotEqualTo(before);

        // The browser gets the new bookmark in the cookie …
        String cookie = created.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(BookmarkCookie.NAME + "=")).reduce((a, b) -> b).orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/");
        String value = cookie.substring(BookmarkCookie.NAME.length() + 1, cookie.indexOf(';'));
        Set<Bookmark> written = BookmarkCookie.parse(value);
        assertThat(written).isNotEmpty().isSubsetOf(after);

        // … and the browser's next read starts from it.
        List<Opened> read = during(() -> assertThat(api.exchange(HttpRequest.newBuilder(api.uri("/api/leads"))
                .header("Cookie", BookmarkCookie.NAME + "=" + value).GET().build()).statusCode()).isEqualTo(200));
        assertThat(read).isNotEmpty().allSatisfy(o -> assertThat(o.bookmarks()).containsAll(written));
    }

    @Test
    void aRequestWaitsOnlyForItsOwnWritesAndAReadHandsOutNothing() {
        // A write outside any request (as the import worker or a lease renewal makes): background work starts from
        // it, a request does not (while a large import is applied, such a bookmark made every request's BEGIN wait).
        app.getBean(org.springframework.data.neo4j.core.Neo4jClient.class)
                .query("CREATE (:RoutingProbe {id: 'background'})").run();
        Set<Bookmark> background = Set.copyOf(app.getBean(ScopedBookmarks.class).instanceBookmarks());
        assertThat(background).isNotEmpty();
        List<Opened> read = during(() -> api.ok("/api/leads"));
        assertThat(read).isNotEmpty().allSatisfy(o -> assertThat(o.bookmarks()).doesNotContainAnyElementsOf(background));

        // A read's commit returns the server's last committed id; it must not become anyone's bookmark.
        HttpResponse<String> again = api.exchange(HttpRequest.newBuilder(api.uri("/api/leads")).GET().build());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(BookmarkCookie.NAME + "="));
        assertThat(app.getBean(ScopedBookmarks.class).instanceBookmarks()).isEqualTo(background);
        server.defaultDatabaseService().executeTransactionally("MATCH (p:RoutingProbe) DELETE p");
    }

    @Test
    void aBookmarkInTheCookieReachesAnInstanceThatNeverSawTheWrite() {
        // A write through another client (as another app instance would write): this app knows nothing of it.
        Bookmark elsewhere;
        try (Driver other = GraphDatabase.driver(server.boltURI(), AuthTokens.none());
             var session = other.session()) {
            session.executeWrite(tx -> tx.run("CREATE (:RoutingProbe {id: 'other-instance'})").consume());
            elsewhere = session.lastBookmarks().iterator().next();
        }
        assertThat(app.getBean(ScopedBookmarks.class).instanceBookmarks()).doesNotContain(elsewhere);

        String cookie = BookmarkCookie.NAME + "=" + BookmarkCookie.format(List.of(elsewhere));
        List<Opened> with = during(() -> assertThat(api.exchange(HttpRequest.newBuilder(api.uri("/api/leads"))
                .header("Cookie", cookie).GET().build()).statusCode()).isEqualTo(200));
        assertThat(with).isNotEmpty().allSatisfy(o -> assertThat(o.bookmarks()).contains(elsewhere));
        server.defaultDatabaseService().executeTransactionally("MATCH (p:RoutingProbe) DELETE p");
    }

    @Test
    void cookieValuesAreCheckedAndBounded() {
        assertThat(BookmarkCookie.parse(null)).isEmpty();
        assertThat(BookmarkCookie.parse("not base64 !")).isEmpty();
        // Decodes to text with a space: not a bookmark's shape.
        assertThat(BookmarkCookie.parse(java.util.Base64.getUrlEncoder().encodeToString("FB:a b".getBytes()))).isEmpty();
        List<Bookmark> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(Bookmark.from("FB:probe" + i));
        }
        Set<Bookmark> back = BookmarkCookie.parse(BookmarkCookie.format(many));
        assertThat(back).hasSize(BookmarkCookie.MAX_BOOKMARKS);
        assertThat(new HashSet<>(many)).containsAll(back);
        assertThat(BookmarkCookie.parse("x".repeat(BookmarkCookie.MAX_COOKIE_LENGTH + 1))).isEmpty();
    }

    /** Wraps the app's Driver so every session's configuration is recorded. */
    static final class RecordingDriver implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (!(bean instanceof Driver driver) || Proxy.isProxyClass(bean.getClass())) {
                return bean;
            }
            return Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] {Driver.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("session") && args != null) {
                            for (Object arg : args) {
                                if (arg instanceof SessionConfig config) {
                                    Set<Bookmark> bookmarks = new HashSet<>();
                                    if (config.bookmarks() != null) {
                                        config.bookmarks().forEach(bookmarks::add);
                                    }
                                    // the app's bookmarks come from the session's manager (system/ScopedBookmarks)
                                    config.bookmarkManager().ifPresent(m -> bookmarks.addAll(m.getBookmarks()));
                                    opened.add(new Opened(Thread.currentThread().getName(),
                                            config.defaultAccessMode(), bookmarks));
                                }
                            }
                        }
                        try {
                            return method.invoke(driver, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
