package com.chainatlas.targeting.linkprediction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Service-facing link prediction (供应关系预测): for a candidate supplier, the local customers it
 * would most likely supply, so a target's reason can read "预计可为本地企业 XX 供货".
 *
 * <p>Built once per supply network (adjacency as sorted {@code int[]}, see {@link SupplyTieNetwork}); a
 * method that learns from the network ({@code stack}, the recommended one) trains in the constructor,
 * about 1.5 s for 15k firms and 40k relations. Each query scores only the given local customers:
 * O(L · (k_s + few-step neighbourhood)) for L local customers. Customers the supplier already
 * supplies and customers without evidence (for {@code stack}: no path of length 3 or 5 between the
 * two firms, c → s' ← c' → s or c → s1 ← c1 → s2 ← c2 → s; for the L3 methods: no path of length 3)
 * are left out. Thread-safe: each thread gets its own scorer over the shared trained model.
 */
public final class SupplyLinkPredictor {

    private final SupplyTieNetwork network;
    private final LinkPredictionMethod method;
    private final ThreadLocal<PairScorer> scorer;

    /** Uses {@link LinkPredictionMethod#RECOMMENDED}. */
    public SupplyLinkPredictor(SupplyTieNetwork network) {
        this(network, LinkPredictionMethod.RECOMMENDED);
    }

    public SupplyLinkPredictor(SupplyTieNetwork network, LinkPredictionMethod method) {
        this.network = Objects.requireNonNull(network, "network");
        this.method = Objects.requireNonNull(method, "method");
        ScoringContext context = new ScoringContext(network);
        this.scorer = ThreadLocal.withInitial(() -> method.newScorer(context));
        scorer.get(); // train (if the method learns) now, once per network, not on the first query
    }

    public LinkPredictionMethod method() {
        return method;
    }

    /**
     * The top local customers for a candidate supplier, best first; equal scores in id order.
     *
     * @param supplierId the candidate supplier; unknown to the network gives an empty list
     * @param localCustomerIds the region's firms to consider; ids unknown to the network are skipped
     * @param limit at most this many results
     * @return an unmodifiable list
     * @throws IllegalArgumentException if limit &lt; 1 or an argument is null
     */
    public List<PredictedCustomer> topLocalCustomers(String supplierId, Collection<String> localCustomerIds, int limit) {
        if (supplierId == null || localCustomerIds == null) {
            throw new IllegalArgumentException("supplierId and localCustomerIds are required");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        OptionalInt supplier = network.indexOf(supplierId);
        if (supplier.isEmpty()) {
            return List.of();
        }
        int s = supplier.getAsInt();
        PairScorer pairScorer = scorer.get();
        Set<String> distinct = new LinkedHashSet<>(localCustomerIds);
        List<PredictedCustomer> found = new ArrayList<>();
        for (String customerId : distinct) {
            OptionalInt customer = customerId == null ? OptionalInt.empty() : network.indexOf(customerId);
            if (customer.isEmpty()) {
                continue;
            }
            int c = customer.getAsInt();
            if (c == s || network.hasRelation(s, c) || !pairScorer.hasEvidence(s, c)) {
                continue;
            }
            found.add(new PredictedCustomer(customerId, pairScorer.score(s, c)));
        }
        return top(found, limit);
    }

    private static List<PredictedCustomer> top(List<PredictedCustomer> found, int limit) {
        found.sort(BEST_FIRST);
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    private static final Comparator<PredictedCustomer> BEST_FIRST =
            Comparator.comparingDouble(PredictedCustomer::score).reversed().thenComparing(PredictedCustomer::customerId);

    /**
     * {@link #topLocalCustomers} of every supplier at once, equal to calling it for each (suppliers without a
     * prediction are left out of the map). For the methods whose evidence is a path (the stacked ones and the L3
     * ones: c → s' ← c' → s, or of length 5) it walks out from the local customers instead of testing every
     * (supplier, local) pair: the suppliers a walk of length 3 or 5 reaches from a customer are a superset of those
     * with evidence, each reached pair is then tested and scored exactly as {@link #topLocalCustomers} does. So the
     * cost follows the locals' neighbourhoods, not suppliers × locals (a ranking asks this for every candidate).
     */
    public java.util.Map<String, List<PredictedCustomer>> topLocalCustomersOfEach(Collection<String> supplierIds,
                                                                                 Collection<String> localCustomerIds, int limit) {
        if (supplierIds == null || localCustomerIds == null) {
            throw new IllegalArgumentException("supplierIds and localCustomerIds are required");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        java.util.Map<String, List<PredictedCustomer>> result = new java.util.HashMap<>();
        if (!pathEvidence(method)) {
            for (String s : new LinkedHashSet<>(supplierIds)) {
                List<PredictedCustomer> top = topLocalCustomers(s, localCustomerIds, limit);
                if (!top.isEmpty()) {
                    result.put(s, top);
                }
            }
            return result;
        }
        int n = network.firmCount();
        boolean[] wanted = new boolean[n];
        for (String id : supplierIds) {
            network.indexOf(id == null ? "" : id).ifPresent(v -> wanted[v] = true);
        }
        PairScorer pairScorer = scorer.get();
        java.util.Map<Integer, List<PredictedCustomer>> found = new java.util.HashMap<>();
        int[] seen = new int[n]; // per level: stamp of the walk that reached the firm
        int[] reached = new int[n]; // suppliers reached from the current customer: its stamp
        int stamp = 0;
        int walk = 0;
        for (String customerId : new LinkedHashSet<>(localCustomerIds)) {
            OptionalInt customer = customerId == null ? OptionalInt.empty() : network.indexOf(customerId);
            if (customer.isEmpty()) {
                continue;
            }
            int c = customer.getAsInt();
            walk++;
            // frontier by level: S1 = suppliers of c, C1 = their customers, S2 (length 3), C2, S3 (length 5)
            int[] frontier = {c};
            for (int level = 1; level <= 5; level++) {
                boolean toSuppliers = level % 2 == 1;
                stamp++;
                IntList next = new IntList();
                for (int v : frontier) {
                    for (int w : toSuppliers ? network.suppliersOf(v) : network.customersOf(v)) {
                        if (seen[w] != stamp) {
                            seen[w] = stamp;
                            next.add(w);
                        }
                    }
                }
                frontier = next.toArray();
                if (level == 3 || level == 5) {
                    for (int s : frontier) {
                        if (!wanted[s] || reached[s] == walk) {
                            continue;
                        }
                        reached[s] = walk;
                        if (s == c || network.hasRelation(s, c) || !pairScorer.hasEvidence(s, c)) {
                            continue;
                        }
                        found.computeIfAbsent(s, k -> new ArrayList<>()).add(new PredictedCustomer(customerId, pairScorer.score(s, c)));
                    }
                }
            }
        }
        found.forEach((s, list) -> result.put(network.idOf(s), top(list, limit)));
        return result;
    }

    /** Whether the method's evidence for (s, c) is a path c → s' ← c' → s (or of length 5) of the network. */
    private static boolean pathEvidence(LinkPredictionMethod m) {
        return switch (m) {
            case STACKED, STACKED_PER_CUSTOMER, L3, L3_RESOURCE_ALLOCATION, L3_SUPPLIER_POPULARITY -> true;
            default -> false;
        };
    }

    /** A growable int array (the walk's frontier). */
    private static final class IntList {
        private int[] a = new int[16];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = java.util.Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, size);
        }
    }
}
