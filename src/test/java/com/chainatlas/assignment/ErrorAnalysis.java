package com.chainatlas.assignment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.chainatlas.assignment.AssignmentEvaluation.Company;
import com.chainatlas.assignment.AssignmentEvaluation.Data;

import tools.jackson.databind.json.JsonMapper;

/**
 * Round 4 of 挂链 (docs/assignment.md): where {@link Method#DEFAULT} goes wrong on the real data (products + company
 * name, no 所属行业), on the same 5 folds as {@link AssignmentEvaluation}: misses by chain, the most frequent
 * confusions (siblings under one level-2 or not), by the amount of product text and the size of the true segment,
 * near-duplicate held-out/training pairs with different labels, and how far down the ranking the truth is.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat CP) com.chainatlas.assignment.ErrorAnalysis ../shared/data
 * </pre>
 */
public final class ErrorAnalysis {

    /** One held-out company: its rank of the truth (0-based, −1 = no score), margin, nearest training firm. */
    record Row(Company c, String predicted, int rank, double margin, int phrases, int chars, int truthFirms,
               double nearestSim, String nearestLabel, boolean sibling, double verbatimTruth, double verbatimPredicted) {
    }

    private ErrorAnalysis() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Data data = Data.read(dir);
        Map<String, String> names = new HashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String l : Files.readAllLines(dir.resolve("industry-chain/industry.json"))) {
            if (!l.isBlank()) {
                var n = json.readTree(l);
                names.put(n.get("code").asString(), n.get("name").asString());
            }
        }
        // Level-3 names of codes missing from industry.json come from the segments (company_industry.json).
        data.segmentsByChain.values().forEach(ss -> ss.forEach(seg -> names.putIfAbsent(seg.id(), seg.name())));
        List<Row> rows = rows(data, Method.DEFAULT);
        int n = rows.size();
        System.out.printf(Locale.ROOT, "%d held-out companies%n", n);
        // Recall at depth: what a perfect re-ranker of the first k could reach.
        for (int k : new int[] {1, 2, 3, 5, 10}) {
            long in = rows.stream().filter(r -> r.rank() >= 0 && r.rank() < k).count();
            System.out.printf(Locale.ROOT, "truth within first %d: %.3f%n", k, (double) in / n);
        }
        List<Row> byMargin = rows.stream().sorted(Comparator.comparingDouble(Row::margin).reversed()).toList();
        List<Row> upper = byMargin.subList(0, n / 2);
        Set<Row> upperSet = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        upperSet.addAll(upper);
        long upperErr = upper.stream().filter(r -> r.rank() != 0).count();
        System.out.printf(Locale.ROOT, "upper half by margin: %d, errors %d (precision %.3f); 0.90 needs ≤ %d errors%n",
                upper.size(), upperErr, 1 - (double) upperErr / upper.size(), (int) Math.floor(upper.size() * 0.1));

        System.out.println("\n== by chain: n, top-1 errors, top-3 misses, errors in the upper half, segments");
        Map<String, List<Row>> byChain = rows.stream().collect(Collectors.groupingBy(r -> r.c().chain(), TreeMap::new, Collectors.toList()));
        byChain.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, List<Row>> e) ->
                        e.getValue().stream().filter(r -> r.rank() != 0).count()).reversed())
                .forEach(e -> {
                    List<Row> rs = e.getValue();
                    long err = rs.stream().filter(r -> r.rank() != 0).count();
                    long miss3 = rs.stream().filter(r -> r.rank() < 0 || r.rank() > 2).count();
                    long up = rs.stream().filter(r -> r.rank() != 0 && upperSet.contains(r)).count();
                    System.out.printf(Locale.ROOT, "  %s %-6s n=%4d err=%4d (%.2f) miss3=%3d upperErr=%3d segs=%d%n", e.getKey(),
                            names.get(e.getKey()), rs.size(), err, (double) err / rs.size(), miss3, up,
                            data.segmentsByChain.get(e.getKey()).size());
                });

        List<Row> errors = rows.stream().filter(r -> r.rank() != 0).toList();
        long sib = errors.stream().filter(Row::sibling).count();
        long sibUp = errors.stream().filter(r -> r.sibling() && upperSet.contains(r)).count();
        System.out.printf(Locale.ROOT, "%n== %d top-1 errors: %d (%.2f) predicted a sibling under the same level-2; upper half: %d of %d%n",
                errors.size(), sib, (double) sib / errors.size(), sibUp, upperErr);
        System.out.println("\n== most frequent confusions truth → predicted (count, sibling?)");
        Map<String, Long> pairs = errors.stream().collect(Collectors.groupingBy(
                r -> names.get(r.c().industry()) + " → " + names.get(r.predicted()) + (r.sibling() ? "  [sib]" : ""), Collectors.counting()));
        pairs.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(30)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %3d  %s%n", e.getValue(), e.getKey()));
        // Unordered pairs: how many errors the 30 most confused pairs of segments hold.
        Map<String, Long> unordered = errors.stream().collect(Collectors.groupingBy(r -> {
            String a = r.c().industry();
            String b = String.valueOf(r.predicted());
            return a.compareTo(b) < 0 ? a + b : b + a;
        }, Collectors.counting()));
        List<Long> sizes = unordered.values().stream().sorted(Comparator.reverseOrder()).toList();
        System.out.printf(Locale.ROOT, "  %d distinct unordered pairs; the 10 / 30 / 100 largest hold %d / %d / %d errors%n", sizes.size(),
                sizes.stream().limit(10).mapToLong(Long::longValue).sum(), sizes.stream().limit(30).mapToLong(Long::longValue).sum(),
                sizes.stream().limit(100).mapToLong(Long::longValue).sum());

        System.out.println("\n== by product phrases (excluding the name): n, top-1, top-3, share of all errors");
        bucket(rows, r -> r.phrases() <= 1 ? "1" : r.phrases() <= 3 ? "2-3" : r.phrases() <= 9 ? "4-9" : "10+", errors.size());
        System.out.println("== by characters of product text");
        bucket(rows, r -> r.chars() <= 4 ? "≤4" : r.chars() <= 10 ? "5-10" : r.chars() <= 30 ? "11-30" : ">30", errors.size());
        System.out.println("== by training firms in the true segment");
        bucket(rows, r -> r.truthFirms() == 0 ? "0" : r.truthFirms() <= 2 ? "1-2" : r.truthFirms() <= 9 ? "3-9" : r.truthFirms() <= 29 ? "10-29" : "30+", errors.size());
        System.out.println("== by cosine to the nearest training firm");
        bucket(rows, r -> r.nearestSim() >= 0.9 ? "≥0.9" : r.nearestSim() >= 0.7 ? "0.7-0.9" : r.nearestSim() >= 0.5 ? "0.5-0.7" : "<0.5", errors.size());
        long dupOther = rows.stream().filter(r -> r.nearestSim() >= 0.9 && !r.c().industry().equals(r.nearestLabel())).count();
        long dupAll = rows.stream().filter(r -> r.nearestSim() >= 0.9).count();
        System.out.printf(Locale.ROOT, "near-duplicates (cosine ≥ 0.9 to a training firm): %d, of which the nearest has another label: %d%n", dupAll, dupOther);

        // Label noise independent of the model: identical normalised product sets with different level-3 labels.
        Map<String, Set<String>> labelsOfSet = new HashMap<>();
        Map<String, Integer> countOfSet = new HashMap<>();
        for (Company c : data.companies) {
            String key = c.chain() + "|" + c.phrases().stream().map(p -> FirmText.normalise(p.text())).sorted().collect(Collectors.joining("/"));
            labelsOfSet.computeIfAbsent(key, k -> new TreeSet<>()).add(c.industry());
            countOfSet.merge(key, 1, Integer::sum);
        }
        long sets = countOfSet.values().stream().filter(x -> x > 1).count();
        long conflicting = labelsOfSet.entrySet().stream().filter(e -> e.getValue().size() > 1).count();
        long conflictingFirms = labelsOfSet.entrySet().stream().filter(e -> e.getValue().size() > 1).mapToLong(e -> countOfSet.get(e.getKey())).sum();
        System.out.printf(Locale.ROOT, "identical product lists within a chain shared by ≥ 2 companies: %d lists; with different labels: %d lists, %d companies%n",
                sets, conflicting, conflictingFirms);
        labelsOfSet.entrySet().stream().filter(e -> e.getValue().size() > 1).limit(12).forEach(e -> System.out.println("    "
                + e.getKey().substring(e.getKey().indexOf('|') + 1) + " → " + e.getValue().stream().map(names::get).toList()));

        // An objective counterpart of reading the errors: whose training firms used the firm's product names verbatim?
        for (String part : new String[] {"upper-half errors", "all errors"}) {
            List<Row> rs = rows.stream().filter(r -> r.rank() != 0 && (part.startsWith("all") || upperSet.contains(r))).toList();
            long pred = rs.stream().filter(r -> r.verbatimPredicted() > r.verbatimTruth()).count();
            long truth = rs.stream().filter(r -> r.verbatimTruth() > r.verbatimPredicted()).count();
            long none = rs.stream().filter(r -> r.verbatimTruth() == 0 && r.verbatimPredicted() == 0).count();
            System.out.printf(Locale.ROOT, "verbatim product names, %s (%d): more of them among the predicted segment's firms %d, among the true segment's %d, tie %d (of which in neither %d)%n",
                    part, rs.size(), pred, truth, rs.size() - pred - truth, none);
        }
        System.out.println("\n== confident errors (upper half by margin), a sample of 40 (seeded)");
        List<Row> confident = new ArrayList<>(upper.stream().filter(r -> r.rank() != 0).toList());
        Collections.shuffle(confident, new Random(7));
        confident.stream().limit(40).forEach(r -> System.out.printf(Locale.ROOT, "  m=%.2f %s truth=%s pred=%s%s rank=%d nn=%.2f(%s) | %s%n",
                r.margin(), r.c().name(), names.get(r.c().industry()), names.get(r.predicted()), r.sibling() ? "[sib]" : "", r.rank(),
                r.nearestSim(), names.get(r.nearestLabel()),
                r.c().phrases().stream().filter(p -> !p.fromName()).map(p -> p.text() + String.format(Locale.ROOT, ":%.2f", p.weight()))
                        .limit(8).collect(Collectors.joining(", "))));
    }

    /** The √share-weighted fraction of the product phrases seen verbatim among a segment's training firms. */
    private static double verbatim(List<Phrase> products, Set<String> seen) {
        double all = 0;
        double hit = 0;
        for (Phrase p : products) {
            double w = Math.sqrt(p.weight());
            all += w;
            hit += seen.contains(FirmText.normalise(p.text())) ? w : 0;
        }
        return all > 0 ? hit / all : 0;
    }

    private static void bucket(List<Row> rows, java.util.function.Function<Row, String> key, int errors) {
        Map<String, List<Row>> b = rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        b.forEach((k, rs) -> {
            long t1 = rs.stream().filter(r -> r.rank() == 0).count();
            long t3 = rs.stream().filter(r -> r.rank() >= 0 && r.rank() < 3).count();
            System.out.printf(Locale.ROOT, "  %-7s n=%4d top-1 %.3f top-3 %.3f errors %4d (%.2f of all)%n", k, rs.size(),
                    (double) t1 / rs.size(), (double) t3 / rs.size(), rs.size() - t1, (double) (rs.size() - t1) / errors);
        });
    }

    /** Held-out rows of all 5 folds (products + company name). */
    static List<Row> rows(Data data, Method method) {
        List<Company> shuffled = new ArrayList<>(data.named);
        Collections.shuffle(shuffled, new Random(AssignmentEvaluation.SEED));
        List<Row> out = new ArrayList<>();
        for (int fold = 0; fold < AssignmentEvaluation.FOLDS; fold++) {
            Map<String, List<SegmentModel.Example>> train = new TreeMap<>();
            Map<String, List<Company>> test = new TreeMap<>();
            for (int i = 0; i < shuffled.size(); i++) {
                Company c = shuffled.get(i);
                if (i % AssignmentEvaluation.FOLDS == fold) {
                    test.computeIfAbsent(c.chain(), k -> new ArrayList<>()).add(c);
                } else {
                    train.computeIfAbsent(c.chain(), k -> new ArrayList<>())
                            .add(new SegmentModel.Example(c.code(), c.name(), Set.of(c.industry()), c.phrases(), null));
                }
            }
            for (Map.Entry<String, List<Company>> e : test.entrySet()) {
                List<SegmentModel.Example> ex = train.getOrDefault(e.getKey(), List.of());
                SegmentModel model = SegmentModel.train(data.segmentsByChain.get(e.getKey()), ex, method);
                List<SegmentModel.Segment> segs = model.segments();
                Map<String, Integer> firms = new HashMap<>();
                ex.forEach(x -> x.segments().forEach(s -> firms.merge(s, 1, Integer::sum)));
                Map<String, Set<String>> seen = new HashMap<>();
                ex.forEach(x -> x.phrases().stream().filter(p -> !p.fromName()).forEach(p ->
                        x.segments().forEach(s -> seen.computeIfAbsent(s, k -> new java.util.HashSet<>()).add(FirmText.normalise(p.text())))));
                for (Company c : e.getValue()) {
                    SparseVector v = model.vector(c.phrases(), null);
                    double[] sims = new double[model.exampleCount()];
                    double[] score = model.scores(v, sims);
                    List<Phrase> products = c.phrases().stream().filter(p -> !p.fromName()).toList();
                    int chars = products.stream().mapToInt(p -> FirmText.normalise(p.text()).length()).sum();
                    int nn = -1;
                    for (int i = 0; i < sims.length; i++) {
                        if (nn < 0 || sims[i] > sims[nn]) {
                            nn = i;
                        }
                    }
                    String nnLabel = nn < 0 ? null : ex.get(nn).segments().iterator().next();
                    double nnSim = nn < 0 ? 0 : sims[nn];
                    if (score == null) {
                        out.add(new Row(c, null, -1, -1, products.size(), chars, firms.getOrDefault(c.industry(), 0), nnSim, nnLabel, false, 0, 0));
                        continue;
                    }
                    Integer[] order = new Integer[score.length];
                    for (int i = 0; i < order.length; i++) {
                        order[i] = i;
                    }
                    java.util.Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
                    int rank = -1;
                    for (int i = 0; i < order.length; i++) {
                        if (segs.get(order[i]).id().equals(c.industry())) {
                            rank = score[order[i]] > 0 ? i : -1;
                        }
                    }
                    double margin = score[order[0]] - (order.length > 1 ? score[order[1]] : 0);
                    SegmentModel.Segment pred = segs.get(order[0]);
                    String truthParent = data.level2.get(c.industry());
                    boolean sibling = rank != 0 && truthParent != null && truthParent.equals(data.level2.get(pred.id()));
                    out.add(new Row(c, pred.id(), rank, margin, products.size(), chars, firms.getOrDefault(c.industry(), 0), nnSim, nnLabel, sibling,
                            verbatim(products, seen.getOrDefault(c.industry(), Set.of())), verbatim(products, seen.getOrDefault(pred.id(), Set.of()))));
                }
            }
        }
        return out;
    }
}
