package com.chainatlas.analysis;

import java.time.Instant;
import java.util.Map;

import com.chainatlas.chain.Stage;

/**
 * The in-memory analysis snapshot of one chain (分析快照): compact, immutable primitive arrays, so that a
 * diagnosis scans memory instead of querying the database.
 *
 * <p>Layout (built by {@link SnapshotBuilder} in a canonical order, so results never depend on the order the
 * data was imported in):
 * <ul>
 *   <li>segments sorted by id, with parent index, stage, key flag, value added, leaf flag and ancestors;</li>
 *   <li>FEEDS flows with their recycling flag;</li>
 *   <li>enterprises sorted by 6-digit region code, then USCC. Because GB/T 2260 codes are hierarchical by
 *       prefix, every province, city and county is one contiguous index range: a region's enterprises are
 *       found by two binary searches ({@link #rangeOf}) and scanned without touching the rest. The region
 *       code int carries the county, city ({@code code / 100}) and province ({@code code / 10000}) at once;</li>
 *   <li>memberships (enterprise → segment) in compressed-row form by enterprise;</li>
 *   <li>supply relations in compressed-row form by customer: supplier, amount (NaN when unknown) and the
 *       segment supplied (the product's segment when the relation names a product of this chain, else the
 *       supplier's first segment).</li>
 * </ul>
 * National figures that do not depend on the region are computed once, in {@link NationalFigures}; the FEEDS
 * structure (chokepoints, cycles, neighbours) in {@link FlowStructure}.
 */
public final class ChainSnapshot {

    /** {@link #entryDay} of an enterprise with neither a founding nor a listing date: it cannot be placed in time. */
    public static final int UNDATED = Integer.MIN_VALUE;

    final String chainId;
    final String chainName;
    final long version;
    final Instant builtAt;
    final long buildMillis;

    final String[] segId;
    final String[] segName;
    final int[] segParent;
    final Stage[] segStage;
    final boolean[] segKey;
    final int[] segValueAdded;
    final boolean[] segLeaf;
    final int[][] segAncestors;
    final Map<String, Integer> segIndex;

    final int[] flowFrom;
    final int[] flowTo;
    final boolean[] flowRecycling;

    final String[] uscc;
    final String[] name;
    final int[] regionCode;
    final int[] zone;
    final String[] zoneNames;
    /** Revenue in 万元; NaN when nobody gave it (unknown is not zero). */
    final double[] revenue;
    /** Entry date as an epoch day (earlier of 成立日期 and 上市日期), {@link #UNDATED} when neither is known. */
    final int[] entryDay;
    /** What an as-of view ({@link AsOfView}) kept and left out; null for the snapshot of all data. */
    final DiagnosisModel.AsOf asOf;

    final int[] memStart;
    final int[] memSeg;

    final int[] inStart;
    final int[] inSupplier;
    final int[] inSegment;
    final double[] inAmount;

    /** Product id → segment index (products of the chain whose segment is known): a supply row's segment. */
    final Map<String, Integer> productSegment;

    final NationalFigures national;
    final FlowStructure flows;
    /** USCC → enterprise index, so a delta finds its touched enterprises without a scan ({@link SnapshotDelta}). */
    final UsccIndex usccIndex;

    /**
     * The last day the entry dates are known for (epoch day), {@link #UNDATED} when no enterprise is dated: the
     * latest dated entry, never after the build day (a later date is a typo); for an as-of view the earlier of its
     * date and the full snapshot's horizon. The 延链 model learns from the five years before it.
     */
    final int horizonDay;
    /** Where the in-memory part of the build went (flow structure, national figures, PageRank), for logs and benchmarks. */
    final String figuresProfile;
    /** Where the whole build went (set by the loader after construction; diagnostics only). */
    volatile String buildProfile;
    /** The 延链 model, fitted on first use, once ({@link #extendRanking()}). */
    private volatile ExtendRanking extendRanking;

    ChainSnapshot(SnapshotBuilder.Parts p, long version, long startedNanos) {
        this(p, version, startedNanos, null, Integer.MAX_VALUE);
    }

    /** @param baseHorizon the full snapshot's {@link #horizonDay} for an as-of view, else {@code Integer.MAX_VALUE} */
    ChainSnapshot(SnapshotBuilder.Parts p, long version, long startedNanos, DiagnosisModel.AsOf asOf, int baseHorizon) {
        this(p, version, startedNanos, asOf, baseHorizon, null, null);
    }

    /**
     * A delta's snapshot: the base's flow structure (segments and flows are the base's: a change of the chain's
     * structure always rebuilds whole) and the delta's patched USCC index instead of computing them again.
     */
    ChainSnapshot(SnapshotBuilder.Parts p, long version, long startedNanos, FlowStructure flows, UsccIndex usccIndex) {
        this(p, version, startedNanos, null, Integer.MAX_VALUE, flows, usccIndex);
    }

    private ChainSnapshot(SnapshotBuilder.Parts p, long version, long startedNanos, DiagnosisModel.AsOf asOf,
                          int baseHorizon, FlowStructure baseFlows, UsccIndex index) {
        this.asOf = asOf;
        this.chainId = p.chainId();
        this.chainName = p.chainName();
        this.version = version;
        this.segId = p.segId();
        this.segName = p.segName();
        this.segParent = p.segParent();
        this.segStage = p.segStage();
        this.segKey = p.segKey();
        this.segValueAdded = p.segValueAdded();
        this.segLeaf = p.segLeaf();
        this.segAncestors = p.segAncestors();
        this.segIndex = p.segIndex();
        this.flowFrom = p.flowFrom();
        this.flowTo = p.flowTo();
        this.flowRecycling = p.flowRecycling();
        this.uscc = p.uscc();
        this.name = p.name();
        this.regionCode = p.regionCode();
        this.zone = p.zone();
        this.zoneNames = p.zoneNames();
        this.revenue = p.revenue();
        this.entryDay = p.entryDay();
        this.memStart = p.memStart();
        this.memSeg = p.memSeg();
        this.inStart = p.inStart();
        this.inSupplier = p.inSupplier();
        this.inSegment = p.inSegment();
        this.inAmount = p.inAmount();
        this.productSegment = p.productSegment();
        long f0 = System.nanoTime();
        this.flows = baseFlows != null ? baseFlows : new FlowStructure(segId.length, flowFrom, flowTo, flowRecycling);
        long n0 = System.nanoTime();
        this.usccIndex = index != null ? index : UsccIndex.of(uscc);
        long i0 = System.nanoTime();
        this.national = new NationalFigures(this);
        long h0 = System.nanoTime();
        this.builtAt = Instant.now();
        this.horizonDay = horizon(entryDay, asOf, baseHorizon, builtAt);
        this.figuresProfile = String.format(java.util.Locale.ROOT,
                "flows %d ms, USCC index %d ms, national figures %d ms (PageRank %d ms), horizon %d ms",
                (n0 - f0) / 1_000_000, (i0 - n0) / 1_000_000, (h0 - i0 - national.pageRankNanos) / 1_000_000,
                national.pageRankNanos / 1_000_000, (System.nanoTime() - h0) / 1_000_000);
        this.buildMillis = (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** This snapshot's arrays as parts (shared, not copied), e.g. the base of a {@link SnapshotDelta}. */
    SnapshotBuilder.Parts parts() {
        return new SnapshotBuilder.Parts(chainId, chainName, segId, segName, segParent, segStage, segKey, segValueAdded,
                segLeaf, segAncestors, segIndex, flowFrom, flowTo, flowRecycling, uscc, name, regionCode, zone, zoneNames,
                revenue, entryDay, memStart, memSeg, inStart, inSupplier, inSegment, inAmount, productSegment);
    }

    private static int horizon(int[] entryDay, DiagnosisModel.AsOf asOf, int baseHorizon, Instant builtAt) {
        int latest = ChainSnapshot.UNDATED;
        for (int d : entryDay) {
            latest = Math.max(latest, d);
        }
        if (latest == UNDATED) {
            return UNDATED;
        }
        long today = java.time.LocalDate.ofInstant(builtAt, ExtendRanking.OFFICE_ZONE).toEpochDay();
        long h = Math.min(latest, today);
        if (asOf != null) {
            h = Math.min(asOf.date().toEpochDay(), baseHorizon);
        }
        return (int) h;
    }

    /**
     * The chain's 延链 model ({@link ExtendRanking}), fitted from this snapshot's entry dates on first use and then
     * kept: concurrent first callers wait for the one fit. The registry calls it while building, off the request path.
     */
    ExtendRanking extendRanking() {
        ExtendRanking r = extendRanking;
        if (r == null) {
            synchronized (this) {
                r = extendRanking;
                if (r == null) {
                    r = ExtendRanking.fit(this);
                    extendRanking = r;
                }
            }
        }
        return r;
    }

    public String chainId() {
        return chainId;
    }

    public String chainName() {
        return chainName;
    }

    public long version() {
        return version;
    }

    public Instant builtAt() {
        return builtAt;
    }

    public int segmentCount() {
        return segId.length;
    }

    public int enterpriseCount() {
        return uscc.length;
    }

    public int membershipCount() {
        return memSeg.length;
    }

    public int supplyCount() {
        return inSupplier.length;
    }

    /** Index of a segment id, or -1. */
    public int segmentIndex(String id) {
        Integer i = id == null ? null : segIndex.get(id);
        return i == null ? -1 : i;
    }

    public String segmentId(int s) {
        return segId[s];
    }

    public DiagnosisModel.SnapshotInfo info() {
        return new DiagnosisModel.SnapshotInfo(chainId, version, builtAt, buildMillis, segId.length, uscc.length,
                memSeg.length, inSupplier.length, asOf);
    }

    /**
     * The index range {@code [from, to)} of the enterprises whose region code starts with the region's prefix:
     * {@code [lowCode, highCode)} on the sorted region codes. O(log n).
     */
    public int[] rangeOf(int lowCode, int highCode) {
        return new int[]{lowerBound(regionCode, lowCode), lowerBound(regionCode, highCode)};
    }

    /** Id of a development zone (开发区) name in this snapshot, or -1 when no enterprise of the chain lists it. */
    public int zoneId(String zoneName) {
        int i = java.util.Arrays.binarySearch(zoneNames, zoneName);
        return i < 0 ? -1 : i;
    }

    /**
     * Bytes held by the arrays (strings counted by their characters plus object headers): an estimate of the
     * snapshot's retained heap for the benchmark and {@code /api/snapshots}.
     */
    public long estimatedBytes() {
        long b = 0;
        b += ints(regionCode) + ints(zone) + ints(entryDay) + 8L * revenue.length + ints(memStart) + ints(memSeg) + ints(inStart)
                + ints(inSupplier) + ints(inSegment) + 8L * inAmount.length;
        b += strings(uscc) + strings(name) + strings(zoneNames);
        b += national.estimatedBytes() + usccIndex.estimatedBytes();
        return b;
    }

    private static long ints(int[] a) {
        return 16 + 4L * a.length;
    }

    private static long strings(String[] a) {
        long b = 16 + 4L * a.length;
        for (String s : a) {
            b += s == null ? 0 : 24 + 16 + s.length() * 2L; // compact strings may use half
        }
        return b;
    }

    static int lowerBound(int[] sorted, int key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // Read access for benchmarks and tests outside the package (no arrays handed out).

    public String usccOf(int enterprise) {
        return uscc[enterprise];
    }

    public int regionCodeOf(int enterprise) {
        return regionCode[enterprise];
    }

    /** Revenue in 万元, NaN when unknown. */
    public double revenueOf(int enterprise) {
        return revenue[enterprise];
    }

    /** Entry date (epoch day) of an enterprise, {@link #UNDATED} when unknown. */
    public int entryDayOf(int enterprise) {
        return entryDay[enterprise];
    }

    /** The as-of filter this snapshot is, or null for all data. */
    public DiagnosisModel.AsOf asOf() {
        return asOf;
    }

    /**
     * Whether the enterprise with this USCC and region code is in the snapshot: a binary search inside the
     * region code's run (enterprises are sorted by region code, then USCC). O(log n).
     */
    public boolean contains(String enterpriseUscc, String enterpriseRegionCode) {
        return indexOf(enterpriseUscc, enterpriseRegionCode) >= 0;
    }

    /** Index of the enterprise with this USCC and region code, or -1 when it is not in the snapshot. O(log n). */
    public int indexOf(String enterpriseUscc, String enterpriseRegionCode) {
        if (enterpriseUscc == null || enterpriseRegionCode == null || !enterpriseRegionCode.matches("\\d{6}")) {
            return -1;
        }
        int code = Integer.parseInt(enterpriseRegionCode);
        int[] r = rangeOf(code, code + 1);
        int i = java.util.Arrays.binarySearch(uscc, r[0], r[1], enterpriseUscc);
        return i >= 0 ? i : -1;
    }

    /**
     * The index range {@code [from, to)} of the enterprises whose region code starts with {@code prefix} (1–6
     * digits); {@code [0, 0)} for anything else.
     */
    public int[] rangeWithin(String prefix) {
        if (prefix == null || !prefix.matches("\\d{1,6}")) {
            return new int[]{0, 0};
        }
        int scale = (int) Math.pow(10, 6 - prefix.length());
        int low = Integer.parseInt(prefix) * scale;
        return rangeOf(low, low + scale);
    }

    /** Name of an enterprise (its USCC when none was given). */
    public String nameOf(int enterprise) {
        return name[enterprise];
    }

    /** USCCs of the enterprises whose region code starts with {@code prefix} (2, 4 or 6 digits), one range scan. */
    public java.util.Set<String> usccsWithin(String prefix) {
        if (prefix == null || !prefix.matches("\\d{1,6}")) {
            return java.util.Set.of();
        }
        int[] r = rangeWithin(prefix);
        java.util.Set<String> result = new java.util.HashSet<>();
        for (int e = r[0]; e < r[1]; e++) {
            result.add(uscc[e]);
        }
        return result;
    }

    public int membershipStart(int enterprise) {
        return memStart[enterprise];
    }

    public int membershipSegment(int membership) {
        return memSeg[membership];
    }

    /** First supply row of a customer; {@code supplyStart(enterpriseCount())} is {@link #supplyCount()}. */
    public int supplyStart(int customer) {
        return inStart[customer];
    }

    public int supplySupplier(int supply) {
        return inSupplier[supply];
    }

    public int supplySegment(int supply) {
        return inSegment[supply];
    }

    public double supplyAmount(int supply) {
        return inAmount[supply];
    }
}
