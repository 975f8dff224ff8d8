package com.chainatlas.targeting.linkprediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

/**
 * Per-firm ranking evaluation (按企业排序评估): for each customer with held-out relations (for the
 * {@code same-supplier} protocol: each supplier), its held-out partners are ranked among up to
 * {@code candidates} firms of the other role drawn uniformly, without replacement, from those still
 * trading in the training network and unrelated to it in the full network (all of them when there
 * are fewer). Per query firm: its own ROC-AUC (ties ½), hits@{@value #HITS_AT} and the reciprocal rank averaged over its
 * positives, each ranked among the drawn negatives only ({@link RankingMetrics#rank}), and the
 * average precision of its positives among the negatives. The result averages these over the query
 * firms, so every customer counts once however many relations it lost.
 *
 * <p>The candidates are drawn once per split (seeded), so every method ranks the same lists.
 * Building costs O(queries · firms of the other role) eligibility tests; scoring costs
 * queries · (positives + candidates) pair scores.
 */
final class PerFirmRanking {

    static final int HITS_AT = 10;
    static final int DEFAULT_CANDIDATES = 100;

    /** Averages over the query firms; {@code hitsAt10} is hits@k for the k the ranking was built with. */
    record Result(int queries, double meanRocAuc, double hitsAt10, double meanReciprocalRank, double meanAveragePrecision) {
    }

    private final int hitsAt;
    private final boolean perCustomer;
    private final int[] query;
    private final int[][] positives;
    private final int[][] negatives;

    PerFirmRanking(HoldOutSplit split, int candidates, long seed) {
        this(split, candidates, seed, HITS_AT);
    }

    /** With hits@{@code hitsAt} instead of hits@10 (tests on tiny networks). */
    PerFirmRanking(HoldOutSplit split, int candidates, long seed, int hitsAt) {
        Objects.requireNonNull(split, "split");
        if (candidates < 1 || hitsAt < 1) {
            throw new IllegalArgumentException("need at least one candidate per firm and k ≥ 1");
        }
        this.hitsAt = hitsAt;
        this.perCustomer = split.protocol().ranksPerCustomer();
        TreeMap<Integer, List<Integer>> byQuery = new TreeMap<>();
        for (int[] pair : split.positives()) {
            int q = perCustomer ? pair[1] : pair[0];
            byQuery.computeIfAbsent(q, k -> new ArrayList<>()).add(perCustomer ? pair[0] : pair[1]);
        }
        int[] others = perCustomer ? split.training().sellers() : split.training().buyers();
        Random random = new Random(seed);
        List<int[]> pos = new ArrayList<>();
        List<int[]> neg = new ArrayList<>();
        List<Integer> queries = new ArrayList<>();
        int[] scratch = new int[others.length];
        byQuery.forEach((q, partners) -> {
            int k = 0;
            for (int o : others) {
                if (perCustomer ? split.eligible(o, q) : split.eligible(q, o)) {
                    scratch[k++] = o;
                }
            }
            if (k == 0) {
                return; // related to every firm of the other role: nothing to rank against
            }
            int take = Math.min(k, candidates);
            for (int i = 0; i < take; i++) { // partial Fisher–Yates
                int j = i + random.nextInt(k - i);
                int t = scratch[i];
                scratch[i] = scratch[j];
                scratch[j] = t;
            }
            int[] drawn = Arrays.copyOf(scratch, take);
            Arrays.sort(drawn);
            queries.add(q);
            pos.add(partners.stream().mapToInt(Integer::intValue).toArray());
            neg.add(drawn);
        });
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("no firm has an unrelated firm of the other role to rank against");
        }
        this.query = queries.stream().mapToInt(Integer::intValue).toArray();
        this.positives = pos.toArray(int[][]::new);
        this.negatives = neg.toArray(int[][]::new);
    }

    /** Whether customers are the query firms (else suppliers). */
    boolean perCustomer() {
        return perCustomer;
    }

    int queries() {
        return query.length;
    }

    /** Pair scores computed: positives plus candidates over all query firms. */
    long pairs() {
        long n = 0;
        for (int i = 0; i < query.length; i++) {
            n += positives[i].length + negatives[i].length;
        }
        return n;
    }

    Result evaluate(PairScorer scorer) {
        double hits = 0;
        double reciprocal = 0;
        double precision = 0;
        double auc = 0;
        for (int i = 0; i < query.length; i++) {
            double[] pos = scores(scorer, query[i], positives[i]);
            double[] neg = RankingMetrics.sortedChecked(scores(scorer, query[i], negatives[i]));
            double h = 0;
            double rr = 0;
            for (double p : pos) {
                int rank = RankingMetrics.rank(p, neg);
                h += rank <= hitsAt ? 1 : 0;
                rr += 1.0 / rank;
            }
            hits += h / pos.length;
            reciprocal += rr / pos.length;
            precision += RankingMetrics.averagePrecision(pos, neg);
            auc += RocAuc.of(pos, neg);
        }
        int q = query.length;
        return new Result(q, auc / q, hits / q, reciprocal / q, precision / q);
    }

    private double[] scores(PairScorer scorer, int q, int[] others) {
        double[] out = new double[others.length];
        for (int i = 0; i < others.length; i++) {
            out[i] = perCustomer ? scorer.score(others[i], q) : scorer.score(q, others[i]);
        }
        return out;
    }
}
