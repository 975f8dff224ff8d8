package com.chainatlas.targeting.linkprediction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates a tiered buyer–supplier network with planted structure, shaped like an automotive
 * supply network (汽车供应网络): OEMs (2% of firms), tier-1 (13%), tier-2 (30%), tier-3 (35%) and raw
 * material firms (20%). Each tier is split into segments (e.g. powertrain, electronics); each
 * customer segment buys from two segments of the next tier, and its customers form clusters of
 * about 12 firms that share a preferred pool of about 25 suppliers. A customer buys from its
 * cluster's pool with probability {@code 1 - noise}, otherwise from a supplier anywhere in the next
 * two tiers picked in proportion to popularity (heavy-tailed). Number of suppliers per customer is
 * heavy-tailed too (OEMs buy from many), scaled to about {@code relationsPerFirm} relations per firm.
 *
 * <p>The planted signal is exactly what path-of-length-3 methods read (customers that buy alike
 * buy from the same suppliers); it is a test fixture for the evaluation, not a claim about real
 * networks. Deterministic for a seed. O(n + m) expected time.
 */
final class PlantedSupplyNetworkGenerator {

    private static final double[] TIER_SHARE = {0.02, 0.13, 0.30, 0.35, 0.20};
    /** Relative number of suppliers a customer in each tier buys from. */
    private static final double[] TIER_APPETITE = {12, 3, 1.5, 1, 0};
    private static final int SEGMENTS_PER_TIER = 12;
    private static final int CLUSTER_SIZE = 12;
    private static final int POOL_SIZE = 25;

    private PlantedSupplyNetworkGenerator() {
    }

    /**
     * @throws IllegalArgumentException if firms &lt; 100, relationsPerFirm &lt;= 0 or noise not in [0, 1]
     */
    static List<SupplyRelation> generate(int firms, double relationsPerFirm, double noise, long seed) {
        if (firms < 100) {
            throw new IllegalArgumentException("need at least 100 firms, was " + firms);
        }
        if (!(relationsPerFirm > 0) || !(noise >= 0 && noise <= 1)) {
            throw new IllegalArgumentException("relationsPerFirm must be > 0 and noise in [0, 1]");
        }
        Random random = new Random(seed);
        int tiers = TIER_SHARE.length;
        // firms per tier and segment: tierFirms[t][g] = list of firm ids
        List<List<List<Integer>>> tierFirms = new ArrayList<>();
        double[] popularity = new double[firms];
        int next = 0;
        for (int t = 0; t < tiers; t++) {
            int count = t == tiers - 1 ? firms - next : (int) Math.round(TIER_SHARE[t] * firms);
            List<List<Integer>> segments = new ArrayList<>();
            for (int g = 0; g < SEGMENTS_PER_TIER; g++) {
                segments.add(new ArrayList<>());
            }
            for (int i = 0; i < count; i++) {
                int firm = next++;
                segments.get(random.nextInt(SEGMENTS_PER_TIER)).add(firm);
                popularity[firm] = Math.pow(1 - random.nextDouble(), -1.0 / 1.5); // Pareto, alpha 1.5
            }
            tierFirms.add(segments);
        }
        double appetiteSum = 0;
        for (int t = 0; t < tiers; t++) {
            appetiteSum += TIER_SHARE[t] * TIER_APPETITE[t];
        }
        double scale = relationsPerFirm / appetiteSum; // mean suppliers per unit appetite

        Set<SupplyRelation> relations = new LinkedHashSet<>();
        for (int t = 0; t < tiers - 1; t++) {
            List<Integer> nextTiers = new ArrayList<>();
            for (int u = t + 1; u < Math.min(tiers, t + 3); u++) {
                tierFirms.get(u).forEach(nextTiers::addAll);
            }
            double[] cumulative = cumulativePopularity(nextTiers, popularity);
            for (int g = 0; g < SEGMENTS_PER_TIER; g++) {
                List<Integer> supplierSegment = new ArrayList<>(tierFirms.get(t + 1).get(g));
                supplierSegment.addAll(tierFirms.get(t + 1).get((g + 1 + random.nextInt(SEGMENTS_PER_TIER - 1)) % SEGMENTS_PER_TIER));
                if (supplierSegment.isEmpty()) {
                    continue;
                }
                double[] segmentCumulative = cumulativePopularity(supplierSegment, popularity);
                List<Integer> customers = tierFirms.get(t).get(g);
                for (int start = 0; start < customers.size(); start += CLUSTER_SIZE) {
                    int[] pool = new int[Math.min(POOL_SIZE, supplierSegment.size())];
                    for (int i = 0; i < pool.length; i++) {
                        pool[i] = supplierSegment.get(pick(segmentCumulative, random));
                    }
                    for (int i = start; i < Math.min(customers.size(), start + CLUSTER_SIZE); i++) {
                        int customer = customers.get(i);
                        double mean = scale * TIER_APPETITE[t];
                        int wanted = Math.max(1, (int) Math.round(mean * Math.exp(random.nextGaussian() * 0.8 - 0.32)));
                        for (int k = 0; k < wanted; k++) {
                            int supplier = random.nextDouble() < noise
                                    ? nextTiers.get(pick(cumulative, random))
                                    : pool[random.nextInt(pool.length)];
                            relations.add(new SupplyRelation("F" + customer, "F" + supplier));
                        }
                    }
                }
            }
        }
        return List.copyOf(relations);
    }

    private static double[] cumulativePopularity(List<Integer> firms, double[] popularity) {
        double[] cumulative = new double[firms.size()];
        double sum = 0;
        for (int i = 0; i < firms.size(); i++) {
            sum += popularity[firms.get(i)];
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, Random random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, x);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }
}
