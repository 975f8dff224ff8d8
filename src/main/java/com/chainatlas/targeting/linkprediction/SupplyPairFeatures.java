package com.chainatlas.targeting.linkprediction;

import java.util.List;
import java.util.Objects;

/**
 * Features of a candidate relation supplier s → customer c (候选供应关系特征), computed from one
 * supply network only, for the stacked model ({@link StackedLinkPrediction}). In the spirit of
 * Mungo, L., Lafond, F., Astudillo-Estévez, P. and Farmer, J. D., "Reconstructing production
 * networks using machine learning", J. Econ. Dyn. Control 148 (2023), and Brintrup, A., Wichmann,
 * P., Woodall, P., McFarlane, D., Nicks, E. and Krechel, W., "Predicting hidden links in supply
 * networks", Complexity (2018): path counts, degrees in both roles, tier position and role
 * similarity.
 *
 * <ul>
 * <li><b>Paths.</b> L3 (c → s' ← c' → s, {@link PathOfLengthThreeLinkPrediction}) with α = ½ and
 * α = 1, and L5 (walks c → s1 ← c1 → s2 ← c2 → s not returning to c), each step divided by the
 * degree it leaves (mass diffusion, Zhou et al. 2007, two steps further). About half of the held-out relations of a sparse
 * network have no L3 path left; most of those still have an L5 path.</li>
 * <li><b>Degrees</b> of both firms in both roles (log): popularity of the supplier, appetite of the
 * customer, and whether each firm also sells or buys; and the mean popularity of the suppliers c
 * already buys from (a firm that buys mainstream inputs tends to add another popular supplier; on
 * the real product-input network this alone lifted the AUC from 0.943 to 0.949).</li>
 * <li><b>Tier position</b> (层级): upstream depth h(v) = 1 + mean h over v's suppliers (0 without
 * suppliers) and downstream depth d(v) = 1 + mean d over v's customers, each after
 * {@value #DEPTH_ITERATIONS} Jacobi rounds (so bounded on cyclic data). Pair features h(c) − h(s),
 * d(s) − d(c), h(c), d(s), and how far h(c) lies from the mean h of the customers s already serves.</li>
 * <li><b>Role similarity</b> (block affinity, 角色相似): with the spectral role vectors of
 * {@link SpectralRoleEmbedding}, the cosine between c (as a customer) and the mean of s's customers,
 * and its highest cosine to one of them; likewise s (as a supplier) against c's suppliers. "Does c
 * buy like the firms s sells to" without needing a shared partner.</li>
 * <li><b>Neighbour similarity</b> (协同过滤, collaborative filtering; only for the per-customer model,
 * the first {@value #CLASSIC_COUNT} features are the classic model's): item-kNN — the cosine between
 * the customer sets of s and of each supplier c already buys from (highest and mean: "s sells to the
 * same firms as c's suppliers"), and user-kNN — the cosine between the supplier sets of c and of each
 * customer s already serves (highest, mean and sum: "firms that buy like c buy from s"). These
 * compare suppliers for one customer, which is what a per-customer ranking needs.</li>
 * </ul>
 *
 * <p>Complexity: O(n · r² + m · r) for the embedding of rank r plus O(m · {@value #DEPTH_ITERATIONS})
 * for the depths, once; per pair the L3 walk, the L5 walk (three steps from the end with the
 * smaller three-step neighbourhood, known from precomputed sums, two from the other) and
 * O((k_s + k_c) · r) for the similarities. Not thread-safe (scratch buffers); use {@link #copyForAnotherThread()} per thread.
 */
final class SupplyPairFeatures {

    static final int DEPTH_ITERATIONS = 20;
    /** Rank of the role embedding and the seed of its random start. */
    static final int EMBEDDING_RANK = 32;
    static final long EMBEDDING_SEED = 7;
    /** Value of a similarity feature when a firm lacks the role it needs. */
    static final double MISSING = -2;

    /** Feature names, in the order {@link #compute} writes them. */
    static final List<String> NAMES = List.of(
            "log L3 (α=½)", "log L3 (α=1)", "log L5",
            "log customers of s", "log suppliers of s", "log suppliers of c", "log customers of c",
            "h(c) − h(s)", "d(s) − d(c)", "|h(c) − mean h of s's customers|", "h(c)", "d(s)",
            "c buys like s's customers", "c buys like one of s's customers",
            "s sells like c's suppliers", "s sells like one of c's suppliers",
            "log mean customers of c's suppliers",
            "s sells like one of c's suppliers (item-kNN max)", "s sells like c's suppliers (item-kNN mean)",
            "c buys like one of s's customers (user-kNN max)", "c buys like s's customers (user-kNN mean)",
            "log user-kNN sum");

    /** Features of the classic stacked model (a prefix of {@link #NAMES}). */
    static final int CLASSIC_COUNT = 17;

    private final SupplyTieNetwork network;
    private final PathOfLengthThreeLinkPrediction l3;
    private final PathOfLengthThreeLinkPrediction l3ra;
    /** 1/k of each firm as a supplier (by customers) and as a customer (by suppliers); 0 for k = 0. */
    private final double[] inverseCustomers;
    private final double[] inverseSuppliers;
    private final double[] upstreamDepth;
    private final double[] downstreamDepth;
    /** log(1 + mean number of customers of each customer's suppliers): does it buy mainstream inputs. */
    private final double[] suppliersPopularity;
    /** Mean upstream depth of each supplier's customers. */
    private final double[] customersDepth;
    private final SpectralRoleEmbedding embedding;
    /** Sum of the customer-role vectors of each supplier's customers (null if none). */
    private final double[][] customersProfile;
    /** Sum of the supplier-role vectors of each customer's suppliers (null if none). */
    private final double[][] suppliersProfile;
    /** Scratch for the L5 walk: weight reached per supplier, and which suppliers were touched. */
    private final double[] reached;
    private final int[] touched;
    /** Work of the three-step L5 walk from a firm as customer / as supplier. */
    private final long[] customerWork;
    private final long[] supplierWork;

    SupplyPairFeatures(SupplyTieNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
        this.l3 = new PathOfLengthThreeLinkPrediction(network, 0.5, false);
        this.l3ra = new PathOfLengthThreeLinkPrediction(network, 1.0, false);
        int n = network.firmCount();
        inverseCustomers = new double[n];
        inverseSuppliers = new double[n];
        for (int v = 0; v < n; v++) {
            int kc = network.customersOf(v).length;
            int ks = network.suppliersOf(v).length;
            inverseCustomers[v] = kc == 0 ? 0 : 1.0 / kc;
            inverseSuppliers[v] = ks == 0 ? 0 : 1.0 / ks;
        }
        suppliersPopularity = new double[n];
        for (int c = 0; c < n; c++) {
            int[] suppliers = network.suppliersOf(c);
            long sum = 0;
            for (int s : suppliers) {
                sum += network.customersOf(s).length;
            }
            suppliersPopularity[c] = suppliers.length == 0 ? 0 : Math.log1p((double) sum / suppliers.length);
        }
        upstreamDepth = depth(network, true);
        downstreamDepth = depth(network, false);
        customersDepth = new double[n];
        for (int s = 0; s < n; s++) {
            int[] customers = network.customersOf(s);
            double sum = 0;
            for (int c : customers) {
                sum += upstreamDepth[c];
            }
            customersDepth[s] = customers.length == 0 ? 0 : sum / customers.length;
        }
        embedding = new SpectralRoleEmbedding(network, EMBEDDING_RANK, EMBEDDING_SEED);
        customersProfile = new double[n][];
        suppliersProfile = new double[n][];
        for (int v = 0; v < n; v++) {
            customersProfile[v] = sum(network.customersOf(v), true);
            suppliersProfile[v] = sum(network.suppliersOf(v), false);
        }
        reached = new double[n];
        touched = new int[n];
        // two-step work first (Σ of partners' degrees), then three-step work (Σ of partners' two-step work)
        long[] customerTwo = new long[n];
        long[] supplierTwo = new long[n];
        for (int v = 0; v < n; v++) {
            for (int s : network.suppliersOf(v)) {
                customerTwo[v] += network.customersOf(s).length;
            }
            for (int c : network.customersOf(v)) {
                supplierTwo[v] += network.suppliersOf(c).length;
            }
        }
        customerWork = new long[n];
        supplierWork = new long[n];
        for (int v = 0; v < n; v++) {
            for (int s : network.suppliersOf(v)) {
                customerWork[v] += supplierTwo[s];
            }
            for (int c : network.customersOf(v)) {
                supplierWork[v] += customerTwo[c];
            }
        }
    }

    /** A copy for another thread: shares the immutable precomputed arrays, has its own scratch. */
    private SupplyPairFeatures(SupplyPairFeatures shared) {
        network = shared.network;
        l3 = new PathOfLengthThreeLinkPrediction(network, 0.5, false);
        l3ra = new PathOfLengthThreeLinkPrediction(network, 1.0, false);
        inverseCustomers = shared.inverseCustomers;
        inverseSuppliers = shared.inverseSuppliers;
        suppliersPopularity = shared.suppliersPopularity;
        upstreamDepth = shared.upstreamDepth;
        downstreamDepth = shared.downstreamDepth;
        customersDepth = shared.customersDepth;
        embedding = shared.embedding;
        customersProfile = shared.customersProfile;
        suppliersProfile = shared.suppliersProfile;
        reached = new double[network.firmCount()];
        touched = new int[network.firmCount()];
        customerWork = shared.customerWork;
        supplierWork = shared.supplierWork;
    }

    /** Features over the same network and precomputation with fresh scratch buffers, for another thread. */
    SupplyPairFeatures copyForAnotherThread() {
        return new SupplyPairFeatures(this);
    }

    /** Number of features. */
    static int count() {
        return NAMES.size();
    }

    /** Writes the features of supplier → customer into {@code out} (length {@link #count()}). */
    void compute(int supplier, int customer, double[] out) {
        out[0] = Math.log1p(l3.pathScore(supplier, customer));
        out[1] = Math.log1p(10 * l3ra.pathScore(supplier, customer));
        out[2] = Math.log1p(100 * l5(supplier, customer));
        out[3] = Math.log1p(network.customersOf(supplier).length);
        out[4] = Math.log1p(network.suppliersOf(supplier).length);
        out[5] = Math.log1p(network.suppliersOf(customer).length);
        out[6] = Math.log1p(network.customersOf(customer).length);
        out[7] = upstreamDepth[customer] - upstreamDepth[supplier];
        out[8] = downstreamDepth[supplier] - downstreamDepth[customer];
        out[9] = Math.abs(upstreamDepth[customer] - customersDepth[supplier]);
        out[10] = upstreamDepth[customer];
        out[11] = downstreamDepth[supplier];
        double[] c = embedding.asCustomer(customer);
        double[] s = embedding.asSupplier(supplier);
        out[12] = cosine(c, customersProfile[supplier]);
        out[13] = nearest(c, network.customersOf(supplier), customer, true);
        out[14] = cosine(s, suppliersProfile[customer]);
        out[15] = nearest(s, network.suppliersOf(customer), supplier, false);
        out[16] = suppliersPopularity[customer];
        if (out.length > CLASSIC_COUNT) {
            neighbourSimilarity(supplier, customer, out);
        }
    }

    /**
     * Item-kNN and user-kNN cosines (features {@value #CLASSIC_COUNT}..): sorted-array intersections,
     * O(k_c · k_s + Σ_{s'∈S(c)} k_{s'} + Σ_{c'∈C(s)} k_{c'}).
     */
    private void neighbourSimilarity(int supplier, int customer, double[] out) {
        int[] buyersOfS = network.customersOf(supplier);
        double itemMax = 0;
        double itemSum = 0;
        int[] suppliersOfC = network.suppliersOf(customer);
        int items = 0;
        for (int other : suppliersOfC) {
            if (other == supplier) {
                continue;
            }
            int[] buyersOfOther = network.customersOf(other);
            double cos = buyersOfS.length == 0 ? 0
                    : intersection(buyersOfS, buyersOfOther, customer) / Math.sqrt((double) buyersOfS.length * buyersOfOther.length);
            itemMax = Math.max(itemMax, cos);
            itemSum += cos;
            items++;
        }
        double userMax = 0;
        double userSum = 0;
        int users = 0;
        for (int other : buyersOfS) {
            if (other == customer) {
                continue;
            }
            int[] suppliersOfOther = network.suppliersOf(other);
            double cos = suppliersOfC.length == 0 ? 0
                    : intersection(suppliersOfC, suppliersOfOther, supplier) / Math.sqrt((double) suppliersOfC.length * suppliersOfOther.length);
            userMax = Math.max(userMax, cos);
            userSum += cos;
            users++;
        }
        out[CLASSIC_COUNT] = items == 0 ? MISSING : itemMax;
        out[CLASSIC_COUNT + 1] = items == 0 ? MISSING : itemSum / items;
        out[CLASSIC_COUNT + 2] = users == 0 ? MISSING : userMax;
        out[CLASSIC_COUNT + 3] = users == 0 ? MISSING : userSum / users;
        out[CLASSIC_COUNT + 4] = Math.log1p(userSum);
    }

    /** |a ∩ b| of two sorted arrays, not counting {@code skip} (the pair's own other end). */
    private static int intersection(int[] a, int[] b, int skip) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                n += a[i] == skip ? 0 : 1;
                i++;
                j++;
            }
        }
        return n;
    }

    /** Whether the pair has path evidence a reason can name: a path of length 3 or 5. */
    boolean hasPathEvidence(int supplier, int customer) {
        return l3.pathScore(supplier, customer) > 0 || l5(supplier, customer) > 0;
    }

    /**
     * Σ over walks c → s1 ← c1 → s2 ← c2 → s with c1 ≠ c ≠ c2 of 1/(k_{s1} k_{c1} k_{s2} k_{c2}), k the
     * degree in the role the walk leaves by. Spreads weight three steps from the side whose
     * three-step neighbourhood is smaller, then collects it two steps back from the other.
     */
    double l5(int supplier, int customer) {
        int count = 0;
        boolean fromCustomer = customerWork[customer] <= supplierWork[supplier];
        // three steps from one end: c → s1 ← c1 → s2 (spread over s2), or s ← c2 → s2 ← c1 (spread over c1)
        int[] first = fromCustomer ? network.suppliersOf(customer) : network.customersOf(supplier);
        for (int a : first) {
            if (!fromCustomer && a == customer) {
                continue;
            }
            double w1 = fromCustomer ? inverseCustomers[a] : inverseSuppliers[a];
            for (int b : fromCustomer ? network.customersOf(a) : network.suppliersOf(a)) {
                if (fromCustomer && b == customer) {
                    continue;
                }
                double w2 = w1 * (fromCustomer ? inverseSuppliers[b] : inverseCustomers[b]);
                for (int d : fromCustomer ? network.suppliersOf(b) : network.customersOf(b)) {
                    if (!fromCustomer && d == customer) {
                        continue;
                    }
                    if (reached[d] == 0) {
                        touched[count++] = d;
                    }
                    reached[d] += w2 * (fromCustomer ? inverseCustomers[d] : inverseSuppliers[d]);
                }
            }
        }
        if (count == 0) {
            return 0;
        }
        // two steps back from the other end: s ← c2 → s2, or c → s1 ← c1
        double sum = 0;
        for (int a : fromCustomer ? network.customersOf(supplier) : network.suppliersOf(customer)) {
            if (fromCustomer && a == customer) {
                continue;
            }
            double w = fromCustomer ? inverseSuppliers[a] : inverseCustomers[a];
            for (int d : fromCustomer ? network.suppliersOf(a) : network.customersOf(a)) {
                sum += w * reached[d];
            }
        }
        for (int i = 0; i < count; i++) {
            reached[touched[i]] = 0;
        }
        return sum;
    }

    /** Sum of the firms' customer-role (or supplier-role) vectors, over those that have the role. */
    private double[] sum(int[] firms, boolean customerRole) {
        double[] sum = null;
        for (int v : firms) {
            double[] x = customerRole ? embedding.asCustomer(v) : embedding.asSupplier(v);
            if (x != null) {
                if (sum == null) {
                    sum = new double[x.length];
                }
                for (int j = 0; j < x.length; j++) {
                    sum[j] += x[j];
                }
            }
        }
        return sum;
    }

    /** Highest cosine between unit vector x and the role vectors of the firms other than self. */
    private double nearest(double[] x, int[] firms, int self, boolean customerRole) {
        double best = MISSING;
        if (x != null) {
            for (int v : firms) {
                double[] y = customerRole ? embedding.asCustomer(v) : embedding.asSupplier(v);
                if (v != self && y != null) {
                    best = Math.max(best, SpectralRoleEmbedding.dot(x, y));
                }
            }
        }
        return best;
    }

    private static double cosine(double[] a, double[] b) {
        if (a == null || b == null) {
            return MISSING;
        }
        double norms = Math.sqrt(SpectralRoleEmbedding.dot(a, a) * SpectralRoleEmbedding.dot(b, b));
        return norms == 0 ? 0 : SpectralRoleEmbedding.dot(a, b) / norms;
    }

    /** Upstream (over suppliers) or downstream (over customers) depth, see the class javadoc. */
    private static double[] depth(SupplyTieNetwork network, boolean upstream) {
        int n = network.firmCount();
        double[] d = new double[n];
        double[] next = new double[n];
        for (int round = 0; round < DEPTH_ITERATIONS; round++) {
            for (int v = 0; v < n; v++) {
                int[] partners = upstream ? network.suppliersOf(v) : network.customersOf(v);
                double sum = 0;
                for (int u : partners) {
                    sum += d[u];
                }
                next[v] = partners.length == 0 ? 0 : 1 + sum / partners.length;
            }
            double[] t = d;
            d = next;
            next = t;
        }
        return d;
    }
}
