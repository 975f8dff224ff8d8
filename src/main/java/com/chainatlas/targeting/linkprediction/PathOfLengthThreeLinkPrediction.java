package com.chainatlas.targeting.linkprediction;

import java.util.Objects;

import org.jgrapht.alg.interfaces.LinkPredictionAlgorithm;

/**
 * Path-of-length-3 link prediction for buyer–supplier networks (L3, 三步路径): "customers that buy
 * what my customer buys also buy from this supplier". For a candidate supplier s and customer c it
 * sums over the paths c → s' ← c' → s (c buys from s', c' also buys from s', c' buys from s):
 *
 * <pre>
 *   score(s, c) = Σ_{s' ∈ S(c)} Σ_{c' ∈ C(s) ∩ C(s')} 1 / (k_{s'} · k_{c'})^α
 * </pre>
 *
 * where S(c) are c's suppliers, C(s) s's customers, k_{s'} = |C(s')| the number of customers of the
 * intermediate supplier and k_{c'} = |S(c')| the number of suppliers of the intermediate customer.
 *
 * <ul>
 * <li>α = ½ is the L3 index of Kovács, I. A. et al., "Network-based prediction of protein
 * interactions", Nature Communications 10, 1240 (2019), with degrees taken in the role the path
 * uses. Kovács et al. argue that partners are linked by similarity of their partners, not by
 * sharing them; on a supply network, firms that share suppliers rarely trade with each other
 * (triadic closure is weak), but customers that buy alike do buy from the same suppliers.</li>
 * <li>α = 1 divides the resource by the full degree at each step: it is the mass-diffusion
 * (ProbS) recommender on the bipartite customer–supplier graph, Zhou, T., Ren, J., Medo, M. and
 * Zhang, Y.-C., "Bipartite network projection and personal recommendation", Phys. Rev. E 76,
 * 046115 (2007), and the length-3 analogue of the resource-allocation index (Zhou, Lü and Zhang
 * 2009). Hubs that sell to everyone or buy from everyone count less.</li>
 * </ul>
 *
 * <p>With {@code supplierPopularity}, the score is {@code (L3 + 0.01) · √k_s} with k_s = |C(s)| the
 * candidate supplier's number of customers: path evidence times supplier popularity, the 0.01
 * acting as a small prior so that pairs without any length-3 path (about half of the held-out
 * relations on sparse networks) are still ordered by how many customers the supplier already
 * serves. This is the preferential-attachment idea on the supplier side only (the customer's
 * degree measured 0.52–0.69 AUC alone, the supplier's 0.73–0.91). For one supplier the order of
 * customers is the L3 order.
 *
 * <p>Complexity: O(k_s + min(Σ_{s'∈S(c)} k_{s'}, Σ_{c'∈C(s)} k_{c'})) per pair: the method marks the
 * neighbours on one side and walks the two-step neighbourhood of the cheaper side (known in O(1)
 * from precomputed neighbour-degree sums). O(n + m) preprocessing. Not thread-safe (it reuses a
 * scratch buffer); use one instance per thread.
 *
 * <p>As a JGraphT {@link LinkPredictionAlgorithm}, {@code predict(u, v)} is the score of the
 * relation u → v, i.e. u supplies v; unknown firms score 0.
 */
final class PathOfLengthThreeLinkPrediction implements LinkPredictionAlgorithm<String, SupplyRelation>, PairScorer {

    private final SupplyTieNetwork network;
    /** k^-α of each firm as a supplier (by its number of customers). */
    private final double[] supplierWeight;
    /** k^-α of each firm as a customer (by its number of suppliers). */
    private final double[] customerWeight;
    /** Σ_{s' ∈ S(c)} k_{s'}: work to walk from customer c. */
    private final long[] customerReach;
    /** Σ_{c' ∈ C(s)} k_{c'}: work to walk from supplier s. */
    private final long[] supplierReach;
    private final int[] stamp;
    private final boolean supplierPopularity;
    private int currentStamp;

    /** Evidence prior added to the path score when weighting by supplier popularity. */
    static final double POPULARITY_PRIOR = 0.01;

    /**
     * @param alpha degree exponent: ½ for L3 (Kovács et al.), 1 for mass diffusion
     * @param supplierPopularity whether to multiply by √k_s (see the class javadoc)
     * @throws IllegalArgumentException if alpha is negative or not finite
     */
    PathOfLengthThreeLinkPrediction(SupplyTieNetwork network, double alpha, boolean supplierPopularity) {
        this.supplierPopularity = supplierPopularity;
        this.network = Objects.requireNonNull(network, "network");
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, was " + alpha);
        }
        int n = network.firmCount();
        supplierWeight = new double[n];
        customerWeight = new double[n];
        customerReach = new long[n];
        supplierReach = new long[n];
        for (int v = 0; v < n; v++) {
            int ks = network.customersOf(v).length;
            int kc = network.suppliersOf(v).length;
            supplierWeight[v] = ks == 0 ? 0 : Math.pow(ks, -alpha);
            customerWeight[v] = kc == 0 ? 0 : Math.pow(kc, -alpha);
        }
        for (int v = 0; v < n; v++) {
            long reach = 0;
            for (int s : network.suppliersOf(v)) {
                reach += network.customersOf(s).length;
            }
            customerReach[v] = reach;
            reach = 0;
            for (int c : network.customersOf(v)) {
                reach += network.suppliersOf(c).length;
            }
            supplierReach[v] = reach;
        }
        stamp = new int[n];
    }

    @Override
    public double predict(String supplier, String customer) {
        var s = network.indexOf(supplier);
        var c = network.indexOf(customer);
        return s.isPresent() && c.isPresent() ? score(s.getAsInt(), c.getAsInt()) : 0d;
    }

    @Override
    public double score(int supplier, int customer) {
        double paths = pathScore(supplier, customer);
        return supplierPopularity ? (paths + POPULARITY_PRIOR) * Math.sqrt(network.customersOf(supplier).length) : paths;
    }

    /** Evidence means at least one path c → s' ← c' → s. */
    @Override
    public boolean hasEvidence(int supplier, int customer) {
        return pathScore(supplier, customer) > 0;
    }

    /** The weighted path sum alone. */
    double pathScore(int supplier, int customer) {
        int mark = nextStamp();
        double sum = 0;
        if (customerReach[customer] <= supplierReach[supplier]) {
            // mark C(s), walk c → s' → c'
            for (int c2 : network.customersOf(supplier)) {
                stamp[c2] = mark;
            }
            for (int s2 : network.suppliersOf(customer)) {
                double ws = supplierWeight[s2];
                for (int c2 : network.customersOf(s2)) {
                    if (stamp[c2] == mark) {
                        sum += ws * customerWeight[c2];
                    }
                }
            }
        } else {
            // mark S(c), walk s → c' → s'
            for (int s2 : network.suppliersOf(customer)) {
                stamp[s2] = mark;
            }
            for (int c2 : network.customersOf(supplier)) {
                double wc = customerWeight[c2];
                for (int s2 : network.suppliersOf(c2)) {
                    if (stamp[s2] == mark) {
                        sum += wc * supplierWeight[s2];
                    }
                }
            }
        }
        return sum;
    }

    private int nextStamp() {
        if (++currentStamp == Integer.MAX_VALUE) {
            java.util.Arrays.fill(stamp, 0);
            currentStamp = 1;
        }
        return currentStamp;
    }
}
