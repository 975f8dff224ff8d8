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
 * always rebuild whole). The national figures are then computed from the arrays as in a full build; the FEEDS structure
 * is the base's. Cost: O(touched · log n) plus the rows of changed customers, and memory passes over the untouched
 * arrays (block copies, one scan of the suppliers; see {@link #apply}); the database read is O(touched).
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
     * A supply relation with at least one touched end. Each relation must be given once (a relation between two
     * touched enterprises too). The ends' region codes are not needed: untouched ends are found by USCC.
     */
    SnapshotDelta supply(String supplier, String supplierRegion, String customer, String customerRegion,
                         String productId, Double amount) {
        supplies.add(new String[]{supplier, supplierRegion, customer, customerRegion, productId});
        supplyAmounts.add(amount == null || amount.isNaN() ? Double.NaN : amount);
        return this;
    }

    /** Six ASCII digits (as {@code \\d{6}}), without a regular expression: it runs for every supply row. */
    private static boolean validRegion(String code) {
        if (code == null || code.length() != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The new snapshot: {@code base} with this delta applied. The base is only read (requests keep using it).
     *
     * <p>Work per change: the touched enterprises are found through the base's {@link UsccIndex} and the delta's
     * enterprises placed by binary search, O(touched · log n); the rows of changed customers are merged. The rest
     * are block copies of the untouched runs between them ({@code System.arraycopy}, indices shifted by a constant
     * per run, renumbered only when enterprises were added or removed) and one scan of the supply suppliers for
     * rows from touched ones: memory passes over n + m primitives, no hashing, sorting or merging per untouched row.
     */
    ChainSnapshot apply(ChainSnapshot base, long version, long startedNanos) {
        long t0 = System.nanoTime();
        SnapshotBuilder.Parts b = base.parts();
        int n0 = b.uscc().length;
        boolean[] gone = new boolean[n0];
        int[] goneList = new int[touched.size()];
        int goneCount = 0;
        for (String key : touched) {
            int i = base.usccIndex.find(key);
            if (i >= 0 && !gone[i]) {
                gone[i] = true;
                goneList[goneCount++] = i;
            }
        }
        lookupNanos = System.nanoTime() - t0;

        // The delta's enterprises in canonical order (region code, USCC), each with its place among the base's.
        int d = usccs.size();
        Integer[] boxed = new Integer[d];
        for (int i = 0; i < d; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (x, y) -> compare(regionCodes.get(x), usccs.get(x), regionCodes.get(y), usccs.get(y)));
        int[] order = new int[d];
        int[] insertAt = new int[d];
        for (int j = 0; j < d; j++) {
            order[j] = boxed[j];
            insertAt[j] = place(b, regionCodes.get(order[j]), usccs.get(order[j]));
        }
        int n = n0 - goneCount + d;
        int[] oldToNew = new int[n0];
        int[] deltaToNew = new int[d];
        boolean identity = true; // no kept enterprise moved: supplier indices stay as they are
        for (int i = 0, j = 0, goneBefore = 0; i <= n0; i++) {
            while (j < d && insertAt[j] <= i) {
                deltaToNew[order[j]] = i - goneBefore + j;
                j++;
            }
            if (i == n0) {
                break;
            }
            if (gone[i]) {
                oldToNew[i] = -1;
                goneBefore++;
            } else {
                oldToNew[i] = i - goneBefore + j;
                identity &= oldToNew[i] == i;
            }
        }
        Runs runs = runs(gone, oldToNew, deltaToNew, order, n);

        // Zones: names still used by kept enterprises, and the delta's, sorted distinct.
        String[] oldZoneNames = b.zoneNames();
        int[] zoneUse = new int[oldZoneNames.length];
        for (int z : b.zone()) {
            if (z >= 0) {
                zoneUse[z]++;
            }
        }
        for (int g = 0; g < goneCount; g++) {
            int z = b.zone()[goneList[g]];
            if (z >= 0) {
                zoneUse[z]--;
            }
        }
        TreeSet<String> zoneSet = new TreeSet<>();
        for (int z = 0; z < oldZoneNames.length; z++) {
            if (zoneUse[z] > 0) {
                zoneSet.add(oldZoneNames[z]);
            }
        }
        zones.stream().filter(java.util.Objects::nonNull).forEach(zoneSet::add);
        String[] zoneNames = zoneSet.toArray(String[]::new);
        boolean zonesSame = Arrays.equals(zoneNames, oldZoneNames);
        int[] oldZone = new int[oldZoneNames.length];
        for (int z = 0; z < oldZone.length; z++) {
            oldZone[z] = zoneUse[z] > 0 ? Arrays.binarySearch(zoneNames, oldZoneNames[z]) : -1;
        }

        // Enterprises: untouched runs copied, the delta's placed.
        String[] uscc = new String[n];
        String[] name = new String[n];
        int[] region = new int[n];
        int[] zone = new int[n];
        double[] revenue = new double[n];
        int[] entryDay = new int[n];
        for (int r = 0; r < runs.count; r++) {
            int from = runs.oldFrom[r];
            int to = runs.newFrom[r];
            int len = runs.length[r];
            System.arraycopy(b.uscc(), from, uscc, to, len);
            System.arraycopy(b.name(), from, name, to, len);
            System.arraycopy(b.regionCode(), from, region, to, len);
            System.arraycopy(b.revenue(), from, revenue, to, len);
            System.arraycopy(b.entryDay(), from, entryDay, to, len);
            if (zonesSame) {
                System.arraycopy(b.zone(), from, zone, to, len);
            } else {
                for (int q = 0; q < len; q++) {
                    int z = b.zone()[from + q];
                    zone[to + q] = z < 0 ? -1 : oldZone[z];
                }
            }
        }
        for (int x = 0; x < d; x++) {
            int e = deltaToNew[x];
            uscc[e] = usccs.get(x);
            name[e] = names.get(x);
            region[e] = regionCodes.get(x);
            String z = zones.get(x);
            zone[e] = z == null ? -1 : Arrays.binarySearch(zoneNames, z);
            revenue[e] = revenues.get(x);
            entryDay[e] = entryDays.get(x);
        }

        // Memberships: untouched runs' slices copied with their starts shifted, the delta's distinct segments ascending.
        Map<String, Integer> segIndex = b.segIndex();
        int[][] deltaSegs = deltaMemberships(segIndex, d);
        int[] oldMemStart = b.memStart();
        int memTotal = oldMemStart[n0];
        for (int g = 0; g < goneCount; g++) {
            memTotal -= oldMemStart[goneList[g] + 1] - oldMemStart[goneList[g]];
        }
        for (int[] segs : deltaSegs) {
            memTotal += segs.length;
        }
        int[] memStart = new int[n + 1];
        int[] memSeg = new int[memTotal];
        int pos = 0;
        for (int piece = 0, r = 0, x = 0; piece < runs.count + d; piece++) {
            if (r < runs.count && (x == d || runs.newFrom[r] < deltaToNew[runs.deltaOrder[x]])) {
                int from = runs.oldFrom[r];
                int to = runs.newFrom[r];
                int len = runs.length[r++];
                int shift = pos - oldMemStart[from];
                for (int q = 0; q < len; q++) {
                    memStart[to + q] = oldMemStart[from + q] + shift;
                }
                int rows = oldMemStart[from + len] - oldMemStart[from];
                System.arraycopy(b.memSeg(), oldMemStart[from], memSeg, pos, rows);
                pos += rows;
            } else {
                int dx = runs.deltaOrder[x++];
                memStart[deltaToNew[dx]] = pos;
                System.arraycopy(deltaSegs[dx], 0, memSeg, pos, deltaSegs[dx].length);
                pos += deltaSegs[dx].length;
            }
        }
        memStart[n] = pos;

        // The delta's supply relations, one per (customer, supplier) pair, merged as the builder merges them.
        DeltaSupplies ds = deltaSupplies(b, base.usccIndex, gone, oldToNew, deltaToNew, memStart, memSeg);

        // Supply relations by customer. Changed customers: the delta's rows or a touched supplier among their old
        // ones (one scan of the suppliers finds those); every other customer's rows are copied as a block.
        int[] oldInStart = b.inStart();
        int[] oldInSupplier = b.inSupplier();
        boolean[] changed = new boolean[n];
        int keptRows = 0;
        for (int c = 0; c < n0; c++) {
            if (gone[c]) {
                continue;
            }
            int end = oldInStart[c + 1];
            int dropped = 0;
            for (int k = oldInStart[c]; k < end; k++) {
                if (gone[oldInSupplier[k]]) {
                    dropped++;
                }
            }
            changed[oldToNew[c]] = dropped > 0;
            keptRows += end - oldInStart[c] - dropped;
        }
        for (int p = 0; p < ds.count; p++) {
            changed[ds.customer[p]] = true;
        }
        int m = keptRows + ds.count;
        int[] inStart = new int[n + 1];
        int[] inSupplier = new int[m];
        int[] inSegment = new int[m];
        double[] inAmount = new double[m];
        int w = 0;
        int p = 0;
        for (int piece = 0, r = 0, x = 0; piece < runs.count + d; piece++) {
            if (r < runs.count && (x == d || runs.newFrom[r] < deltaToNew[runs.deltaOrder[x]])) {
                int from = runs.oldFrom[r];
                int to = runs.newFrom[r];
                int len = runs.length[r++];
                for (int q = 0; q < len; ) {
                    if (changed[to + q]) {
                        int c = to + q;
                        inStart[c] = w;
                        int k = oldInStart[from + q];
                        int kEnd = oldInStart[from + q + 1];
                        while (true) {
                            while (k < kEnd && gone[oldInSupplier[k]]) {
                                k++;
                            }
                            boolean old = k < kEnd;
                            boolean delta = p < ds.count && ds.customer[p] == c;
                            if (!old && !delta) {
                                break;
                            }
                            if (old && (!delta || oldToNew[oldInSupplier[k]] < ds.supplier[p])) {
                                inSupplier[w] = oldToNew[oldInSupplier[k]];
                                inSegment[w] = b.inSegment()[k];
                                inAmount[w++] = b.inAmount()[k++];
                            } else {
                                inSupplier[w] = ds.supplier[p];
                                inSegment[w] = ds.segment[p];
                                inAmount[w++] = ds.amount[p++];
                            }
                        }
                        q++;
                        continue;
                    }
                    int q1 = q;
                    while (q1 < len && !changed[to + q1]) {
                        q1++;
                    }
                    int k0 = oldInStart[from + q];
                    int rows = oldInStart[from + q1] - k0;
                    int shift = w - k0;
                    for (int t = q; t < q1; t++) {
                        inStart[to + t] = oldInStart[from + t] + shift;
                    }
                    if (identity) {
                        System.arraycopy(oldInSupplier, k0, inSupplier, w, rows);
                    } else {
                        for (int k = k0, end = k0 + rows; k < end; k++) {
                            inSupplier[w + k - k0] = oldToNew[oldInSupplier[k]];
                        }
                    }
                    System.arraycopy(b.inSegment(), k0, inSegment, w, rows);
                    System.arraycopy(b.inAmount(), k0, inAmount, w, rows);
                    w += rows;
                    q = q1;
                }
            } else {
                int c = deltaToNew[runs.deltaOrder[x++]];
                inStart[c] = w;
                while (p < ds.count && ds.customer[p] == c) {
                    inSupplier[w] = ds.supplier[p];
                    inSegment[w] = ds.segment[p];
                    inAmount[w++] = ds.amount[p++];
                }
            }
        }
        inStart[n] = w;
        if (w != m || p != ds.count) {
            throw new IllegalStateException("delta apply: " + w + " of " + m + " supply rows, " + p + " of " + ds.count);
        }
        SnapshotBuilder.Parts parts = new SnapshotBuilder.Parts(b.chainId(), b.chainName(), b.segId(), b.segName(),
                b.segParent(), b.segStage(), b.segKey(), b.segValueAdded(), b.segLeaf(), b.segAncestors(), segIndex,
                b.flowFrom(), b.flowTo(), b.flowRecycling(), uscc, name, region, zone, zoneNames, revenue, entryDay,
                memStart, memSeg, inStart, inSupplier, inSegment, inAmount, b.productSegment());
        int[] added = new int[d];
        for (int x = 0; x < d; x++) {
            added[x] = deltaToNew[x];
        }
        UsccIndex index = base.usccIndex.patched(goneList, goneCount, oldToNew, identity, uscc, added);
        arraysNanos = System.nanoTime() - t0;
        return new ChainSnapshot(parts, version, startedNanos, base.flows, index);
    }

    /**
     * The new order as pieces: runs of kept base enterprises that stay consecutive ({@code oldFrom}, {@code newFrom},
     * {@code length}, ascending), and the delta's enterprises ({@code deltaOrder}: delta indices by new index).
     */
    private record Runs(int count, int[] oldFrom, int[] newFrom, int[] length, int[] deltaOrder) {
    }

    private static Runs runs(boolean[] gone, int[] oldToNew, int[] deltaToNew, int[] order, int n) {
        GrowableArrays.Ints oldFrom = new GrowableArrays.Ints();
        GrowableArrays.Ints newFrom = new GrowableArrays.Ints();
        GrowableArrays.Ints length = new GrowableArrays.Ints();
        int n0 = gone.length;
        for (int i = 0; i < n0; ) {
            if (gone[i]) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n0 && !gone[end] && oldToNew[end] == oldToNew[i] + (end - i)) {
                end++;
            }
            oldFrom.add(i);
            newFrom.add(oldToNew[i]);
            length.add(end - i);
            i = end;
        }
        int r = oldFrom.size();
        int[] of = new int[r];
        int[] nf = new int[r];
        int[] len = new int[r];
        for (int k = 0; k < r; k++) {
            of[k] = oldFrom.get(k);
            nf[k] = newFrom.get(k);
            len[k] = length.get(k);
        }
        return new Runs(r, of, nf, len, order.clone()); // order is by (region, USCC), so by new index too
    }

    /** Where an enterprise with this (region code, USCC) goes among the base's: the first with a key not below it. */
    private static int place(SnapshotBuilder.Parts b, int code, String key) {
        int from = ChainSnapshot.lowerBound(b.regionCode(), code);
        int to = ChainSnapshot.lowerBound(b.regionCode(), code + 1);
        int i = Arrays.binarySearch(b.uscc(), from, to, key);
        return i >= 0 ? i : -i - 1;
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

    private DeltaSupplies deltaSupplies(SnapshotBuilder.Parts b, UsccIndex baseIndex, boolean[] gone, int[] oldToNew,
                                        int[] deltaToNew, int[] memStart, int[] memSeg) {
        int rows = supplies.size();
        long[] keys = new long[rows];
        int[] kept = new int[rows];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            String[] row = supplies.get(i);
            int a = locate(baseIndex, gone, oldToNew, deltaToNew, row[0]);
            int c = locate(baseIndex, gone, oldToNew, deltaToNew, row[2]);
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

    /**
     * New index of an enterprise named by a supply row, or -1 when it is not in the chain now: a touched one among the
     * delta's enterprises, an untouched one through the base's USCC index (one probe, no region search).
     */
    private int locate(UsccIndex baseIndex, boolean[] gone, int[] oldToNew, int[] deltaToNew, String key) {
        if (key == null) {
            return -1;
        }
        Integer x = index.get(key); // the delta's few enterprises first: a small map, cheaper than a probe of n
        if (x != null) {
            return deltaToNew[x];
        }
        int i = baseIndex.find(key);
        return i < 0 || gone[i] ? -1 : oldToNew[i]; // gone: touched and no longer in the chain
    }

    private static int compare(int regionA, String usccA, int regionB, String usccB) {
        int c = Integer.compare(regionA, regionB);
        return c != 0 ? c : usccA.compareTo(usccB);
    }
}
