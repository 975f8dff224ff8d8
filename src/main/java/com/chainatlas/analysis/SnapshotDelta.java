package com.chainatlas.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A snapshot's change after an import that touched known enterprises (增量快照): the touched enterprises' current
 * rows (properties, chain memberships, the supply relations where they are supplier or customer), read by
 * {@link SnapshotLoader#loadDelta}, applied to the previous snapshot's arrays in memory. The result is exactly the
 * snapshot a full read of the same database gives ({@code SnapshotDeltaPropertyTest}): touched enterprises are
 * removed and their new versions merged in canonical order (region code, USCC), indices remapped, memberships and
 * supply relations rebuilt in compressed-row form; untouched rows keep their values (their inputs did not change:
 * a supply row's segment depends only on its product and its supplier's first segment, and chain-structure changes
 * always rebuild whole). The national figures and FEEDS structure are then computed from the arrays as in a full
 * build. Cost: O(n + m) memory work plus the delta's own sorting; the database read is O(touched).
 *
 * <p>Normalisation (unknown revenue, region codes, names, dates) is {@link SnapshotBuilder}'s, row by row.
 */
final class SnapshotDelta {

    private final Set<String> touched;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> usccs = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> zones = new ArrayList<>();
    private final GrowableArrays.Ints regionCodes = new GrowableArrays.Ints();
    private final GrowableArrays.Doubles revenues = new GrowableArrays.Doubles();
    private final GrowableArrays.Ints entryDays = new GrowableArrays.Ints();
    private final List<String[]> memberships = new ArrayList<>();
    /** supplier USCC, supplier region, customer USCC, customer region, product. */
    private final List<String[]> supplies = new ArrayList<>();
    private final GrowableArrays.Doubles supplyAmounts = new GrowableArrays.Doubles();

    /** Time of the last {@link #apply}'s array work (before the national figures), and of its touched lookups. */
    long arraysNanos;
    long lookupNanos;

    /** @param touched the keys of the enterprises whose rows this delta carries (all of their rows) */
    SnapshotDelta(Collection<String> touched) {
        // a HashSet, not Set.copyOf: the immutable set probes linearly, and near-consecutive USCC hash codes made
        // its lookups of absent keys O(touched) (208 s for 15 k keys against 1 M enterprises)
        this.touched = java.util.Collections.unmodifiableSet(new HashSet<>(touched));
    }

    Set<String> touched() {
        return touched;
    }

    int supplyRows() {
        return supplies.size();
    }

    /** A touched enterprise in the chain now (first row wins, as in {@link SnapshotBuilder#enterprise}). */
    SnapshotDelta enterprise(String uscc, String name, String regionCode, String zone, Double revenue,
                             java.time.LocalDate founded, java.time.LocalDate listed) {
        if (uscc == null || !touched.contains(uscc) || index.containsKey(uscc) || !validRegion(regionCode)) {
            return this;
        }
        index.put(uscc, usccs.size());
        usccs.add(uscc);
        names.add(name == null ? uscc : name);
        zones.add(zone == null || zone.isBlank() ? null : zone);
        regionCodes.add(Integer.parseInt(regionCode));
        revenues.add(revenue == null || revenue.isNaN() || revenue < 0 ? Double.NaN : revenue);
        entryDays.add(SnapshotBuilder.entryDay(founded, listed));
        return this;
    }

    SnapshotDelta membership(String uscc, String segmentId) {
        memberships.add(new String[]{uscc, segmentId});
        return this;
    }

    /**
     * A supply relation with at least one touched end; the region codes locate untouched ends in the base snapshot.
     * Each relation must be given once (a relation between two touched enterprises too).
     */
    SnapshotDelta supply(String supplier, String supplierRegion, String customer, String customerRegion,
                         String productId, Double amount) {
        supplies.add(new String[]{supplier, supplierRegion, customer, customerRegion, productId});
        supplyAmounts.add(amount == null || amount.isNaN() ? Double.NaN : amount);
        return this;
    }

    private static boolean validRegion(String code) {
        return code != null && code.matches("\\d{6}");
    }

    /** The new snapshot: {@code base} with this delta applied. */
    ChainSnapshot apply(ChainSnapshot base, long version, long startedNanos) {
        long t0 = System.nanoTime();
        SnapshotBuilder.Parts b = base.parts();
        int n0 = b.uscc().length;
        boolean[] gone = new boolean[n0];
        for (int i = 0; i < n0; i++) {
            gone[i] = touched.contains(b.uscc()[i]);
        }
        lookupNanos = System.nanoTime() - t0;

        // Enterprises: the kept ones in their order, merged with the delta's sorted by (region code, USCC).
        int d = usccs.size();
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> compare(regionCodes.get(x), usccs.get(x), regionCodes.get(y), usccs.get(y)));
        int kept = 0;
        for (boolean g : gone) {
            kept += g ? 0 : 1;
        }
        int n = kept + d;
        int[] source = new int[n]; // old index, or -(delta index + 1)
        int[] oldToNew = new int[n0];
        int[] deltaToNew = new int[d];
        for (int i = 0, j = 0, e = 0; e < n; e++) {
            while (i < n0 && gone[i]) {
                oldToNew[i++] = -1;
            }
            boolean takeOld = i < n0 && (j == d || compare(b.regionCode()[i], b.uscc()[i],
                    regionCodes.get(order[j]), usccs.get(order[j])) < 0);
            if (takeOld) {
                source[e] = i;
                oldToNew[i++] = e;
            } else {
                source[e] = -(order[j] + 1);
                deltaToNew[order[j++]] = e;
            }
        }
        for (int i = 0; i < n0; i++) {
            if (gone[i]) {
                oldToNew[i] = -1;
            }
        }

        // Zones: names of the kept enterprises' zones and the delta's, sorted distinct.
        boolean[] zoneUsed = new boolean[b.zoneNames().length];
        TreeSet<String> zoneSet = new TreeSet<>();
        for (int i = 0; i < n0; i++) {
            if (!gone[i] && b.zone()[i] >= 0) {
                zoneUsed[b.zone()[i]] = true;
            }
        }
        for (int z = 0; z < zoneUsed.length; z++) {
            if (zoneUsed[z]) {
                zoneSet.add(b.zoneNames()[z]);
            }
        }
        zones.stream().filter(java.util.Objects::nonNull).forEach(zoneSet::add);
        String[] zoneNames = zoneSet.toArray(String[]::new);
        int[] oldZone = new int[b.zoneNames().length];
        for (int z = 0; z < oldZone.length; z++) {
            oldZone[z] = zoneUsed[z] ? Arrays.binarySearch(zoneNames, b.zoneNames()[z]) : -1;
        }

        String[] uscc = new String[n];
        String[] name = new String[n];
        int[] region = new int[n];
        int[] zone = new int[n];
        double[] revenue = new double[n];
        int[] entryDay = new int[n];
        for (int e = 0; e < n; e++) {
            int s = source[e];
            if (s >= 0) {
                uscc[e] = b.uscc()[s];
                name[e] = b.name()[s];
                region[e] = b.regionCode()[s];
                zone[e] = b.zone()[s] < 0 ? -1 : oldZone[b.zone()[s]];
                revenue[e] = b.revenue()[s];
                entryDay[e] = b.entryDay()[s];
            } else {
                int x = -s - 1;
                uscc[e] = usccs.get(x);
                name[e] = names.get(x);
                region[e] = regionCodes.get(x);
                String z = zones.get(x);
                zone[e] = z == null ? -1 : Arrays.binarySearch(zoneNames, z);
                revenue[e] = revenues.get(x);
                entryDay[e] = entryDays.get(x);
            }
        }

        // Memberships: kept slices copied, the delta's distinct segments ascending.
        Map<String, Integer> segIndex = b.segIndex();
        int[][] deltaSegs = deltaMemberships(segIndex, d);
        int[] memStart = new int[n + 1];
        int total = 0;
        for (int e = 0; e < n; e++) {
            int s = source[e];
            total += s >= 0 ? b.memStart()[s + 1] - b.memStart()[s] : deltaSegs[-s - 1].length;
            memStart[e + 1] = total;
        }
        int[] memSeg = new int[total];
        for (int e = 0; e < n; e++) {
            int s = source[e];
            if (s >= 0) {
                System.arraycopy(b.memSeg(), b.memStart()[s], memSeg, memStart[e], b.memStart()[s + 1] - b.memStart()[s]);
            } else {
                System.arraycopy(deltaSegs[-s - 1], 0, memSeg, memStart[e], deltaSegs[-s - 1].length);
            }
        }

        // The delta's supply relations, one per (customer, supplier) pair, merged as the builder merges them.
        DeltaSupplies ds = deltaSupplies(b, gone, oldToNew, deltaToNew, memStart, memSeg);

        // Supply relations by customer: kept rows (untouched supplier and customer) merged with the delta's.
        int m0 = b.inSupplier().length;
        int cap = m0 + ds.count;
        int[] inStart = new int[n + 1];
        int[] inSupplier = new int[cap];
        int[] inSegment = new int[cap];
        double[] inAmount = new double[cap];
        int r = 0;
        int p = 0;
        for (int c = 0; c < n; c++) {
            int s = source[c];
            int k = s >= 0 ? b.inStart()[s] : 0;
            int kEnd = s >= 0 ? b.inStart()[s + 1] : 0;
            while (true) {
                while (k < kEnd && gone[b.inSupplier()[k]]) {
                    k++;
                }
                boolean old = k < kEnd;
                boolean delta = p < ds.count && ds.customer[p] == c;
                if (!old && !delta) {
                    break;
                }
                if (old && (!delta || oldToNew[b.inSupplier()[k]] < ds.supplier[p])) {
                    inSupplier[r] = oldToNew[b.inSupplier()[k]];
                    inSegment[r] = b.inSegment()[k];
                    inAmount[r++] = b.inAmount()[k++];
                } else {
                    inSupplier[r] = ds.supplier[p];
                    inSegment[r] = ds.segment[p];
                    inAmount[r++] = ds.amount[p++];
                }
            }
            inStart[c + 1] = r;
        }
        SnapshotBuilder.Parts parts = new SnapshotBuilder.Parts(b.chainId(), b.chainName(), b.segId(), b.segName(),
                b.segParent(), b.segStage(), b.segKey(), b.segValueAdded(), b.segLeaf(), b.segAncestors(), segIndex,
                b.flowFrom(), b.flowTo(), b.flowRecycling(), uscc, name, region, zone, zoneNames, revenue, entryDay,
                memStart, memSeg, inStart, Arrays.copyOf(inSupplier, r), Arrays.copyOf(inSegment, r),
                Arrays.copyOf(inAmount, r), b.productSegment());
        arraysNanos = System.nanoTime() - t0;
        return new ChainSnapshot(parts, version, startedNanos);
    }

    private int[][] deltaMemberships(Map<String, Integer> segIndex, int d) {
        List<Set<Integer>> segs = new ArrayList<>(d);
        for (int i = 0; i < d; i++) {
            segs.add(new HashSet<>());
        }
        for (String[] row : memberships) {
            Integer e = index.get(row[0]);
            Integer g = segIndex.get(row[1]);
            if (e != null && g != null) {
                segs.get(e).add(g);
            }
        }
        int[][] result = new int[d][];
        for (int i = 0; i < d; i++) {
            result[i] = segs.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return result;
    }

    /** Delta supply rows sorted by (customer, supplier) in new indices, one per pair. */
    private record DeltaSupplies(int count, int[] customer, int[] supplier, int[] segment, double[] amount) {
    }

    private DeltaSupplies deltaSupplies(SnapshotBuilder.Parts b, boolean[] gone, int[] oldToNew, int[] deltaToNew,
                                        int[] memStart, int[] memSeg) {
        int rows = supplies.size();
        long[] keys = new long[rows];
        int[] kept = new int[rows];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            String[] row = supplies.get(i);
            int a = locate(b, gone, oldToNew, deltaToNew, row[0], row[1]);
            int c = locate(b, gone, oldToNew, deltaToNew, row[2], row[3]);
            if (a < 0 || c < 0 || a == c) {
                continue; // an end outside the chain: not part of the chain's network
            }
            keys[k] = (long) c << 32 | a;
            kept[k++] = i;
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        long[] sortKeys = keys;
        Arrays.sort(order, (x, y) -> Long.compare(sortKeys[x], sortKeys[y]));
        int[] customer = new int[k];
        int[] supplier = new int[k];
        int[] segment = new int[k];
        double[] amount = new double[k];
        int out = 0;
        for (int i = 0; i < k; ) {
            int end = i;
            while (end < k && keys[order[end]] == keys[order[i]]) {
                end++;
            }
            int sup = (int) keys[order[i]];
            int seg = Integer.MAX_VALUE;
            double[] amounts = new double[end - i];
            for (int x = i; x < end; x++) {
                int row = kept[order[x]];
                int g = supplySegment(supplies.get(row)[4], sup, memStart, memSeg, b.productSegment());
                seg = Math.min(seg, g < 0 ? Integer.MAX_VALUE - 1 : g);
                amounts[x - i] = supplyAmounts.get(row);
            }
            Arrays.sort(amounts); // NaN sorts last; the same order of addition as the builder's
            double sum = Double.NaN;
            for (double a : amounts) {
                if (!Double.isNaN(a)) {
                    sum = Double.isNaN(sum) ? a : sum + a;
                }
            }
            customer[out] = (int) (keys[order[i]] >>> 32);
            supplier[out] = sup;
            segment[out] = seg >= Integer.MAX_VALUE - 1 ? -1 : seg;
            amount[out++] = sum;
            i = end;
        }
        return new DeltaSupplies(out, customer, supplier, segment, amount);
    }

    private static int supplySegment(String productId, int supplier, int[] memStart, int[] memSeg,
                                     Map<String, Integer> productSegment) {
        Integer g = productId == null ? null : productSegment.get(productId);
        if (g != null) {
            return g;
        }
        return memStart[supplier] < memStart[supplier + 1] ? memSeg[memStart[supplier]] : -1;
    }

    /** New index of an enterprise named by a supply row, or -1 when it is not in the chain now. */
    private int locate(SnapshotBuilder.Parts b, boolean[] gone, int[] oldToNew, int[] deltaToNew, String key, String region) {
        if (key == null) {
            return -1;
        }
        Integer x = index.get(key);
        if (x != null) {
            return deltaToNew[x];
        }
        if (touched.contains(key) || !validRegion(region)) {
            return -1; // touched and no longer in the chain, or never placed
        }
        int code = Integer.parseInt(region);
        int from = ChainSnapshot.lowerBound(b.regionCode(), code);
        int to = ChainSnapshot.lowerBound(b.regionCode(), code + 1);
        int i = Arrays.binarySearch(b.uscc(), from, to, key);
        return i < 0 || gone[i] ? -1 : oldToNew[i];
    }

    private static int compare(int regionA, String usccA, int regionB, String usccB) {
        int c = Integer.compare(regionA, regionB);
        return c != 0 ? c : usccA.compareTo(usccB);
    }
}
