package com.chainatlas.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.chainatlas.chain.Stage;

/**
 * Collects a chain's plain rows (from Neo4j in {@link SnapshotLoader}, or by hand in tests) and builds the
 * canonical {@link ChainSnapshot}: segments by id, enterprises by (region code, USCC), memberships and supply
 * relations deduplicated and sorted. Rows that point at unknown segments or enterprises are skipped (a
 * supply relation to an enterprise outside the chain is not part of the chain's network).
 *
 * <p>Cost: O(n log n) in enterprises, O(m log m) in supply relations (sorted within each customer), with
 * primitive arrays only; no per-row objects are kept.
 */
public final class SnapshotBuilder {

    record SegRow(String id, String name, Stage stage, boolean key, int valueAdded, String parentId) {
    }

    record FlowRow(String from, String to, boolean recycling) {
    }

    /** The canonical arrays handed to {@link ChainSnapshot}. */
    record Parts(String chainId, String chainName, String[] segId, String[] segName, int[] segParent, Stage[] segStage,
                 boolean[] segKey, int[] segValueAdded, boolean[] segLeaf, int[][] segAncestors,
                 Map<String, Integer> segIndex, int[] flowFrom, int[] flowTo, boolean[] flowRecycling, String[] uscc,
                 String[] name, int[] regionCode, int[] zone, String[] zoneNames, double[] revenue, int[] entryDay,
                 int[] memStart, int[] memSeg, int[] inStart, int[] inSupplier, int[] inSegment, double[] inAmount,
                 Map<String, Integer> productSegment) {
    }

    private final String chainId;
    private final String chainName;
    private final List<SegRow> segments = new ArrayList<>();
    private final List<FlowRow> flows = new ArrayList<>();
    private final Map<String, String> productSegment = new HashMap<>();

    private final Map<String, Integer> enterpriseIndex = new HashMap<>();
    private final List<String> usccs = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> zones = new ArrayList<>();
    private final GrowableArrays.Ints regionCodes = new GrowableArrays.Ints();
    private final GrowableArrays.Doubles revenues = new GrowableArrays.Doubles();
    private final GrowableArrays.Ints entryDays = new GrowableArrays.Ints();

    private final List<String[]> pendingMemberships = new ArrayList<>();
    private final GrowableArrays.Ints supSupplier = new GrowableArrays.Ints();
    private final GrowableArrays.Ints supCustomer = new GrowableArrays.Ints();
    private final List<String> supProduct = new ArrayList<>();
    private final GrowableArrays.Doubles supAmount = new GrowableArrays.Doubles();

    public SnapshotBuilder(String chainId, String chainName) {
        if (chainId == null || chainId.isBlank()) {
            throw new IllegalArgumentException("chainId is required");
        }
        this.chainId = chainId;
        this.chainName = chainName == null ? chainId : chainName;
    }

    public SnapshotBuilder segment(String id, String name, Stage stage, boolean key, int valueAdded, String parentId) {
        segments.add(new SegRow(id, name == null ? id : name, stage == null ? Stage.MIDSTREAM : stage, key,
                Math.max(1, valueAdded), parentId));
        return this;
    }

    public SnapshotBuilder flow(String from, String to, boolean recycling) {
        flows.add(new FlowRow(from, to, recycling));
        return this;
    }

    public SnapshotBuilder product(String productId, String segmentId) {
        productSegment.put(productId, segmentId);
        return this;
    }

    /**
     * Adds an enterprise once (later rows with the same USCC are ignored).
     *
     * @param regionCode 6-digit GB/T 2260 code; rows without a valid code are skipped
     * @param revenue    万元; null, NaN or negative is unknown and stays NaN (never 0: unknown is not zero)
     */
    public SnapshotBuilder enterprise(String uscc, String name, String regionCode, String zone, Double revenue) {
        return enterprise(uscc, name, regionCode, zone, revenue, null, null);
    }

    /**
     * Adds an enterprise with its dates. Its entry date (进入日期, what an as-of view filters on) is the earlier of
     * the known 成立日期 {@code founded} and 上市日期 {@code listed}: normally the founding date, the listing date
     * where only that is known (listed-company data). Neither known: undated ({@link ChainSnapshot#UNDATED}).
     */
    public SnapshotBuilder enterprise(String uscc, String name, String regionCode, String zone, Double revenue,
                                      java.time.LocalDate founded, java.time.LocalDate listed) {
        if (uscc == null || enterpriseIndex.containsKey(uscc) || regionCode == null || !regionCode.matches("\\d{6}")) {
            return this;
        }
        enterpriseIndex.put(uscc, usccs.size());
        usccs.add(uscc);
        names.add(name == null ? uscc : name);
        zones.add(zone == null || zone.isBlank() ? null : zone);
        regionCodes.add(Integer.parseInt(regionCode));
        revenues.add(revenue == null || revenue.isNaN() || revenue < 0 ? Double.NaN : revenue);
        entryDays.add(entryDay(founded, listed));
        return this;
    }

    static int entryDay(java.time.LocalDate founded, java.time.LocalDate listed) {
        long day = Long.MAX_VALUE;
        if (founded != null) {
            day = founded.toEpochDay();
        }
        if (listed != null) {
            day = Math.min(day, listed.toEpochDay());
        }
        return day == Long.MAX_VALUE ? ChainSnapshot.UNDATED : (int) day;
    }

    public SnapshotBuilder membership(String uscc, String segmentId) {
        pendingMemberships.add(new String[]{uscc, segmentId});
        return this;
    }

    /** A supply relation supplier → customer; either end unknown (outside the chain) drops it at build time. */
    public SnapshotBuilder supply(String supplierUscc, String customerUscc, String productId, Double amount) {
        Integer a = enterpriseIndex.get(supplierUscc);
        Integer b = enterpriseIndex.get(customerUscc);
        if (a == null || b == null || a.equals(b)) {
            return this;
        }
        supSupplier.add(a);
        supCustomer.add(b);
        supProduct.add(productId);
        supAmount.add(amount == null || amount.isNaN() ? Double.NaN : amount);
        return this;
    }

    /** Whether an enterprise with this USCC was added (so loaders can skip supply rows early). */
    public boolean hasEnterprise(String uscc) {
        return enterpriseIndex.containsKey(uscc);
    }

    public ChainSnapshot build(long version) {
        return build(version, System.nanoTime());
    }

    /** Builds the snapshot; its build time counts from {@code startedNanos} (e.g. before reading the database). */
    public ChainSnapshot build(long version, long startedNanos) {
        return new ChainSnapshot(parts(), version, startedNanos);
    }

    Parts parts() {
        // Segments by id.
        List<SegRow> segs = new ArrayList<>(segments.stream()
                .collect(java.util.stream.Collectors.toMap(SegRow::id, s -> s, (x, y) -> x)).values());
        segs.sort(java.util.Comparator.comparing(SegRow::id));
        int s = segs.size();
        Map<String, Integer> segIndex = new HashMap<>();
        for (int i = 0; i < s; i++) {
            segIndex.put(segs.get(i).id(), i);
        }
        String[] segId = new String[s];
        String[] segName = new String[s];
        int[] segParent = new int[s];
        Stage[] segStage = new Stage[s];
        boolean[] segKey = new boolean[s];
        int[] segVa = new int[s];
        boolean[] leaf = new boolean[s];
        Arrays.fill(leaf, true);
        for (int i = 0; i < s; i++) {
            SegRow r = segs.get(i);
            segId[i] = r.id();
            segName[i] = r.name();
            segStage[i] = r.stage();
            segKey[i] = r.key();
            segVa[i] = r.valueAdded();
            Integer p = r.parentId() == null ? null : segIndex.get(r.parentId());
            segParent[i] = p == null || p == i ? -1 : p;
        }
        int[][] ancestors = new int[s][];
        for (int i = 0; i < s; i++) {
            List<Integer> up = new ArrayList<>();
            for (int p = segParent[i]; p >= 0 && p != i && !up.contains(p) && up.size() < s; p = segParent[p]) {
                up.add(p); // a PART_OF cycle stops at the first repeat
            }
            ancestors[i] = up.stream().mapToInt(Integer::intValue).toArray();
            for (int a : ancestors[i]) {
                leaf[a] = false;
            }
        }

        // Flows: known endpoints, no self loops, deduplicated, sorted.
        TreeSet<Long> flowKeys = new TreeSet<>();
        Map<Long, Boolean> recycling = new HashMap<>();
        for (FlowRow f : flows) {
            Integer a = segIndex.get(f.from());
            Integer b = segIndex.get(f.to());
            if (a == null || b == null || a.equals(b)) {
                continue;
            }
            long key = (long) a << 32 | b;
            flowKeys.add(key);
            recycling.merge(key, f.recycling(), Boolean::logicalAnd);
        }
        int[] flowFrom = new int[flowKeys.size()];
        int[] flowTo = new int[flowKeys.size()];
        boolean[] flowRec = new boolean[flowKeys.size()];
        int fi = 0;
        for (long key : flowKeys) {
            flowFrom[fi] = (int) (key >>> 32);
            flowTo[fi] = (int) key;
            flowRec[fi++] = recycling.get(key);
        }

        // Enterprises by (region code, USCC): regions become contiguous ranges.
        int n = usccs.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int c = Integer.compare(regionCodes.get(x), regionCodes.get(y));
            return c != 0 ? c : usccs.get(x).compareTo(usccs.get(y));
        });
        int[] newIndex = new int[n];
        String[] uscc = new String[n];
        String[] name = new String[n];
        int[] region = new int[n];
        double[] revenue = new double[n];
        int[] entryDay = new int[n];
        String[] zoneNames = zones.stream().filter(java.util.Objects::nonNull).distinct().sorted().toArray(String[]::new);
        int[] zone = new int[n];
        for (int i = 0; i < n; i++) {
            int old = order[i];
            newIndex[old] = i;
            uscc[i] = usccs.get(old);
            name[i] = names.get(old);
            region[i] = regionCodes.get(old);
            revenue[i] = revenues.get(old);
            entryDay[i] = entryDays.get(old);
            String z = zones.get(old);
            zone[i] = z == null ? -1 : Arrays.binarySearch(zoneNames, z);
        }

        // Memberships: per enterprise, distinct segments ascending.
        long[] mem = new long[pendingMemberships.size()];
        int m = 0;
        for (String[] row : pendingMemberships) {
            Integer e = enterpriseIndex.get(row[0]);
            Integer sg = segIndex.get(row[1]);
            if (e != null && sg != null) {
                mem[m++] = (long) newIndex[e] << 32 | sg;
            }
        }
        mem = Arrays.stream(mem, 0, m).sorted().distinct().toArray();
        int[] memStart = new int[n + 1];
        int[] memSeg = new int[mem.length];
        for (int k = 0; k < mem.length; k++) {
            memStart[(int) (mem[k] >>> 32) + 1]++;
            memSeg[k] = (int) mem[k];
        }
        for (int i = 0; i < n; i++) {
            memStart[i + 1] += memStart[i];
        }

        // Supply relations: grouped by customer (counting sort), sorted by supplier inside, one per pair.
        int rows = supSupplier.size();
        int[] count = new int[n + 1];
        for (int k = 0; k < rows; k++) {
            count[newIndex[supCustomer.get(k)] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        long[] packed = new long[rows];
        int[] fill = Arrays.copyOf(count, n);
        for (int k = 0; k < rows; k++) {
            int c = newIndex[supCustomer.get(k)];
            packed[fill[c]++] = (long) newIndex[supSupplier.get(k)] << 32 | k;
        }
        for (int c = 0; c < n; c++) {
            Arrays.sort(packed, count[c], count[c + 1]); // by supplier
        }
        int[] inStart = new int[n + 1];
        GrowableArrays.Ints inSup = new GrowableArrays.Ints();
        GrowableArrays.Ints inSeg = new GrowableArrays.Ints();
        GrowableArrays.Doubles inAmt = new GrowableArrays.Doubles();
        for (int c = 0; c < n; c++) {
            for (int k = count[c]; k < count[c + 1]; ) {
                int supplier = (int) (packed[k] >>> 32);
                int end = k;
                while (end < count[c + 1] && (int) (packed[end] >>> 32) == supplier) {
                    end++;
                }
                // One relation per supplier–customer pair (as MERGE keeps it in the graph). Duplicate rows merge
                // independently of their order: the lowest segment, and the sum of the known amounts (ascending).
                int segment = Integer.MAX_VALUE;
                double[] amounts = new double[end - k];
                for (int d = k; d < end; d++) {
                    int row = (int) packed[d];
                    int g = supplySegment(supProduct.get(row), supplier, memStart, memSeg, segIndex);
                    segment = Math.min(segment, g < 0 ? Integer.MAX_VALUE - 1 : g);
                    amounts[d - k] = supAmount.get(row);
                }
                Arrays.sort(amounts); // NaN sorts last
                double amount = Double.NaN;
                for (double a : amounts) {
                    if (!Double.isNaN(a)) {
                        amount = Double.isNaN(amount) ? a : amount + a;
                    }
                }
                inSup.add(supplier);
                inSeg.add(segment >= Integer.MAX_VALUE - 1 ? -1 : segment);
                inAmt.add(amount);
                k = end;
            }
            inStart[c + 1] = inSup.size();
        }
        int[] inSupplier = new int[inSup.size()];
        int[] inSegment = new int[inSup.size()];
        double[] inAmount = new double[inSup.size()];
        for (int k = 0; k < inSupplier.length; k++) {
            inSupplier[k] = inSup.get(k);
            inSegment[k] = inSeg.get(k);
            inAmount[k] = inAmt.get(k);
        }
        return new Parts(chainId, chainName, segId, segName, segParent, segStage, segKey, segVa, leaf, ancestors,
                Map.copyOf(segIndex), flowFrom, flowTo, flowRec, uscc, name, region, zone, zoneNames, revenue, entryDay,
                memStart, memSeg, inStart, inSupplier, inSegment, inAmount, productSegments(segIndex));
    }

    /** Product id → index of its segment, for the products whose segment is in the chain (kept for deltas). */
    private Map<String, Integer> productSegments(Map<String, Integer> segIndex) {
        Map<String, Integer> result = new HashMap<>();
        productSegment.forEach((product, seg) -> {
            Integer i = seg == null ? null : segIndex.get(seg);
            if (product != null && i != null) {
                result.put(product, i);
            }
        });
        return Map.copyOf(result);
    }

    private int supplySegment(String productId, int supplier, int[] memStart, int[] memSeg, Map<String, Integer> segIndex) {
        if (productId != null) {
            String seg = productSegment.get(productId);
            Integer i = seg == null ? null : segIndex.get(seg);
            if (i != null) {
                return i;
            }
        }
        return memStart[supplier] < memStart[supplier + 1] ? memSeg[memStart[supplier]] : -1;
    }
}
