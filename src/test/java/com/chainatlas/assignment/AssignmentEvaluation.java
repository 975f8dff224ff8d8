package com.chainatlas.assignment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures 挂链 on the listed-company data in {@code ../shared/data}: each company's main products (with revenue
 * share) → its 申万 level-3 industry within its level-1 industry (the chain). 5-fold cross-validation by company:
 * a fold's companies are never among the examples the model is trained on. The method and the baseline (plain
 * character-bigram TF-IDF nearest centroid) are run on the same folds.
 *
 * <pre>
 * ./mvnw -q -o -Dfrontend.skip=true test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=com.chainatlas.assignment.AssignmentEvaluation [-Dexec.args=../shared/data]
 * </pre>
 */
public final class AssignmentEvaluation {

    static final int FOLDS = 5;
    static final long SEED = 42;
    static final double[] COVERAGES = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0};

    /** One held-out company's outcome. */
    record Outcome(boolean top1, boolean top3, double margin, boolean sure) {
    }

    /** Figures of one method; {@code curve} maps coverage → (precision, margin threshold reaching it). */
    record Figures(String method, int companies, double top1, double top3, double sureCoverage, double surePrecision,
                   int noMatch, Map<Double, double[]> curve) {

        double precisionAt(double coverage) {
            return curve.get(coverage)[0];
        }
    }

    /** A labelled company of the data set. */
    record Company(String code, String name, String industry, String chain, List<Phrase> phrases, String registered) {

        /** The products plus the full name as the service adds it ({@link FirmText#phrases(String, String, String)}). */
        Company withName(String fullName) {
            List<Phrase> all = new ArrayList<>(phrases);
            List<Phrase> named = FirmText.phrases(fullName, "有", null); // any text, so that the name is added
            all.add(named.get(named.size() - 1));
            return new Company(code, name, industry, chain, List.copyOf(all), registered);
        }
    }

    private AssignmentEvaluation() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data");
        long t0 = System.nanoTime();
        Data data = Data.read(dir);
        List<Figures> all = List.of(evaluate(data.companies, data, Method.BASELINE, "baseline: bigram TF-IDF nearest centroid, products"),
                evaluate(data.companies, data, Method.DEFAULT, "method (Method.DEFAULT), products only"),
                evaluate(data.named, data, Method.DEFAULT, "method (Method.DEFAULT), products + company name (as the service does)"),
                evaluate(data.named, data, Method.DEFAULT,
                        "method (Method.DEFAULT), products + company name + 所属行业 = ts_industry (extra information)", true));
        all.forEach(f -> System.out.println(format(f)));
        System.out.printf(Locale.ROOT, "%d companies, %d chains, %d folds; %.1f s%n", data.companies.size(),
                data.segmentsByChain.size(), FOLDS, (System.nanoTime() - t0) / 1e9);
    }

    static String format(Figures f) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s%n  n=%d  top-1 %.3f  top-3 %.3f  no match %d%n  确定 (margin ≥ default): coverage %.3f, precision %.3f%n  precision at coverage:",
                f.method(), f.companies(), f.top1(), f.top3(), f.noMatch(), f.sureCoverage(), f.surePrecision()));
        f.curve().forEach((cov, pt) -> s.append(String.format(Locale.ROOT, "  %.0f%% %.3f (margin ≥ %.3f)", cov * 100, pt[0], pt[1])));
        return s.toString();
    }

    /** The real data, read once. */
    static final class Data {
        final List<Company> companies = new ArrayList<>();
        /** The same companies with their full names (a-share/companies.csv) as one more phrase, where known. */
        final List<Company> named = new ArrayList<>();
        final Map<String, List<SegmentModel.Segment>> segmentsByChain = new TreeMap<>();
        /** Level-3 code → its 申万 level-2 code (industry_industry.json, else the code's first four digits), for analyses. */
        final Map<String, String> level2 = new HashMap<>();

        static Data read(Path dir) {
            JsonMapper json = JsonMapper.builder().build();
            Path chainDir = dir.resolve("industry-chain");
            Map<String, String> names = new HashMap<>();
            Map<String, String> parent = new HashMap<>();
            lines(chainDir.resolve("industry.json"), json).forEach(n -> names.put(n.get("code").asString(), n.get("name").asString()));
            lines(chainDir.resolve("industry_industry.json"), json).forEach(n -> parent.put(n.get("from_code").asString(), n.get("to_code").asString()));
            Map<String, String> industryOf = new HashMap<>();
            for (JsonNode n : lines(chainDir.resolve("company_industry.json"), json)) {
                String code = n.get("industry_code").asString();
                industryOf.put(n.get("company_code").asString(), code);
                names.putIfAbsent(code, n.get("industry_name").asString());
            }
            Map<String, List<Phrase>> products = new LinkedHashMap<>();
            Map<String, String> companyName = new HashMap<>();
            for (JsonNode n : lines(chainDir.resolve("company_product.jsonl"), json)) {
                String code = n.get("company_code").asString();
                companyName.put(code, n.get("company_name").asString());
                double share = n.get("rel_weight").isNull() ? 1.0 : n.get("rel_weight").asDouble();
                // Shares outside [0, 1] are reporting artefacts (offsets, eliminations); keep them small, not out.
                products.computeIfAbsent(code, k -> new ArrayList<>())
                        .add(new Phrase(n.get("product_name").asString(), Math.min(Math.max(share, 0), 1) + 0.02));
            }
            Data d = new Data();
            Map<String, Set<String>> level3ByChain = new TreeMap<>();
            // A chain's segments: every level-3 industry under its level-1, whether or not a company has it.
            for (String code : names.keySet()) {
                String p = parent.get(code);
                if (p != null && parent.containsKey(p)) {
                    level3ByChain.computeIfAbsent(parent.get(p), k -> new TreeSet<>()).add(code);
                }
            }
            for (String code : new TreeSet<>(industryOf.keySet())) {
                if (!products.containsKey(code)) {
                    continue;
                }
                String industry = industryOf.get(code);
                String chain = chainOf(industry, parent);
                level3ByChain.computeIfAbsent(chain, k -> new TreeSet<>()).add(industry);
                d.companies.add(new Company(code, companyName.get(code), industry, chain, List.copyOf(products.get(code)),
                        null));
            }
            Map<String, String> fullNames = column(dir.resolve("a-share/companies.csv"), "fullname");
            Map<String, String> registered = column(dir.resolve("a-share/companies.csv"), "ts_industry");
            for (int i = 0; i < d.companies.size(); i++) {
                Company c = d.companies.get(i);
                d.companies.set(i, new Company(c.code(), c.name(), c.industry(), c.chain(), c.phrases(),
                        registered.get(c.code().split("\\.")[0])));
            }
            for (Company c : d.companies) {
                String full = fullNames.get(c.code().split("\\.")[0]);
                d.named.add(full == null ? c : c.withName(full));
            }
            level3ByChain.forEach((chain, codes) -> {
                d.segmentsByChain.put(chain, codes.stream().map(c -> new SegmentModel.Segment(c, names.get(c))).toList());
                codes.forEach(c -> d.level2.put(c, parent.getOrDefault(c, c.substring(0, 4) + "00")));
            });
            return d;
        }

        /** Level 1 from the hierarchy; for the few codes missing from it, from the code (申万: first two digits). */
        private static String chainOf(String level3, Map<String, String> parent) {
            String p = parent.get(level3);
            return p != null && parent.containsKey(p) ? parent.get(p) : level3.substring(0, 2) + "0000";
        }

        /** Stock code → a column's value where not blank; the file is plain comma-separated with no quoted fields. */
        private static Map<String, String> column(Path csv, String column) {
            Map<String, String> out = new HashMap<>();
            try {
                List<String> rows = Files.readAllLines(csv);
                List<String> header = List.of(rows.get(0).split(","));
                int code = header.indexOf("code");
                int full = header.indexOf(column);
                for (String row : rows.subList(1, rows.size())) {
                    String[] f = row.split(",", -1);
                    if (f.length > Math.max(code, full) && !f[full].isBlank()) {
                        out.put(f[code], f[full]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }

        private static List<JsonNode> lines(Path file, JsonMapper json) {
            try {
                return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(json::readTree).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Figures evaluate(List<Company> companies, Data data, Method method, String label) {
        return evaluate(companies, data, method, label, false);
    }

    /** {@code registered}: give the model each company's registered industry (ts_industry), as an office's 所属行业. */
    static Figures evaluate(List<Company> companies, Data data, Method method, String label, boolean registered) {
        List<Company> shuffled = new ArrayList<>(companies);
        Collections.shuffle(shuffled, new Random(SEED));
        List<Outcome> outcomes = new ArrayList<>();
        int noMatch = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            Map<String, List<SegmentModel.Example>> train = new TreeMap<>();
            Map<String, List<Company>> test = new TreeMap<>();
            for (int i = 0; i < shuffled.size(); i++) {
                Company c = shuffled.get(i);
                if (i % FOLDS == fold) {
                    test.computeIfAbsent(c.chain(), k -> new ArrayList<>()).add(c);
                } else {
                    train.computeIfAbsent(c.chain(), k -> new ArrayList<>())
                            .add(new SegmentModel.Example(c.code(), c.name(), Set.of(c.industry()), c.phrases(),
                                    registered ? c.registered() : null));
                }
            }
            for (Map.Entry<String, List<Company>> e : test.entrySet()) {
                SegmentModel model = SegmentModel.train(data.segmentsByChain.get(e.getKey()),
                        train.getOrDefault(e.getKey(), List.of()), method);
                for (Company c : e.getValue()) {
                    SegmentModel.Proposal p = model.propose(c.phrases(), registered ? c.registered() : null);
                    if (!p.matched()) {
                        noMatch++;
                    }
                    List<String> ids = p.ranked().stream().map(SegmentModel.Alternative::segmentId).toList();
                    outcomes.add(new Outcome(!ids.isEmpty() && ids.get(0).equals(c.industry()), ids.contains(c.industry()),
                            p.matched() ? p.margin() : -1, p.confidence() == Confidence.SURE));
                }
            }
        }
        return figures(label, outcomes, noMatch);
    }

    /** The figures of held-out outcomes: top-1, top-3, 确定 coverage and precision, precision by margin at coverages. */
    static Figures figures(String label, List<Outcome> outcomes, int noMatch) {
        int n = outcomes.size();
        long sure = outcomes.stream().filter(Outcome::sure).count();
        long sureRight = outcomes.stream().filter(o -> o.sure() && o.top1()).count();
        List<Outcome> byMargin = outcomes.stream().sorted(Comparator.comparingDouble(Outcome::margin).reversed()).toList();
        Map<Double, double[]> curve = new LinkedHashMap<>();
        for (double cov : COVERAGES) {
            int k = Math.max(1, (int) Math.round(n * cov));
            long right = byMargin.subList(0, k).stream().filter(Outcome::top1).count();
            curve.put(cov, new double[] {(double) right / k, byMargin.get(k - 1).margin()});
        }
        return new Figures(label, n, share(outcomes, Outcome::top1), share(outcomes, Outcome::top3), (double) sure / n,
                sure == 0 ? Double.NaN : (double) sureRight / sure, noMatch, curve);
    }

    private static double share(List<Outcome> outcomes, java.util.function.Predicate<Outcome> p) {
        return (double) outcomes.stream().filter(p).count() / outcomes.size();
    }
}
