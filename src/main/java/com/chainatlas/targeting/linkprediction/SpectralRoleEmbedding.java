package com.chainatlas.targeting.linkprediction;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * Spectral embedding of both roles of every firm (角色嵌入), for "block" affinity: a firm's place
 * as a customer (who it buys from) and as a supplier (who it sells to), each as a short unit vector,
 * so firms in the same tier and segment point the same way even without a shared partner.
 *
 * <p>It is the bipartite spectral co-clustering of Dhillon, I. S., "Co-clustering documents and
 * words using bipartite spectral graph partitioning", KDD 2001: the leading singular vectors of
 * D_c^{-½} A D_s^{-½}, with A the customer × supplier adjacency and D the degrees in each role,
 * the first (trivial) pair dropped and the rest scaled by their singular values. The singular
 * vectors come from the randomised subspace iteration of Halko, N., Martinsson, P.-G. and Tropp, J.
 * A., "Finding structure with randomness", SIAM Review 53 (2011), with a seeded start, so the
 * embedding is deterministic for a network and seed.
 *
 * <p>Complexity: O((m + n · r) · r · iterations) time and O(n · r) memory for rank r. Immutable once
 * built; reads are thread-safe.
 */
final class SpectralRoleEmbedding {

    private static final int OVERSAMPLING = 8;
    private static final int POWER_ITERATIONS = 4;
    static final double REGULARISATION = 1;

    private final int dimensions;
    /** asCustomer[v]: unit vector of v's customer role, or null if v buys from nobody. */
    private final double[][] asCustomer;
    /** asSupplier[v]: unit vector of v's supplier role, or null if v sells to nobody. */
    private final double[][] asSupplier;

    /**
     * @param rank number of singular vectors kept after dropping the first
     * @throws IllegalArgumentException if rank &lt; 1
     */
    SpectralRoleEmbedding(SupplyTieNetwork network, int rank, long seed) {
        Objects.requireNonNull(network, "network");
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be at least 1, was " + rank);
        }
        int n = network.firmCount();
        int k = Math.min(rank + 1 + OVERSAMPLING, n);
        double[] rowScale = new double[n];
        double[] colScale = new double[n];
        double tau = REGULARISATION * network.relationCount() / Math.max(1, Math.max(network.customerCount(), network.supplierCount()));
        for (int v = 0; v < n; v++) {
            int kc = network.suppliersOf(v).length;
            int ks = network.customersOf(v).length;
            rowScale[v] = kc == 0 ? 0 : 1 / Math.sqrt(kc + tau);
            colScale[v] = ks == 0 ? 0 : 1 / Math.sqrt(ks + tau);
        }
        Random random = new Random(seed);
        double[][] omega = new double[k][n];
        for (double[] column : omega) {
            for (int v = 0; v < n; v++) {
                column[v] = random.nextGaussian();
            }
        }
        double[][] q = orthonormalise(multiply(network, rowScale, colScale, omega, false));
        for (int i = 0; i < POWER_ITERATIONS; i++) {
            // M Mᵀ Q; the singular values of M are at most 1, so one orthonormalisation per round suffices
            q = orthonormalise(multiply(network, rowScale, colScale, multiply(network, rowScale, colScale, q, true), false));
        }
        // W = Mᵀ Q (n × k); Qᵀ M Mᵀ Q = Wᵀ W = U_B Λ U_Bᵀ
        double[][] w = multiply(network, rowScale, colScale, q, true);
        double[][] gram = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                gram[a][b] = gram[b][a] = dot(w[a], w[b]);
            }
        }
        double[][] eigenvectors = new double[k][k];
        double[] eigenvalues = SymmetricEigen.decompose(gram, eigenvectors);
        int kept = Math.min(rank, k - 1);
        this.dimensions = kept;
        asCustomer = new double[n][];
        asSupplier = new double[n][];
        // component j (j = 1..kept, 0 dropped): left = Q u_j · σ_j, right = W u_j (= Mᵀ Q u_j = σ_j v_j)
        double[][] left = new double[kept][n];
        double[][] right = new double[kept][n];
        for (int j = 0; j < kept; j++) {
            double[] u = eigenvectors[j + 1];
            double sigma = Math.sqrt(Math.max(eigenvalues[j + 1], 0));
            for (int a = 0; a < k; a++) {
                double ua = u[a];
                if (ua == 0) {
                    continue;
                }
                double[] qa = q[a];
                double[] wa = w[a];
                for (int v = 0; v < n; v++) {
                    left[j][v] += qa[v] * ua * sigma;
                    right[j][v] += wa[v] * ua;
                }
            }
        }
        for (int v = 0; v < n; v++) {
            if (network.suppliersOf(v).length > 0) {
                asCustomer[v] = unit(left, v);
            }
            if (network.customersOf(v).length > 0) {
                asSupplier[v] = unit(right, v);
            }
        }
    }

    /** Number of dimensions of each vector. */
    int dimensions() {
        return dimensions;
    }

    /** The unit vector of v as a customer, or null if v buys from nobody; do not modify. */
    double[] asCustomer(int firm) {
        return asCustomer[firm];
    }

    /** The unit vector of v as a supplier, or null if v sells to nobody; do not modify. */
    double[] asSupplier(int firm) {
        return asSupplier[firm];
    }

    private static double[] unit(double[][] columns, int v) {
        double[] x = new double[columns.length];
        double norm = 0;
        for (int j = 0; j < columns.length; j++) {
            x[j] = columns[j][v];
            norm += x[j] * x[j];
        }
        if (norm == 0) {
            return x;
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < x.length; j++) {
            x[j] /= norm;
        }
        return x;
    }

    /**
     * M X (or Mᵀ X) for M = D_c^{-½} A D_s^{-½}, rows of M indexed by customers, columns by
     * suppliers; X given as columns.
     */
    private static double[][] multiply(SupplyTieNetwork network, double[] rowScale, double[] colScale, double[][] x,
            boolean transpose) {
        int n = network.firmCount();
        double[][] out = new double[x.length][n];
        for (int c = 0; c < n; c++) {
            int[] suppliers = network.suppliersOf(c);
            for (int s : suppliers) {
                double weight = rowScale[c] * colScale[s];
                int from = transpose ? c : s;
                int to = transpose ? s : c;
                for (int j = 0; j < x.length; j++) {
                    out[j][to] += weight * x[j][from];
                }
            }
        }
        return out;
    }

    /** Modified Gram–Schmidt on the columns, in place; a column that vanishes stays zero. */
    private static double[][] orthonormalise(double[][] columns) {
        for (int j = 0; j < columns.length; j++) {
            double[] cj = columns[j];
            for (int i = 0; i < j; i++) {
                double[] ci = columns[i];
                double d = dot(ci, cj);
                for (int v = 0; v < cj.length; v++) {
                    cj[v] -= d * ci[v];
                }
            }
            double norm = Math.sqrt(dot(cj, cj));
            for (int v = 0; v < cj.length; v++) {
                cj[v] = norm > 1e-12 ? cj[v] / norm : 0;
            }
        }
        return columns;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Cyclic Jacobi eigenvalue algorithm for a small symmetric matrix (Golub and Van Loan, §8.5). */
    static final class SymmetricEigen {

        private SymmetricEigen() {
        }

        /**
         * Eigenvalues in descending order; {@code vectors[i]} receives the unit eigenvector of the
         * i-th. The input matrix is overwritten.
         */
        static double[] decompose(double[][] a, double[][] vectors) {
            int k = a.length;
            double[][] v = new double[k][k];
            for (int i = 0; i < k; i++) {
                v[i][i] = 1;
            }
            for (int sweep = 0; sweep < 100; sweep++) {
                double off = 0;
                for (int p = 0; p < k; p++) {
                    for (int r = p + 1; r < k; r++) {
                        off += a[p][r] * a[p][r];
                    }
                }
                if (off < 1e-22) {
                    break;
                }
                for (int p = 0; p < k; p++) {
                    for (int r = p + 1; r < k; r++) {
                        if (Math.abs(a[p][r]) < 1e-300) {
                            continue;
                        }
                        double theta = (a[r][r] - a[p][p]) / (2 * a[p][r]);
                        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                        if (theta == 0) {
                            t = 1;
                        }
                        double c = 1 / Math.sqrt(t * t + 1);
                        double s = t * c;
                        for (int i = 0; i < k; i++) {
                            double aip = a[i][p];
                            double air = a[i][r];
                            a[i][p] = c * aip - s * air;
                            a[i][r] = s * aip + c * air;
                        }
                        for (int i = 0; i < k; i++) {
                            double api = a[p][i];
                            double ari = a[r][i];
                            a[p][i] = c * api - s * ari;
                            a[r][i] = s * api + c * ari;
                        }
                        for (int i = 0; i < k; i++) {
                            double vip = v[i][p];
                            double vir = v[i][r];
                            v[i][p] = c * vip - s * vir;
                            v[i][r] = s * vip + c * vir;
                        }
                    }
                }
            }
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
            double[] values = new double[k];
            for (int i = 0; i < k; i++) {
                int col = order[i];
                values[i] = a[col][col];
                for (int j = 0; j < k; j++) {
                    vectors[i][j] = v[j][col];
                }
            }
            return values;
        }
    }
}
