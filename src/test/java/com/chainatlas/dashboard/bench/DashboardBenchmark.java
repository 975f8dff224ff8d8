package com.chainatlas.dashboard.bench;

import com.chainatlas.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import com.chainatlas.ChainAtlasApplication;
import com.chainatlas.chain.ChainService;
import com.chainatlas.chain.ChainModel.Segment;
import com.chainatlas.dashboard.DashboardService;
import com.chainatlas.project.LedgerVersion;
import com.chainatlas.project.ProjectStage;
import com.chainatlas.project.ProjectStore;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.region.RegionLevel;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Dashboard benchmark (not a test): starts the app on a fresh embedded database with the demo data (profile "it"),
 * writes a province's ledger — P projects (default 10,000) and P/4 leads spread over its cities and counties, stages
 * and dates drawn at random up to today, 80 % with a known investment, 10 % 增资/扩产, 5 % terminated, 5 % suspended —
 * as {@code (:Project)}/{@code (:Lead)} nodes with the properties the ledger stores (UNWIND batches with parameters),
 * then times {@code GET /api/dashboard} for the province and its capital city: the first call, then N warm calls
 * (default 60, cache hits), then N/3 calls each after the ledger version moved (cache misses: the first call after a
 * write), and prints p50/p99 (goal ≤ 300 ms), plus the service alone after a write.
 *
 * <p>Run: {@code scripts/bench-dashboard.sh [N calls, default 60] [projects, default 10000] [province, default 340000]}.
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int projects = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 10_000;
        String province = args.length > 2 ? args[2] : "340000";
        SpringApplication app = new SpringApplication(ChainAtlasApplication.class);
        app.setAdditionalProfiles("it");
        try (ConfigurableApplicationContext ctx = app.run("--server.port=0", "--logging.level.root=WARN")) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            RegionCatalog regions = ctx.getBean(RegionCatalog.class);
            Neo4jClient neo4j = ctx.getBean(Neo4jClient.class);
            LocalDate today = LocalDate.now(ctx.getBean(Clock.class));
            List<String> segments = ctx.getBean(ChainService.class).segments("NEV").stream().map(Segment::id).toList();
            Region prov = regions.find(province).orElseThrow();
            List<String> places = new ArrayList<>();
            for (Region city : regions.children(prov.code())) {
                places.add(city.code()); // some projects are filed at city level (市本级)
                regions.children(city.code()).forEach(c -> places.add(c.code()));
            }
            long t0 = System.nanoTime();
            write(neo4j, projects, places, segments, today);
            System.out.printf(Locale.ROOT, "%s %s: wrote %,d projects and %,d leads over %d cities/counties in %.1f s; %d cores%n",
                    prov.code(), prov.name(), projects, projects / 4, places.size(), ms(t0) / 1000,
                    Runtime.getRuntime().availableProcessors());
            String city = regions.children(prov.code()).get(0).code();
            HttpClient http = HttpClient.newHttpClient();
            LedgerVersion version = ctx.getBean(LedgerVersion.class);
            version.changed(); // the projects above were written behind the ledger's back
            for (String region : List.of(prov.code(), city)) {
                URI uri = URI.create("http://localhost:" + port + "/api/dashboard?region=" + region);
                long c = System.nanoTime();
                int bytes = get(http, uri);
                System.out.printf(Locale.ROOT, "GET /api/dashboard?region=%s first call %.0f ms (%,d bytes)%n", region, ms(c), bytes);
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    get(http, uri);
                    times.add(ms(t));
                }
                report("GET /api/dashboard?region=" + region + " (cached)", times);
                // the first call after a ledger write: the version moves, so the ledger is read and counted again
                List<Double> misses = new ArrayList<>();
                for (int i = 0; i < Math.max(5, n / 3); i++) {
                    version.changed(); // outside a transaction: advances at once, as a write elsewhere would
                    long t = System.nanoTime();
                    get(http, uri);
                    misses.add(ms(t));
                }
                report("GET /api/dashboard?region=" + region + " (after a write)", misses);
            }
            DashboardService service = ctx.getBean(DashboardService.class);
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                version.changed();
                long t = System.nanoTime();
                service.dashboard(prov.code(), null, null, null);
                times.add(ms(t));
            }
            report("service dashboard(" + prov.code() + ") after a write", times);
            times.clear();
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                service.dashboard(prov.code(), null, null, null);
                times.add(ms(t));
            }
            report("service dashboard(" + prov.code() + ") cached", times);
        }
    }

    private static int get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> r = http.send(Api.request(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r.body().length();
    }

    /** Projects and leads with the ledger's property names (see ProjectStore.save, Neo4jLedgerFactsSource). */
    private static void write(Neo4jClient neo4j, int count, List<String> places, List<String> segments, LocalDate today) {
        SplittableRandom rnd = new SplittableRandom(12);
        ProjectStage[] stages = ProjectStage.values();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> p = new HashMap<>();
            p.put("id", "bench-p" + i);
            p.put("name", "基准项目" + i);
            p.put("enterpriseName", "基准企业" + i);
            p.put("regionCode", places.get(rnd.nextInt(places.size())));
            p.put("chainId", "NEV");
            p.put("segmentIds", List.of(segments.get(rnd.nextInt(segments.size()))));
            ProjectStage stage = stages[rnd.nextInt(stages.length)];
            LocalDate d = today.minusDays(rnd.nextInt(30, 1500));
            for (ProjectStage s : stages) {
                if (s.compareTo(stage) > 0 || d.isAfter(today)) {
                    break;
                }
                p.put(ProjectStore.dateKey(s), d);
                d = d.plusDays(rnd.nextInt(10, 400));
            }
            if (!p.containsKey(ProjectStore.dateKey(stage))) { // dates ran past today: the stage reached is the last dated
                int last = 0;
                for (ProjectStage s : stages) {
                    if (p.containsKey(ProjectStore.dateKey(s))) {
                        last = s.ordinal();
                    }
                }
                stage = stages[last];
            }
            p.put("stage", stage.name());
            int st = rnd.nextInt(100);
            p.put("status", st < 5 ? "TERMINATED" : st < 10 ? "SUSPENDED" : "ACTIVE");
            boolean expansion = rnd.nextInt(10) == 0;
            p.put("expansion", expansion);
            if (rnd.nextInt(5) > 0) {
                double yi = Math.round(rnd.nextDouble(0.1, 50) * 100) / 100.0;
                p.put("plannedInvestmentYi", yi);
                if (expansion) {
                    p.put("addedInvestmentYi", Math.round(yi * 0.3 * 100) / 100.0);
                }
            }
            p.put("responsible", "责任人" + rnd.nextInt(200));
            p.put("department", "招商" + rnd.nextInt(10) + "局");
            if (rnd.nextBoolean()) {
                p.put("nextActionDate", today.plusDays(rnd.nextInt(-60, 60)));
            }
            p.put("createdAt", today.minusDays(rnd.nextInt(0, 400)).atStartOfDay().atOffset(ZoneOffset.UTC));
            p.put("updatedAt", today.minusDays(rnd.nextInt(0, 90)).atStartOfDay().atOffset(ZoneOffset.UTC));
            batch.add(p);
            if (batch.size() == 1000 || i == count - 1) {
                neo4j.query("UNWIND $rows AS row CREATE (p:Project) SET p = row").bind(batch).to("rows").run();
                batch.clear();
            }
        }
        String[] statuses = {"NEW", "FOLLOWING", "FOLLOWING", "CONVERTED", "DROPPED"};
        for (int i = 0; i < count / 4; i++) {
            Map<String, Object> l = new HashMap<>();
            l.put("id", "bench-l" + i);
            l.put("enterpriseName", "线索企业" + i);
            l.put("regionCode", places.get(rnd.nextInt(places.size())));
            l.put("chainId", "NEV");
            l.put("segmentId", segments.get(rnd.nextInt(segments.size())));
            l.put("status", statuses[rnd.nextInt(statuses.length)]);
            l.put("responsible", "责任人" + rnd.nextInt(200));
            l.put("nextActionDate", today.plusDays(rnd.nextInt(-60, 60)));
            if (rnd.nextBoolean()) {
                l.put("lastContactOn", today.minusDays(rnd.nextInt(0, 90)));
            }
            l.put("createdAt", today.minusDays(rnd.nextInt(30, 400)).atStartOfDay().atOffset(ZoneOffset.UTC));
            batch.add(l);
            if (batch.size() == 1000 || i == count / 4 - 1) {
                neo4j.query("UNWIND $rows AS row CREATE (l:Lead) SET l = row").bind(batch).to("rows").run();
                batch.clear();
            }
        }
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static void report(String what, List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        double p50 = sorted.get((sorted.size() - 1) / 2);
        double p99 = sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1);
        System.out.printf(Locale.ROOT, "%-44s n=%d p50 %.0f ms, p99 %.0f ms, min %.0f ms, max %.0f ms%n", what,
                sorted.size(), p50, p99, sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
