package com.chainatlas.analysis.extend;

/**
 * Logistic regression with one intercept per group (a fixed-effects logit): P(y = 1) = σ(α_g + Σ β_j z_j), with
 * z_j the feature standardised on the training data. The group intercepts absorb how much a region enters at
 * all, so the slopes learn only what orders segments <em>within</em> a region — the question a region asks.
 * Fitted by Newton's method with a small ridge (L2) penalty on the slopes (and a tiny one on the intercepts, so a
 * group without any entry stays finite). Immutable once fitted.
 */
public final class ConditionalLogit {

    private final double[] mean;
    private final double[] scale;
    private final double[] beta;

    private ConditionalLogit(double[] mean, double[] scale, double[] beta) {
        this.mean = mean;
        this.scale = scale;
        this.beta = beta;
    }

    /**
     * @param x      examples × features
     * @param group  group (region) of each example, 0..groups-1
     * @param y      whether each example is a positive (entered)
     * @param l2     ridge penalty on the standardised slopes
     */
    public static ConditionalLogit fit(double[][] x, int[] group, boolean[] y, int groups, double l2) {
        int n = x.length;
        int f = n == 0 ? 0 : x[0].length;
        double[] mean = new double[f];
        double[] scale = new double[f];
        for (double[] row : x) {
            for (int j = 0; j < f; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < f; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < f; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1; // a constant feature gets slope 0 by the ridge
        }
        int p = groups + f;
        double[] w = new double[p];
        double[] penalty = new double[p];
        for (int k = 0; k < p; k++) {
            penalty[k] = k < groups ? 1e-3 : l2;
        }
        double[] z = new double[f];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] grad = new double[p];
            double[][] hess = new double[p][p];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < f; j++) {
                    z[j] = (x[i][j] - mean[j]) / scale[j];
                }
                int g = group[i];
                double eta = w[g];
                for (int j = 0; j < f; j++) {
                    eta += w[groups + j] * z[j];
                }
                double prob = 1 / (1 + Math.exp(-eta));
                double r = prob - (y[i] ? 1 : 0);
                double v = prob * (1 - prob);
                grad[g] += r;
                hess[g][g] += v;
                for (int j = 0; j < f; j++) {
                    grad[groups + j] += r * z[j];
                    hess[g][groups + j] += v * z[j];
                    hess[groups + j][g] += v * z[j];
                    for (int k = 0; k < f; k++) {
                        hess[groups + j][groups + k] += v * z[j] * z[k];
                    }
                }
            }
            for (int k = 0; k < p; k++) {
                grad[k] += penalty[k] * w[k];
                hess[k][k] += penalty[k];
            }
            double[] step = solve(hess, grad);
            double largest = 0;
            for (int k = 0; k < p; k++) {
                w[k] -= step[k];
                largest = Math.max(largest, Math.abs(step[k]));
            }
            if (largest < 1e-8) {
                break;
            }
        }
        double[] beta = new double[f];
        System.arraycopy(w, groups, beta, 0, f);
        return new ConditionalLogit(mean, scale, beta);
    }

    /** Gaussian elimination with partial pivoting of a small positive definite system. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        double[] v = b.clone();
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            double tv = v[c];
            v[c] = v[pivot];
            v[pivot] = tv;
            for (int r = c + 1; r < n; r++) {
                double k = m[r][c] / m[c][c];
                if (k != 0) {
                    for (int j = c; j < n; j++) {
                        m[r][j] -= k * m[c][j];
                    }
                    v[r] -= k * v[c];
                }
            }
        }
        double[] out = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = v[r];
            for (int j = r + 1; j < n; j++) {
                s -= m[r][j] * out[j];
            }
            out[r] = s / m[r][r];
        }
        return out;
    }

    /** The within-group score Σ β_j z_j (no intercept: it orders the segments of one region). */
    public double score(double[] x) {
        double s = 0;
        for (int j = 0; j < beta.length; j++) {
            s += beta[j] * (x[j] - mean[j]) / scale[j];
        }
        return s;
    }

    /** Each feature's part of {@link #score}: β_j z_j (above the training average when positive). */
    public double[] contributions(double[] x) {
        double[] c = new double[beta.length];
        for (int j = 0; j < beta.length; j++) {
            c[j] = beta[j] * (x[j] - mean[j]) / scale[j];
        }
        return c;
    }

    /** Slopes on the standardised features. */
    public double[] coefficients() {
        return beta.clone();
    }
}
