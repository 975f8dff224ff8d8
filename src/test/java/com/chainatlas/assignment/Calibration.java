package com.chainatlas.assignment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import com.chainatlas.assignment.AssignmentEvaluation.Company;
import com.chainatlas.assignment.AssignmentEvaluation.Data;
import com.chainatlas.assignment.AssignmentEvaluation.Outcome;

/**
 * A learnt confidence instead of the bare margin (round 3, docs/assignment.md): per outer fold, an inner 5-fold
 * cross-validation on that fold's training companies only gives held-out proposals, from which (1) each segment's
 * reliability — how often a proposal of it was right, smoothed toward the overall rate with weight {@code a} — and
 * (2) a logistic regression of "right" on (margin, top score, logit reliability, log firms of the segment) are
 * learnt. The held-out fold's companies are ranked by that probability. Top-1 and top-3 are unchanged.
 */
final class Calibration {

    static final int INNER = 5;

    /** One proposal's confidence inputs, whether its first segment was right and whether the truth was among three. */
    record Case(String segment, double margin, double top, int firms, boolean right, boolean top3) {
    }

    private Calibration() {
    }

    static List<List<Outcome>> run(Data data, Method method, double a) {
        List<Company> shuffled = new ArrayList<>(data.named);
        Collections.shuffle(shuffled, new Random(AssignmentEvaluation.SEED));
        List<List<Outcome>> folds = new ArrayList<>();
        for (int fold = 0; fold < AssignmentEvaluation.FOLDS; fold++) {
            List<Company> train = new ArrayList<>();
            List<Company> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % AssignmentEvaluation.FOLDS == fold ? test : train).add(shuffled.get(i));
            }
            List<Case> inner = new ArrayList<>();
            for (int k = 0; k < INNER; k++) {
                List<Company> tr = new ArrayList<>();
                List<Company> te = new ArrayList<>();
                for (int i = 0; i < train.size(); i++) {
                    (i % INNER == k ? te : tr).add(train.get(i));
                }
                inner.addAll(cases(data, method, tr, te));
            }
            Map<String, int[]> counts = new HashMap<>();
            int right = 0;
            for (Case c : inner) {
                int[] x = counts.computeIfAbsent(c.segment(), s -> new int[2]);
                x[0]++;
                x[1] += c.right() ? 1 : 0;
                right += c.right() ? 1 : 0;
            }
            double p0 = (double) right / Math.max(1, inner.size());
            // Leave-one-out reliability for the inner cases, so that a case does not predict itself.
            double[][] xs = new double[inner.size()][];
            double[] ys = new double[inner.size()];
            for (int i = 0; i < inner.size(); i++) {
                Case c = inner.get(i);
                int[] x = counts.get(c.segment());
                int y = c.right() ? 1 : 0;
                xs[i] = features(c, (x[1] - y + a * p0) / (x[0] - 1 + a));
                ys[i] = y;
            }
            double[] w = logistic(xs, ys);
            List<Outcome> outcomes = new ArrayList<>();
            for (Case c : cases(data, method, train, test)) {
                int[] x = counts.getOrDefault(c.segment(), new int[2]);
                double conf = c.segment() == null ? -1 : predict(w, features(c, (x[1] + a * p0) / (x[0] + a)));
                outcomes.add(new Outcome(c.right(), c.top3(), conf, false));
            }
            folds.add(outcomes);
        }
        return folds;
    }

    /** Held-out cases of {@code test} with models trained per chain on {@code train}. */
    static List<Case> cases(Data data, Method method, List<Company> train, List<Company> test) {
        Map<String, List<SegmentModel.Example>> byChain = new TreeMap<>();
        for (Company c : train) {
            byChain.computeIfAbsent(c.chain(), k -> new ArrayList<>())
                    .add(new SegmentModel.Example(c.code(), c.name(), Set.of(c.industry()), c.phrases(), null));
        }
        Map<String, List<Company>> testByChain = new TreeMap<>();
        test.forEach(c -> testByChain.computeIfAbsent(c.chain(), k -> new ArrayList<>()).add(c));
        List<Case> out = new ArrayList<>();
        for (Map.Entry<String, List<Company>> e : testByChain.entrySet()) {
            List<SegmentModel.Example> ex = byChain.getOrDefault(e.getKey(), List.of());
            SegmentModel model = SegmentModel.train(data.segmentsByChain.get(e.getKey()), ex, method);
            Map<String, Integer> firms = new HashMap<>();
            ex.forEach(x -> x.segments().forEach(s -> firms.merge(s, 1, Integer::sum)));
            for (Company c : e.getValue()) {
                SegmentModel.Proposal p = model.propose(c.phrases(), null);
                List<String> ids = p.ranked().stream().map(SegmentModel.Alternative::segmentId).toList();
                if (ids.isEmpty()) {
                    out.add(new Case(null, 0, 0, 0, false, false));
                    continue;
                }
                out.add(new Case(ids.get(0), p.margin(), p.ranked().get(0).score(), firms.getOrDefault(ids.get(0), 0),
                        ids.get(0).equals(c.industry()), ids.contains(c.industry())));
            }
        }
        return out;
    }

    private static double[] features(Case c, double reliability) {
        double r = Math.min(Math.max(reliability, 0.01), 0.99);
        return new double[] {1, c.margin(), c.top(), Math.log(r / (1 - r)), Math.log(1 + c.firms())};
    }

    /** Logistic regression by Newton's method (a handful of features), lightly L2-regularised. */
    static double[] logistic(double[][] x, double[] y) {
        int d = x[0].length;
        double[] w = new double[d];
        for (int it = 0; it < 25; it++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                double p = predict(w, x[i]);
                for (int j = 0; j < d; j++) {
                    g[j] += (p - y[i]) * x[i][j];
                    for (int k = 0; k < d; k++) {
                        h[j][k] += p * (1 - p) * x[i][j] * x[i][k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                g[j] += 1e-3 * w[j];
                h[j][j] += 1e-3;
            }
            double[] step = solve(h, g);
            for (int j = 0; j < d; j++) {
                w[j] -= step[j];
            }
        }
        return w;
    }

    static double predict(double[] w, double[] x) {
        double z = 0;
        for (int j = 0; j < w.length; j++) {
            z += w[j] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            for (int r = 0; r < n; r++) {
                if (r != c && m[c][c] != 0) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = m[i][i] == 0 ? 0 : m[i][n] / m[i][i];
        }
        return out;
    }
}
