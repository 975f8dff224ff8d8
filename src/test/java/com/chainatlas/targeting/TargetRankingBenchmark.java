package com.chainatlas.targeting;

import com.chainatlas.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.chainatlas.ChainAtlasApplication;
import com.chainatlas.system.Paging;
import com.chainatlas.targeting.TargetModel.TargetQuery;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ranking benchmark (not a test): starts the app on a fresh embedded database with the demo data (profile
 * "it"), then times the 招商清单 ranking for a chain and region: the first (cold) call, then N warm calls, both
 * in the service (whole ranking) and over HTTP (first page, as the UI asks), and prints p50/p99.
 *
 * <p>Run: {@code scripts/bench-targets.sh [N, default 30] [chain, default NEV] [region, default 340100]}.
 */
public final class TargetRankingBenchmark {

    private TargetRankingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String chain = args.length > 1 ? args[1] : "NEV";
        String region = args.length > 2 ? args[2] : "340100";
        SpringApplication app = new SpringApplication(ChainAtlasApplication.class);
        app.setAdditionalProfiles("it");
        try (ConfigurableApplicationContext ctx = app.run("--server.port=0", "--logging.level.root=WARN")) {
            TargetService targets = ctx.getBean(TargetService.class);
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            TargetQuery q = new TargetQuery(chain, region, null, null, null, null, null, null, null, null, null);
            long t0 = System.nanoTime();
            int total = targets.rankAll(q).rows().size();
            System.out.printf(Locale.ROOT, "%s/%s: %,d candidates; cold rankAll %.0f ms%n", chain, region, total, ms(t0));
            List<Double> service = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                targets.rank(q, new Paging(0, 20));
                service.add(ms(t));
            }
            report("service rank (page 0, size 20)", service);
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://localhost:" + port + "/api/targets?chain=" + chain + "&region=" + region + "&size=20");
            List<Double> web = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = http.send(Api.request(uri).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                }
                web.add(ms(t));
            }
            report("GET /api/targets (page 0, size 20)", web);
            List<Double> presets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String preset = List.of("balanced", "leaders", "ties", "innovation").get(i % 4);
                long t = System.nanoTime();
                targets.rank(new TargetQuery(chain, region, null, null, preset, null, null, null, null, null, null), new Paging(0, 20));
                presets.add(ms(t));
            }
            report("service rank, preset changing each call", presets);
            // What is left of a warm ranking: the diagnosis it starts from.
            var diagnosis = ctx.getBean(com.chainatlas.analysis.DiagnosisService.class);
            List<Double> diag = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                diagnosis.diagnose(chain, region, null, com.chainatlas.analysis.DiagnosisSettings.Overrides.none());
                diag.add(ms(t));
            }
            report("of which: diagnosis alone", diag);
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
        System.out.printf(Locale.ROOT, "%-42s n=%d p50 %.0f ms, p99 %.0f ms, min %.0f ms%n", what, sorted.size(), p50, p99, sorted.get(0));
    }
}
