package com.chainatlas.assignment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import com.chainatlas.assignment.AssignmentEvaluation.Company;
import com.chainatlas.assignment.AssignmentEvaluation.Data;
import com.chainatlas.assignment.AssignmentEvaluation.Outcome;
import com.chainatlas.targeting.linkprediction.BoostedTrees;

/**
 * Round 4 of 挂链 (docs/assignment.md): a second stage over the method's first {@link #DEPTH} segments, on the same
 * 5 folds as {@link AssignmentEvaluation} (products + company name, no 所属行业).
 *
 * <p>Per candidate segment, features from several views: the method's blended score, its centroid cosine and kNN vote,
 * the nearest firm of that segment, a product-level vote (each product phrase votes for its own nearest centroid,
 * weighted by √share), a BM25 score of the firm's features against the segment's firms taken as one document, the
 * share of the firm's product phrases seen verbatim among the segment's firms, the segment's size and the company
 * name's match. Variants: (a) a re-ranker — the repository's boosted trees ({@code BoostedTrees}, pointwise, logistic
 * loss), trained per outer fold on candidates from a 5-fold inner cross-validation of that fold's training companies
 * only; (b) the method's score plus λ × the product-level vote, no learning; (c) the margin plus a bonus for agreeing
 * views. The held-out fold is never looked at before it is scored.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat CP) com.chainatlas.assignment.RerankExperiment ../shared/data [confusion]
 * </pre>
 */
public final class RerankExperiment {

    static final int DEPTH = 5;
    static final int INNER = 5;
    static final String[] FEATURES = {"rank", "score", "score−first", "score−next", "cos/max", "cos", "vote", "nearest firm",
            "product vote", "product soft vote", "top product's segment", "bm25/max", "bm25", "verbatim phrases", "log firms",
            "firms/max", "log segments", "name cos", "max cos", "log phrases", "agreeing views"};

    /** A held-out company's first {@link #DEPTH} segments by the method, best first, and their feature rows. */
    record Query(Company company, String[] ids, double[][] x) {

        boolean right(int r) {
            return ids[r].equals(company.industry());
        }
    }

    private RerankExperiment() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data");
        long t0 = System.nanoTime();
        Data data = Data.read(dir);
        Method method = Method.DEFAULT;
        List<Company> shuffled = new ArrayList<>(data.named);
        Collections.shuffle(shuffled, new Random(AssignmentEvaluation.SEED));
        List<List<Query>> outer = new ArrayList<>();
        List<List<Query>> inner = new ArrayList<>();
        for (int fold = 0; fold < AssignmentEvaluation.FOLDS; fold++) {
            List<Company> train = new ArrayList<>();
            List<Company> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % AssignmentEvaluation.FOLDS == fold ? test : train).add(shuffled.get(i));
            }
            List<Query> in = new ArrayList<>();
            for (int k = 0; k < INNER; k++) {
                List<Company> tr = new ArrayList<>();
                List<Company> te = new ArrayList<>();
                for (int i = 0; i < train.size(); i++) {
                    (i % INNER == k ? te : tr).add(train.get(i));
                }
                in.addAll(queries(data, method, tr, te));
            }
            inner.add(in);
            outer.add(queries(data, method, train, test));
        }
        System.out.printf(Locale.ROOT, "features computed: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        List<List<Outcome>> reference = outcomes(outer, q -> column(q, 1), Conf.MARGIN);
        RefinementExperiment.report("reference: Method.DEFAULT (first " + DEPTH + " re-ordered by its own score)", reference, reference);
        boolean all = args.length < 2 || !args[1].equals("confusion");

        for (double l : all ? new double[] {0.1, 0.2, 0.3, 0.5} : new double[0]) {
            RefinementExperiment.report("score + " + l + " × product-level vote (within the first " + DEPTH + ")",
                    outcomes(outer, q -> plus(column(q, 1), column(q, 8), l), Conf.MARGIN), reference);
        }
        for (double l : all ? new double[] {0.1, 0.2, 0.3} : new double[0]) {
            RefinementExperiment.report("score + " + l + " × BM25/max over segment documents",
                    outcomes(outer, q -> plus(column(q, 1), column(q, 11), l), Conf.MARGIN), reference);
        }
        for (double b : all ? new double[] {0.03, 0.06, 0.1} : new double[0]) {
            RefinementExperiment.report("confidence: margin + " + b + " × views agreeing on the first (centroid, kNN, product vote, BM25)",
                    agreement(outer, b), reference);
        }
        record Setting(int rounds, int depth, double rate, int minLeaf) {
        }
        for (Setting s : all ? List.of(new Setting(150, 3, 0.1, 20), new Setting(100, 2, 0.1, 20), new Setting(300, 4, 0.05, 40))
                : List.<Setting>of()) {
            long t1 = System.nanoTime();
            List<ToDoubleFunction<double[]>> models = new ArrayList<>();
            for (int fold = 0; fold < outer.size(); fold++) {
                models.add(fit(inner.get(fold), s.rounds(), s.depth(), s.rate(), s.minLeaf()));
            }
            double secs = (System.nanoTime() - t1) / 1e9;
            for (Conf conf : Conf.values()) {
                List<List<Outcome>> folds = new ArrayList<>();
                for (int fold = 0; fold < outer.size(); fold++) {
                    ToDoubleFunction<double[]> m = models.get(fold);
                    folds.add(outcomes(List.of(outer.get(fold)), q -> predict(q, m), conf).get(0));
                }
                RefinementExperiment.report(String.format(Locale.ROOT,
                        "boosted-tree re-ranker of the first %d (rounds %d, depth %d, rate %s, min leaf %d; 5 fits %.1f s), confidence %s",
                        DEPTH, s.rounds(), s.depth(), s.rate(), s.minLeaf(), secs, conf), folds, reference);
            }
        }
        // The same re-ranker with the inner folds' systematic confusions as two more features.
        for (double a : new double[] {2, 10}) {
            List<List<Outcome>> byMargin = new ArrayList<>();
            List<List<Outcome>> byShare = new ArrayList<>();
            for (int fold = 0; fold < outer.size(); fold++) {
                Confusions conf = new Confusions(inner.get(fold), a);
                List<Query> in = inner.get(fold).stream().map(q -> conf.augment(q, true)).toList();
                List<Query> out = outer.get(fold).stream().map(q -> conf.augment(q, false)).toList();
                ToDoubleFunction<double[]> m = fit(in, 150, 3, 0.1, 20);
                byMargin.add(outcomes(List.of(out), q -> predict(q, m), Conf.MARGIN).get(0));
                byShare.add(outcomes(List.of(out), q -> predict(q, m), Conf.SHARE).get(0));
            }
            RefinementExperiment.report("boosted-tree re-ranker (150, 3, 0.1, 20) + inner-CV confusion P(truth = s | first = a) and reliability of s, smoothing "
                    + a + ", confidence MARGIN", byMargin, reference);
            RefinementExperiment.report("the same, confidence SHARE", byShare, reference);
        }
        System.out.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * How often, in the inner folds, the truth was segment s when the method's first was a, and how often a first
     * segment s was right, smoothed toward the overall rates; leave-one-out for the inner queries themselves.
     */
    static final class Confusions {
        final Map<String, Map<String, Integer>> truthGivenFirst = new HashMap<>();
        final Map<String, Integer> firstCount = new HashMap<>();
        final double a;
        final double pRight;
        final double pOther;

        Confusions(List<Query> inner, double a) {
            this.a = a;
            int right = 0;
            int n = 0;
            for (Query q : inner) {
                if (q.ids().length == 0) {
                    continue;
                }
                n++;
                right += q.right(0) ? 1 : 0;
                firstCount.merge(q.ids()[0], 1, Integer::sum);
                truthGivenFirst.computeIfAbsent(q.ids()[0], k -> new HashMap<>()).merge(q.company().industry(), 1, Integer::sum);
            }
            pRight = (double) right / Math.max(1, n);
            pOther = (1 - pRight) / (DEPTH - 1);
        }

        Query augment(Query q, boolean self) {
            double[][] x = new double[q.ids().length][];
            if (x.length == 0) {
                return q;
            }
            String first = q.ids()[0];
            String truth = q.company().industry();
            int nFirst = firstCount.getOrDefault(first, 0) - (self ? 1 : 0);
            Map<String, Integer> t = truthGivenFirst.getOrDefault(first, Map.of());
            for (int r = 0; r < x.length; r++) {
                String s = q.ids()[r];
                int c = t.getOrDefault(s, 0) - (self && s.equals(truth) ? 1 : 0);
                double prior = r == 0 ? pRight : pOther;
                double confusion = (c + a * prior) / (nFirst + a);
                int nS = firstCount.getOrDefault(s, 0) - (self && r == 0 ? 1 : 0);
                int rightS = truthGivenFirst.getOrDefault(s, Map.of()).getOrDefault(s, 0) - (self && r == 0 && s.equals(truth) ? 1 : 0);
                double reliability = (rightS + a * pRight) / (nS + a);
                x[r] = Arrays.copyOf(q.x()[r], q.x()[r].length + 2);
                x[r][x[r].length - 2] = confusion;
                x[r][x[r].length - 1] = reliability;
            }
            return new Query(q.company(), q.ids(), x);
        }
    }

    /** How a ranking's confidence is read from candidate scores (best first after re-ranking). */
    enum Conf { MARGIN, TOP, SHARE }

    static double[] column(Query q, int f) {
        double[] out = new double[q.ids().length];
        for (int r = 0; r < out.length; r++) {
            out[r] = q.x()[r][f];
        }
        return out;
    }

    static double[] plus(double[] a, double[] b, double l) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + l * b[i];
        }
        return out;
    }

    static double[] predict(Query q, ToDoubleFunction<double[]> m) {
        double[] out = new double[q.ids().length];
        for (int r = 0; r < out.length; r++) {
            out[r] = m.applyAsDouble(q.x()[r]);
        }
        return out;
    }

    static ToDoubleFunction<double[]> fit(List<Query> queries, int rounds, int depth, double rate, int minLeaf) {
        List<double[]> xs = new ArrayList<>();
        List<Boolean> ys = new ArrayList<>();
        for (Query q : queries) {
            for (int r = 0; r < q.ids().length; r++) {
                xs.add(q.x()[r]);
                ys.add(q.right(r));
            }
        }
        boolean[] y = new boolean[ys.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = ys.get(i);
        }
        BoostedTrees model = BoostedTrees.fit(xs.toArray(double[][]::new), y, new BoostedTrees.Settings(rounds, depth, rate,
                BoostedTrees.DEFAULTS.bins(), minLeaf, BoostedTrees.DEFAULTS.l2()));
        return model::probability;
    }

    /** Outcomes per fold when each query's candidates are ordered by {@code scorer} (ties: the method's order). */
    static List<List<Outcome>> outcomes(List<List<Query>> folds, java.util.function.Function<Query, double[]> scorer, Conf conf) {
        List<List<Outcome>> out = new ArrayList<>();
        for (List<Query> fold : folds) {
            List<Outcome> os = new ArrayList<>();
            for (Query q : fold) {
                if (q.ids().length == 0) {
                    os.add(new Outcome(false, false, -1, false));
                    continue;
                }
                double[] s = scorer.apply(q);
                Integer[] order = order(s);
                boolean top3 = false;
                for (int i = 0; i < Math.min(3, order.length); i++) {
                    top3 |= q.right(order[i]);
                }
                double first = s[order[0]];
                double second = order.length > 1 ? s[order[1]] : 0;
                double c = switch (conf) {
                    case MARGIN -> first - second;
                    case TOP -> first;
                    case SHARE -> first / Math.max(1e-12, Arrays.stream(s).sum());
                };
                os.add(new Outcome(q.right(order[0]), top3, c, false));
            }
            out.add(os);
        }
        return out;
    }

    static List<List<Outcome>> agreement(List<List<Query>> folds, double bonus) {
        List<List<Outcome>> out = new ArrayList<>();
        for (List<Query> fold : folds) {
            List<Outcome> os = new ArrayList<>();
            for (Query q : fold) {
                if (q.ids().length == 0) {
                    os.add(new Outcome(false, false, -1, false));
                    continue;
                }
                double margin = q.x()[0][3];
                boolean top3 = false;
                for (int r = 0; r < Math.min(3, q.ids().length); r++) {
                    top3 |= q.right(r);
                }
                os.add(new Outcome(q.right(0), top3, margin + bonus * q.x()[0][20], false));
            }
            out.add(os);
        }
        return out;
    }

    private static Integer[] order(double[] s) {
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < s.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a]) : Integer.compare(a, b));
        return order;
    }

    /** Queries of {@code test} against models trained per chain on {@code train}. */
    static List<Query> queries(Data data, Method method, List<Company> train, List<Company> test) {
        Map<String, List<Company>> trainByChain = new TreeMap<>();
        train.forEach(c -> trainByChain.computeIfAbsent(c.chain(), k -> new ArrayList<>()).add(c));
        Map<String, List<Company>> testByChain = new TreeMap<>();
        test.forEach(c -> testByChain.computeIfAbsent(c.chain(), k -> new ArrayList<>()).add(c));
        List<Query> out = new ArrayList<>();
        for (Map.Entry<String, List<Company>> e : testByChain.entrySet()) {
            List<Company> tr = trainByChain.getOrDefault(e.getKey(), List.of());
            List<SegmentModel.Example> ex = tr.stream().map(c -> new SegmentModel.Example(c.code(), c.name(), Set.of(c.industry()),
                    c.phrases(), null)).toList();
            SegmentModel model = SegmentModel.train(data.segmentsByChain.get(e.getKey()), ex, method);
            ChainViews views = new ChainViews(model, tr, method);
            for (Company c : e.getValue()) {
                out.add(views.query(c));
            }
        }
        return out;
    }

    /** The per-chain material of the extra views: segment documents for BM25, verbatim phrases per segment. */
    static final class ChainViews {
        static final double K1 = 1.2;
        static final double B = 0.75;

        final SegmentModel model;
        final Method method;
        final int segs;
        final Map<String, Integer> segIndex = new HashMap<>();
        final int[] firms;
        final int maxFirms;
        /** Feature → its summed (saturated) count in each segment's firms. */
        final Map<String, double[]> tf = new HashMap<>();
        final double[] docLength;
        final double avgLength;
        final List<Set<String>> phrasesOf = new ArrayList<>();

        ChainViews(SegmentModel model, List<Company> train, Method method) {
            this.model = model;
            this.method = method;
            this.segs = model.segmentCount();
            for (int s = 0; s < segs; s++) {
                segIndex.put(model.segments().get(s).id(), s);
                phrasesOf.add(new HashSet<>());
            }
            firms = new int[segs];
            docLength = new double[segs];
            for (Company c : train) {
                Integer s = segIndex.get(c.industry());
                if (s == null) {
                    continue;
                }
                firms[s]++;
                List<Phrase> products = c.phrases().stream().filter(p -> !p.fromName()).toList();
                SegmentModel.features(products, method).forEach((f, x) -> {
                    tf.computeIfAbsent(f, k -> new double[segs])[s] += x;
                    docLength[s] += x;
                });
                products.forEach(p -> phrasesOf.get(s).add(FirmText.normalise(p.text())));
            }
            maxFirms = Math.max(1, Arrays.stream(firms).max().orElse(1));
            avgLength = Math.max(1e-9, Arrays.stream(docLength).average().orElse(1));
        }

        Query query(Company c) {
            List<Phrase> phrases = c.phrases();
            SparseVector v = model.vector(phrases, null);
            double[] sims = new double[model.exampleCount()];
            double[] score = model.scores(v, sims);
            if (score == null) {
                return new Query(c, new String[0], new double[0][]);
            }
            double[] cos = new double[segs];
            for (int s = 0; s < segs; s++) {
                cos[s] = v.dot(model.centroid(s));
            }
            double maxCos = Arrays.stream(cos).max().orElse(0);
            // kNN vote as in the method (k nearest, similarity²), and each segment's nearest firm.
            double[] vote = new double[segs];
            double[] nearest = new double[segs];
            Integer[] byS = new Integer[sims.length];
            for (int i = 0; i < sims.length; i++) {
                byS[i] = i;
                for (int s : model.segmentsOf(i)) {
                    nearest[s] = Math.max(nearest[s], sims[i]);
                }
            }
            Arrays.sort(byS, (a, b) -> sims[a] != sims[b] ? Double.compare(sims[b], sims[a]) : Integer.compare(a, b));
            double total = 0;
            for (int i = 0; i < Math.min(method.neighbours(), byS.length); i++) {
                if (sims[byS[i]] <= 0) {
                    break;
                }
                for (int s : model.segmentsOf(byS[i])) {
                    vote[s] += sims[byS[i]] * sims[byS[i]];
                    total += sims[byS[i]] * sims[byS[i]];
                }
            }
            // Product-level vote: each product phrase for its own nearest centroid, weighted by √share.
            List<Phrase> products = phrases.stream().filter(p -> !p.fromName()).toList();
            double[] pVote = new double[segs];
            double[] pSoft = new double[segs];
            double wSum = 0;
            int topProductSeg = -1;
            double topWeight = -1;
            for (Phrase p : products) {
                SparseVector pv = model.vector(List.of(p), null);
                if (pv.isEmpty()) {
                    continue;
                }
                double w = Math.sqrt(p.weight());
                double[] pc = new double[segs];
                int best = 0;
                for (int s = 0; s < segs; s++) {
                    pc[s] = pv.dot(model.centroid(s));
                    if (pc[s] > pc[best]) {
                        best = s;
                    }
                }
                if (pc[best] <= 0) {
                    continue;
                }
                wSum += w;
                pVote[best] += w;
                for (int s = 0; s < segs; s++) {
                    pSoft[s] += w * pc[s] / pc[best];
                }
                if (p.weight() > topWeight) {
                    topWeight = p.weight();
                    topProductSeg = best;
                }
            }
            // BM25 of the firm's product features against each segment's firms as one document.
            Map<String, Double> q = SegmentModel.features(products, method);
            double[] bm25 = new double[segs];
            for (Map.Entry<String, Double> f : q.entrySet()) {
                double[] t = tf.get(f.getKey());
                if (t == null) {
                    continue;
                }
                int df = 0;
                for (double x : t) {
                    df += x > 0 ? 1 : 0;
                }
                double idf = Math.log((segs - df + 0.5) / (df + 0.5) + 1);
                for (int s = 0; s < segs; s++) {
                    if (t[s] > 0) {
                        bm25[s] += f.getValue() * idf * t[s] * (K1 + 1) / (t[s] + K1 * (1 - B + B * docLength[s] / avgLength));
                    }
                }
            }
            double maxBm25 = Math.max(1e-12, Arrays.stream(bm25).max().orElse(0));
            // Verbatim product phrases seen among the segment's firms, by √share.
            double[] verbatim = new double[segs];
            double vSum = 0;
            for (Phrase p : products) {
                String t = FirmText.normalise(p.text());
                double w = Math.sqrt(p.weight());
                vSum += w;
                for (int s = 0; s < segs; s++) {
                    if (phrasesOf.get(s).contains(t)) {
                        verbatim[s] += w;
                    }
                }
            }
            List<Phrase> name = phrases.stream().filter(Phrase::fromName).toList();
            SparseVector nv = name.isEmpty() ? SparseVector.EMPTY : model.vector(name, null);
            int cosArg = argmax(cos);
            int voteArg = argmax(vote);
            int pArg = argmax(pVote);
            int bmArg = argmax(bm25);

            Integer[] order = new Integer[segs];
            for (int s = 0; s < segs; s++) {
                order[s] = s;
            }
            Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
            int n = 0;
            while (n < Math.min(DEPTH, segs) && score[order[n]] > 0) {
                n++;
            }
            String[] ids = new String[n];
            double[][] x = new double[n][];
            for (int r = 0; r < n; r++) {
                int s = order[r];
                ids[r] = model.segments().get(s).id();
                double next = r + 1 < segs ? score[order[r + 1]] : 0;
                x[r] = new double[] {r, score[s], score[s] - score[order[0]], score[s] - next, maxCos > 0 ? cos[s] / maxCos : 0,
                        cos[s], total > 0 ? vote[s] / total : 0, nearest[s], wSum > 0 ? pVote[s] / wSum : 0,
                        wSum > 0 ? pSoft[s] / wSum : 0, s == topProductSeg ? 1 : 0, bm25[s] / maxBm25, bm25[s],
                        vSum > 0 ? verbatim[s] / vSum : 0, Math.log(1 + firms[s]), (double) firms[s] / maxFirms, Math.log(segs),
                        nv.dot(model.centroid(s)), maxCos, Math.log(1 + products.size()),
                        (s == cosArg ? 1 : 0) + (s == voteArg ? 1 : 0) + (s == pArg ? 1 : 0) + (s == bmArg ? 1 : 0)};
            }
            return new Query(c, ids, x);
        }

        private static int argmax(double[] a) {
            int best = 0;
            for (int i = 1; i < a.length; i++) {
                if (a[i] > a[best]) {
                    best = i;
                }
            }
            return a.length == 0 || a[best] <= 0 ? -1 : best;
        }
    }
}
