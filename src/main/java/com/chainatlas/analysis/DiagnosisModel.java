package com.chainatlas.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.chainatlas.chain.Stage;

/**
 * Response records of the diagnosis API (stable: the frontend mirrors them). Shares are fractions 0..1;
 * revenue and amounts are in 万元; a figure that cannot be computed (e.g. a quotient over zero) is null.
 *
 * <p><b>Unknown is not zero.</b> A revenue or amount nobody gave is null, never 0. A sum of revenues is the sum over
 * the known values and comes with how many were known ({@code …RevenueKnown}); it is null when none was known.
 * Shares and location quotients by revenue are null unless revenue is known for at least
 * {@link DiagnosisSettings#minRevenueCoverage()} of the enterprises on both sides.
 */
public final class DiagnosisModel {

    private DiagnosisModel() {
    }

    /** Which snapshot answered: {@code version} grows with every rebuild of any chain. */
    public record SnapshotInfo(String chainId, long version, Instant builtAt, long buildMillis, int segments,
                               int enterprises, int memberships, int supplyRelations, AsOf asOf) {
    }

    /**
     * An as-of view (截至日期): only enterprises whose entry date (the earlier of 成立日期 and 上市日期) is on or before
     * {@code date}. {@code excludedLater} entered after it; {@code excludedUndated} have no date at all and are left
     * out at every date (they cannot be placed in time). {@code requested} is the date asked for when it was later than
     * today ({@code date} is then today), else null. Supply relations count only between enterprises kept.
     */
    public record AsOf(java.time.LocalDate date, java.time.LocalDate requested, int enterprises, int excludedLater,
                       int excludedUndated) {
    }

    /** The region asked about. {@code code} "000000" is the whole nation (全国). */
    public record RegionRef(String code, String name, String level, String fullName) {
    }

    /**
     * An enterprise in a list, with its region; {@code revenue} null when unknown; {@code share} is of the
     * segment's known local revenue, null when the enterprise's revenue is unknown.
     */
    public record EnterpriseRef(String uscc, String name, String regionCode, String regionName, Double revenue,
                                Double share) {
    }

    /** Why a verdict or flag holds: the rule, the figure and the threshold, read aloud in Chinese or English. */
    public record Reason(String about, Rule rule, String zh, String en, Double value, Double threshold) {
    }

    /**
     * Supply relations into local enterprises (from one segment, or the whole chain). Amounts are summed over the
     * {@code relationsWithAmount} relations that had one; null when none had.
     */
    public record Sourcing(int relations, int localRelations, int outsideRelations, Double localShare,
                           Double outsideShare, int relationsWithAmount, Double amount, Double localAmount,
                           Double localShareByAmount) {
    }

    /**
     * National concentration of a segment's supply. HHI and top-4 share are null unless revenue is known for
     * enough of the segment's enterprises ({@code revenueKnown} of {@code enterprises}); the top province is then by
     * revenue ({@code topProvinceBasis} "REVENUE"), else by enterprise count ("COUNT").
     */
    public record Concentration(Double hhi, Double top4Share, String topProvinceCode, String topProvinceName,
                                Double topProvinceShare, boolean chokepoint, String topProvinceBasis,
                                int enterprises, int revenueKnown) {
    }

    /** A segment's figures for the region. LQ = (local_s / local_chain) ÷ (national_s / national_chain). */
    public record SegmentFigures(int localEnterprises, Double localRevenue, int localRevenueKnown,
                                 int nationalEnterprises, Double nationalRevenue, int nationalRevenueKnown,
                                 Double shareByCount, Double shareByRevenue, Double lqByCount, Double lqByRevenue,
                                 Double topLocalShare, Sourcing inbound) {
    }

    /** One segment's diagnosis (环节诊断). {@code reasons} cover the verdict and every flag. */
    public record SegmentDiagnosis(String segmentId, String name, Stage stage, boolean key, int valueAdded,
                                   String parentId, boolean leaf, SegmentFigures figures, Concentration concentration,
                                   Verdict verdict, String verdictZh, String actionZh, List<Flag> flags,
                                   List<Reason> reasons, List<EnterpriseRef> localLeaders) {
    }

    /**
     * A 延链 candidate. With {@code basis} MODEL (the chain's dated history was enough to learn from, see
     * {@link ExtendRankingInfo}) every MISSING or WEAK leaf is one, ranked by the model's {@code score} (higher first;
     * e^score ≈ how many times an average segment's chance of being entered); {@code parts} is each feature's part
     * of it and {@code reasonZh}/{@code reasonEn} name the parts that carried it. With RULE (too little dated history)
     * the candidates are the NEXT_TO_STRONG segments ranked by relatedness, then value added, then key flag, and
     * {@code score} is null. {@code relatedness}, {@code neighbours*} and {@code nearStrongSegments} are the rule's
     * figures either way (empty list when the segment is not next to a strong one).
     */
    public record ExtendCandidate(int rank, String segmentId, String name, Verdict verdict, double relatedness,
                                  int neighbours, int neighboursPresent, int valueAdded, boolean key,
                                  List<String> nearStrongSegments, String basis, Double score, String reasonZh,
                                  String reasonEn, List<ExtendPart> parts) {
    }

    /**
     * One feature's part of a model score: {@code feature} (an {@code ExtendFeature} name), its Chinese name, the
     * raw value, and its contribution β·z (positive raises the score); {@code carried} when the reason names it.
     */
    public record ExtendPart(String feature, String nameZh, double value, double contribution, boolean carried) {
    }

    /**
     * How the 延链 candidates were ranked. MODEL: learnt from the chain's own entry dates (成立/上市), the provinces'
     * entries into segments in {@code trainedFrom} … {@code cut} (exclusive) among {@code examples} (province,
     * segment) pairs then lacking, {@code positives} of them entered; {@code coefficients} are the slopes per feature
     * on standardised values. RULE: too little dated history; the other figures say how little. Enterprises without
     * any date ({@code undatedEnterprises}) are not learnt from.
     */
    public record ExtendRankingInfo(String basis, java.time.LocalDate cut, java.time.LocalDate trainedFrom,
                                    int regions, int datedEnterprises, int undatedEnterprises, int examples,
                                    int positives, Map<String, Double> coefficients, String noteZh, String noteEn) {
    }

    /**
     * A 链主 candidate: PageRank on the chain's supply network (normalised), combined with revenue when
     * {@code basis} is SIZE_AND_CENTRALITY, alone when CENTRALITY (revenue too rarely known). Score always &gt; 0.
     */
    public record ChainLeader(String uscc, String name, String regionCode, String regionName, Double revenue,
                              double pageRank, double score, LeaderBasis basis, List<String> segmentIds) {
    }

    /**
     * Chain-level figures of the region. Completeness counts leaf segments. {@code flowCycleSegments} are the
     * segments on mutual (non-recycling) flows, {@code mutualFlowGroups} the groups of segments that feed each other
     * (strongly connected components of the FEEDS flow). {@code revenueNoteZh} says, when revenue is too rarely
     * known, that revenue rules were not judged (null otherwise).
     */
    public record ChainFigures(int leafSegments, int coveredLeafSegments, double completeness,
                               double completenessKeyWeighted, double completenessValueWeighted,
                               int localEnterprises, Double localRevenue, int localRevenueKnown,
                               int nationalEnterprises, Double nationalRevenue, int nationalRevenueKnown,
                               Sourcing sourcing, Map<Verdict, Integer> verdictCounts,
                               List<String> flowCycleSegments, List<List<String>> mutualFlowGroups,
                               String revenueNoteZh) {
    }

    /** The full diagnosis of one chain for one region (and optionally one development zone). */
    public record Diagnosis(SnapshotInfo snapshot, String chainId, String chainName, RegionRef region, String zone,
                            DiagnosisSettings settings, ChainFigures figures, List<SegmentDiagnosis> segments,
                            List<ExtendCandidate> extendCandidates, ExtendRankingInfo extendRanking,
                            List<ChainLeader> leaders,
                            LeaderBasis leaderBasis, String leadersNoteZh, double tookMillis) {
    }

    /** An outside supplier that local enterprises buy a segment from. */
    public record OutsideSupplier(String uscc, String name, String regionCode, String regionName, int relations,
                                  int localCustomers, Double amount, int relationsWithAmount) {
    }

    /** One segment in depth: its diagnosis, all local enterprises and the outside suppliers local firms rely on. */
    public record SegmentDetail(SnapshotInfo snapshot, String chainId, RegionRef region, String zone,
                                DiagnosisSettings settings, SegmentDiagnosis segment, List<EnterpriseRef> localEnterprises,
                                int localEnterprisesTotal, List<OutsideSupplier> outsideSuppliers,
                                List<EnterpriseRef> nationalLeaders) {
    }

    /** A region's row in a peer comparison: chain figures and per-segment verdicts in {@code segmentIds} order. */
    public record PeerRow(RegionRef region, ChainFigures figures, List<Verdict> verdicts, List<Integer> localEnterprises,
                          List<Double> lqByCount, List<List<Flag>> flags) {
    }

    /** Several regions side by side (同级对标). */
    public record PeerComparison(SnapshotInfo snapshot, String chainId, DiagnosisSettings settings,
                                 List<String> segmentIds, List<String> segmentNames, List<PeerRow> regions) {
    }

    /** A region's place in the national ranking for one segment. */
    public record RankingRow(int rank, RegionRef region, int enterprises, Double revenue, int revenueKnown,
                             Double shareByCount, Double shareByRevenue, Double lqByCount, Double lqByRevenue) {
    }

    /** Regions of one level ranked by a segment's known revenue, then enterprise count (全国排名). */
    public record SegmentRanking(SnapshotInfo snapshot, String chainId, String segmentId, String segmentName,
                                 String level, int nationalEnterprises, Double nationalRevenue,
                                 int nationalRevenueKnown, int regionsWithSegment, List<RankingRow> rows) {
    }
}
