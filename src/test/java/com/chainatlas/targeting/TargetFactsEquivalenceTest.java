package com.chainatlas.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.chainatlas.analysis.ChainSnapshot;
import com.chainatlas.analysis.DiagnosisService;
import com.chainatlas.analysis.SnapshotRegistry;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.signal.EventKind;
import com.chainatlas.signal.EventWriter;
import com.chainatlas.signal.ExpansionEvent;
import com.chainatlas.signal.ExpansionSignals;
import com.chainatlas.support.ChainAtlasIntegrationTest;
import com.chainatlas.targeting.TargetCandidates.Candidate;
import com.chainatlas.targeting.TargetCandidates.Tie;
import com.chainatlas.targeting.TargetModel.LocalPartner;
import com.chainatlas.targeting.TargetModel.ScoreParts;
import com.chainatlas.targeting.TargetModel.TargetQuery;
import com.chainatlas.targeting.TargetModel.TargetRow;
import com.chainatlas.targeting.TargetModel.TargetSegment;
import com.chainatlas.targeting.linkprediction.PredictedCustomer;
import com.chainatlas.targeting.linkprediction.SupplyLinkPredictor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Issue 13/14 (targeting at national scale): the facts a ranking reads now come from the snapshot and the chain's
 * per-snapshot {@link ChainFacts}, the ties from the region's side and the predictions from one walk per local
 * firm. Here they are checked against the way they were read before — the Cypher queries over every candidate,
 * {@link SupplyLinkPredictor#topLocalCustomers} per candidate, the events per candidate, kept below as the reference —
 * on a generated chain (missing figures, ties with firms outside the chain, duplicate relations, unknown amounts,
 * cooperations, events, entry dates), and whole rankings against the ranking computed the old way from those facts.
 */
@ChainAtlasIntegrationTest
class TargetFactsEquivalenceTest {

    private static final String CHAIN = "ZEQ";
    private static final List<String> COUNTIES = List.of("340104", "340111", "340202", "320505", "320506", "320102",
            "440305", "510104");
    private static final List<String> TAGS = List.of("500强", "上市", "专精特新小巨人", "专精特新", "高新技术企业", "其他");

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    SnapshotRegistry snapshots;

    @Autowired
    TargetFacts facts;

    @Autowired
    TargetService targets;

    @Autowired
    SupplyTiePredictions predictions;

    @Autowired
    ExpansionSignals signals;

    @Autowired
    EventWriter events;

    @Autowired
    RegionCatalog regions;

    @Autowired
    DiagnosisService diagnosis;

    private ChainSnapshot snapshot;

    @BeforeEach
    void generate() {
        remove();
        Random r = new Random(1314);
        neo4j.query("""
                CREATE (c:Chain {id: 'ZEQ', name: '等价测试链', sample: false})
                CREATE (c)-[:HAS_SEGMENT]->(a:Segment {id: 'ZEQ-A', chainId: 'ZEQ', name: '材料', stage: 'UPSTREAM', key: false, valueAdded: 2})
                CREATE (c)-[:HAS_SEGMENT]->(b:Segment {id: 'ZEQ-B', chainId: 'ZEQ', name: '部件', stage: 'MIDSTREAM', key: true, valueAdded: 3})
                CREATE (c)-[:HAS_SEGMENT]->(d:Segment {id: 'ZEQ-C', chainId: 'ZEQ', name: '整机', stage: 'DOWNSTREAM', key: false, valueAdded: 4})
                CREATE (c)-[:HAS_SEGMENT]->(e:Segment {id: 'ZEQ-D', chainId: 'ZEQ', name: '服务', stage: 'DOWNSTREAM', key: false, valueAdded: 1})
                CREATE (a)-[:FEEDS]->(b) CREATE (b)-[:FEEDS]->(d) CREATE (d)-[:FEEDS]->(e)
                """).run();
        int members = 360;
        int outsiders = 60;
        List<Map<String, Object>> firms = new ArrayList<>();
        for (int i = 0; i < members + outsiders; i++) {
            Map<String, Object> f = new HashMap<>();
            f.put("uscc", String.format("%s%015d", i < members ? "ZEQ" : "ZEX", i));
            f.put("name", (i < members ? "等价" : "链外") + i);
            f.put("region", COUNTIES.get(r.nextInt(COUNTIES.size())));
            f.put("revenue", r.nextInt(5) == 0 ? null : Math.round(r.nextDouble() * 100_000) / 1.0);
            f.put("employees", r.nextInt(5) == 0 ? null : (long) r.nextInt(5_000));
            f.put("patents", r.nextInt(3) == 0 ? null : (long) r.nextInt(200));
            List<String> tags = new ArrayList<>();
            for (String t : TAGS) {
                if (r.nextInt(5) == 0) {
                    tags.add(t);
                }
            }
            f.put("tags", tags.isEmpty() && r.nextBoolean() ? null : tags);
            f.put("founded", LocalDate.of(2000 + r.nextInt(25), 1 + r.nextInt(12), 1 + r.nextInt(28)));
            List<String> segs = new ArrayList<>();
            if (i < members) {
                segs.add("ZEQ-" + "ABCD".charAt(r.nextInt(4)));
                if (r.nextInt(3) == 0) {
                    segs.add("ZEQ-" + "ABCD".charAt(r.nextInt(4)));
                }
            }
            f.put("segments", segs);
            firms.add(f);
        }
        neo4j.query("""
                UNWIND $firms AS f
                CREATE (e:Enterprise {uscc: f.uscc, name: f.name, regionCode: f.region, revenue: f.revenue,
                        employees: f.employees, patents: f.patents, tags: f.tags, founded: f.founded})
                WITH e, f
                UNWIND f.segments AS sid
                MATCH (s:Segment {id: sid})
                MERGE (e)-[:IN_SEGMENT]->(s)
                """).bindAll(Map.of("firms", firms)).run();
        List<Map<String, Object>> supplies = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            for (int k = 0; k < 4; k++) {
                int j = r.nextInt(members + outsiders);
                if (j == i) {
                    continue;
                }
                boolean out = r.nextBoolean();
                Map<String, Object> s = new HashMap<>();
                s.put("a", firms.get(out ? i : j).get("uscc"));
                s.put("b", firms.get(out ? j : i).get("uscc"));
                s.put("amount", r.nextInt(4) == 0 ? null : Math.round(r.nextDouble() * 10_000) / 1.0);
                s.put("product", "P" + k);
                supplies.add(s);
                if (r.nextInt(10) == 0) { // a second relation of the same pair (another product)
                    Map<String, Object> again = new HashMap<>(s);
                    again.put("amount", Math.round(r.nextDouble() * 10_000) / 1.0 + 0.5);
                    again.put("product", "Q" + k);
                    supplies.add(again);
                }
            }
        }
        neo4j.query("""
                UNWIND $supplies AS s
                MATCH (a:Enterprise {uscc: s.a}), (b:Enterprise {uscc: s.b})
                CREATE (a)-[:SUPPLIES {amount: s.amount, productId: s.product}]->(b)
                """).bindAll(Map.of("supplies", supplies)).run();
        List<Map<String, Object>> cooperations = new ArrayList<>();
        for (int i = 0; i < members; i += 7) {
            for (int k = 0; k <= i % 4; k++) {
                cooperations.add(Map.of("inst", "ZEQ-I" + k, "uscc", firms.get(i).get("uscc")));
            }
        }
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (i:Institution {id: row.inst}) ON CREATE SET i.name = row.inst, i.regionCode = '340104'
                WITH i, row
                MATCH (e:Enterprise {uscc: row.uscc})
                MERGE (i)-[:COOPERATES_WITH]->(e)
                """).bindAll(Map.of("rows", cooperations)).run();
        LocalDate today = signals.today();
        List<ExpansionEvent> evs = new ArrayList<>();
        for (int i = 3; i < members; i += 11) {
            String uscc = (String) firms.get(i).get("uscc");
            evs.add(new ExpansionEvent(ExpansionEvent.key(uscc, EventKind.FUNDING, today.minusDays(i), "融资" + i), uscc,
                    EventKind.FUNDING, today.minusDays(i), 10_000.0 + i, null, "融资" + i, "测试", false));
        }
        events.mergeEvents(evs);
        snapshot = snapshots.refresh(CHAIN);
    }

    @AfterEach
    void remove() {
        neo4j.query("""
                MATCH (n) WHERE n.id STARTS WITH 'ZEQ' OR n.uscc STARTS WITH 'ZEQ' OR n.uscc STARTS WITH 'ZEX'
                OPTIONAL MATCH (n)-[:HAS_EVENT]->(ev:ExpansionEvent)
                DETACH DELETE n, ev""").run();
        snapshots.invalidate(CHAIN);
    }

    @Test
    void factsFromTheSnapshotEqualTheFactsReadAsBefore() {
        assertThat(snapshot.enterpriseCount()).isEqualTo(360);
        SupplyTieModel model = predictions.model(snapshot);
        assertThat(model.predictor()).as("a supply model to predict with").isNotNull();
        Map<String, TargetSegment> all = segments(
                seg("ZEQ-A", TargetScorer.Purpose.FILL, false), seg("ZEQ-B", TargetScorer.Purpose.STRENGTHEN, true),
                seg("ZEQ-C", TargetScorer.Purpose.EXTEND, false), seg("ZEQ-D", TargetScorer.Purpose.FILL, false));
        // equal ratings (A and D are both 补链): the segment listed first wins, as the Cypher rows' order made it
        Map<String, TargetSegment> tied = segments(seg("ZEQ-D", TargetScorer.Purpose.FILL, false),
                seg("ZEQ-A", TargetScorer.Purpose.FILL, false), seg("ZEQ-B", TargetScorer.Purpose.CHOSEN, false));
        int predictedSomewhere = 0;
        int tiesSomewhere = 0;
        for (String prefix : List.of("34", "3401", "340104", "32", "320505", "44", "4403", "51", "11")) {
            for (Map<String, TargetSegment> bySegment : List.of(all, tied)) {
                TargetFacts.Facts now = facts.facts(CHAIN, prefix, bySegment, snapshot.version());
                TargetFacts.Facts before = referenceFacts(prefix, bySegment, model.predictor());
                String where = prefix + " " + bySegment.keySet();
                assertThat(now.candidates()).as(where).containsExactlyInAnyOrderElementsOf(before.candidates());
                assertThat(now.locals()).as(where).isEqualTo(before.locals());
                assertThat(now.events()).as(where).isEqualTo(before.events());
                assertThat(now.predicted()).as(where).isEqualTo(before.predicted());
                assertThat(now.ties().keySet()).as(where).isEqualTo(before.ties().keySet());
                before.ties().forEach((uscc, list) -> {
                    // the order Cypher fixed (amount descending, unknown first, then partner); the rest as a multiset
                    assertThat(now.ties().get(uscc)).extracting(Tie::amount, Tie::partnerUscc)
                            .as(where).containsExactlyElementsOf(list.stream()
                                    .map(t -> org.assertj.core.groups.Tuple.tuple(t.amount(), t.partnerUscc())).toList());
                    assertThat(now.ties().get(uscc)).containsExactlyInAnyOrderElementsOf(list);
                });
                predictedSomewhere += now.predicted().size();
                tiesSomewhere += now.ties().size();
            }
        }
        assertThat(predictedSomewhere).as("the comparison covers predictions").isPositive();
        assertThat(tiesSomewhere).as("the comparison covers ties").isPositive();
    }

    @Test
    void rankingsEqualTheRankingsComputedAsBefore() {
        SupplyLinkPredictor predictor = predictions.model(snapshot).predictor();
        List<TargetQuery> queries = new ArrayList<>();
        for (String region : List.of("340000", "340100", "320505", "440300", "110000")) {
            queries.add(query(region, List.of(), null, List.of(), null, List.of(), null, null));
        }
        queries.add(query("340100", List.of(), "leaders", List.of(), null, List.of(), null, null));
        queries.add(query("340100", List.of(), "ties", List.of("320000"), null, List.of(), null, null));
        queries.add(query("320000", List.of(), "innovation", List.of(), "UNKNOWN", List.of(), null, null));
        queries.add(query("320000", List.of(), "expanding", List.of(), "MEDIUM", List.of("专精特新", "上市"), null, null));
        queries.add(query("340000", List.of("ZEQ-B", "ZEQ-D"), null, List.of(), null, List.of(), 30.0, null));
        queries.add(query("510000", List.of("ZEQ-A", "ZEQ-B", "ZEQ-C", "ZEQ-D"), null, List.of(), null, List.of(), null, null));
        queries.add(query("340100", List.of(), null, List.of(), null, List.of(), null, LocalDate.of(2015, 6, 30)));
        queries.add(query("320000", List.of("ZEQ-A"), "ties", List.of(), null, List.of(), null, LocalDate.of(2012, 1, 1)));
        int rows = 0;
        for (TargetQuery q : queries) {
            TargetService.Ranking ranking = targets.rankAll(q);
            Region region = regions.find(q.region()).orElseThrow();
            Map<String, TargetSegment> bySegment = new LinkedHashMap<>();
            ranking.segments().forEach(t -> bySegment.put(t.segmentId(), t));
            TargetFacts.Facts reference = referenceFacts(region.prefix(), bySegment, predictor);
            if (q.asOf() != null) {
                reference = AsOfFacts.filter(reference, diagnosis.snapshot(CHAIN, q.asOf()), region.prefix());
            }
            List<TargetRow> expected = referenceRows(q, region, ranking.weights(), bySegment, reference);
            assertThat(ranking.rows()).as(q.toString()).containsExactlyElementsOf(expected);
            assertThat(targets.rank(q, new com.chainatlas.system.Paging(1, 7)).items()).as("a page is a slice")
                    .containsExactlyElementsOf(expected.subList(Math.min(7, expected.size()), Math.min(14, expected.size())));
            rows += expected.size();
        }
        assertThat(rows).as("rows compared").isGreaterThan(300);
    }

    private static TargetQuery query(String region, List<String> segments, String preset, List<String> include,
                                     String sizeBand, List<String> tags, Double minScore, LocalDate asOf) {
        return new TargetQuery(CHAIN, region, null, segments, preset, null, include, List.of(), sizeBand, tags, minScore, asOf);
    }

    private static TargetSegment seg(String id, TargetScorer.Purpose p, boolean key) {
        return new TargetSegment(id, id, p.name(), p.zh, key, "MISSING", "测试");
    }

    private static Map<String, TargetSegment> segments(TargetSegment... segs) {
        Map<String, TargetSegment> m = new LinkedHashMap<>();
        for (TargetSegment s : segs) {
            m.put(s.segmentId(), s);
        }
        return m;
    }

    // ---- the reference: how the facts were read and the ranking computed before (issue 13, up to 2026-12-03) ----

    private TargetFacts.Facts referenceFacts(String regionPrefix, Map<String, TargetSegment> bySegment,
                                             SupplyLinkPredictor predictor) {
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (Candidate c : outside(bySegment.keySet(), regionPrefix)) {
            Candidate prev = best.get(c.uscc());
            if (prev == null || rating(bySegment.get(c.segmentId())) > rating(bySegment.get(prev.segmentId()))) {
                best.put(c.uscc(), c);
            }
        }
        List<Candidate> all = List.copyOf(best.values());
        Map<String, List<Tie>> ties = localTies(best.keySet(), regionPrefix);
        Map<String, String> locals = localEnterprises(regionPrefix);
        Map<String, List<PredictedCustomer>> predicted = new HashMap<>();
        if (predictor != null && !locals.isEmpty()) {
            for (Candidate c : all) {
                List<PredictedCustomer> top = predictor.topLocalCustomers(c.uscc(), locals.keySet(), TargetFacts.PREDICTED_PER_CANDIDATE);
                if (!top.isEmpty()) { // an empty list and none read the same
                    predicted.put(c.uscc(), top);
                }
            }
        }
        Map<String, List<ExpansionEvent>> evs = signals.eventsOf(best.keySet());
        return new TargetFacts.Facts(all, Map.copyOf(ties), Map.copyOf(locals), Map.copyOf(predicted), Map.copyOf(evs));
    }

    private static double rating(TargetSegment s) {
        return TargetScorer.Purpose.valueOf(s.purpose()).rating();
    }

    private List<Candidate> outside(java.util.Collection<String> segmentIds, String regionPrefix) {
        return List.copyOf(neo4j.query("""
                UNWIND $segments AS segId
                MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment {id: segId})
                WHERE NOT e.regionCode STARTS WITH $prefix
                RETURN e.uscc AS uscc, e.name AS name, e.regionCode AS region, e.revenue AS revenue,
                       e.employees AS employees, e.tags AS tags, e.patents AS patents, segId,
                       COUNT { (e)<-[:COOPERATES_WITH]-(:Institution) } AS cooperations
                """).bindAll(Map.of("segments", List.copyOf(segmentIds), "prefix", regionPrefix))
                .fetchAs(Candidate.class).mappedBy((t, r) -> new Candidate(r.get("uscc").asString(), r.get("name").asString(),
                        r.get("region").asString(), r.get("revenue").isNull() ? null : r.get("revenue").asDouble(),
                        r.get("employees").isNull() ? null : r.get("employees").asInt(),
                        r.get("tags").isNull() ? List.of() : r.get("tags").asList(Value::asString),
                        r.get("patents").isNull() ? null : r.get("patents").asInt(), r.get("cooperations").asInt(),
                        r.get("segId").asString())).all());
    }

    private Map<String, List<Tie>> localTies(java.util.Collection<String> usccs, String regionPrefix) {
        Map<String, List<Tie>> byCandidate = new HashMap<>();
        neo4j.query("""
                UNWIND $usccs AS u
                MATCH (e:Enterprise {uscc: u})-[r:SUPPLIES]-(l:Enterprise)
                WHERE l.regionCode STARTS WITH $prefix
                RETURN u AS uscc, l.uscc AS partner, l.name AS partnerName, startNode(r) = e AS supplies, r.amount AS amount
                ORDER BY uscc, amount DESC, partner
                """).bindAll(Map.of("usccs", List.copyOf(usccs), "prefix", regionPrefix))
                .fetchAs(Tie.class).mappedBy((t, r) -> new Tie(r.get("uscc").asString(), r.get("partner").asString(),
                        r.get("partnerName").asString(), r.get("supplies").asBoolean(),
                        r.get("amount").isNull() ? null : r.get("amount").asDouble()))
                .all().forEach(tie -> byCandidate.computeIfAbsent(tie.uscc(), k -> new ArrayList<>()).add(tie));
        return byCandidate;
    }

    private Map<String, String> localEnterprises(String regionPrefix) {
        Map<String, String> result = new HashMap<>();
        neo4j.query("""
                MATCH (l:Enterprise)-[:IN_SEGMENT]->(:Segment {chainId: $chain})
                WHERE l.regionCode STARTS WITH $prefix
                RETURN DISTINCT l.uscc AS uscc, l.name AS name
                """).bindAll(Map.of("chain", CHAIN, "prefix", regionPrefix)).fetch().all()
                .forEach(row -> result.put((String) row.get("uscc"), (String) row.get("name")));
        return result;
    }

    /** The rows as {@code TargetService.compute} made them before (every row built, then sorted). */
    private List<TargetRow> referenceRows(TargetQuery q, Region region, TargetWeights weights,
                                          Map<String, TargetSegment> bySegment, TargetFacts.Facts facts) {
        List<Candidate> filtered = facts.candidates().stream().filter(c -> passes(c, q)).toList();
        Map<String, List<PredictedCustomer>> predicted = new HashMap<>();
        for (Candidate c : filtered) {
            predicted.put(c.uscc(), facts.predicted().getOrDefault(c.uscc(), List.of()));
        }
        TargetScorer.Scale scale = new TargetScorer.Scale(
                filtered.stream().filter(c -> c.revenue() != null).mapToDouble(Candidate::revenue).max().orElse(0),
                filtered.stream().filter(c -> c.employees() != null).mapToInt(Candidate::employees).max().orElse(0),
                filtered.stream().filter(c -> c.patents() != null).mapToInt(Candidate::patents).max().orElse(0),
                predicted.values().stream().filter(l -> !l.isEmpty()).mapToDouble(l -> l.get(0).score()).max().orElse(0));
        TargetScorer scorer = new TargetScorer(weights, region.code());
        List<TargetRow> rows = new ArrayList<>();
        for (Candidate c : filtered) {
            TargetSegment seg = bySegment.get(c.segmentId());
            List<Tie> myTies = facts.ties().getOrDefault(c.uscc(), List.of());
            List<PredictedCustomer> myPredictions = predicted.getOrDefault(c.uscc(), List.of());
            ExpansionSignals.Signal signal = signals.signal(facts.events().get(c.uscc()));
            TargetScorer.Features f = new TargetScorer.Features(c.revenue(), c.employees(), Set.copyOf(c.tags()),
                    c.patents(), c.cooperations(), (int) myTies.stream().map(Tie::partnerUscc).distinct().count(),
                    myPredictions.isEmpty() ? 0 : myPredictions.get(0).score(), c.regionCode(),
                    TargetScorer.Purpose.valueOf(seg.purpose()), seg.key(), signal.rating());
            TargetScorer.Parts p = scorer.score(f, scale);
            if (q.minScore() != null && p.total() < q.minScore()) {
                continue;
            }
            List<LocalPartner> partners = myTies.stream().map(t -> new LocalPartner(t.partnerUscc(), t.partnerName(),
                    t.candidateSupplies() ? "SUPPLIES_TO" : "BUYS_FROM", t.candidateSupplies() ? "供货给" : "采购自",
                    t.amount(), null)).toList();
            List<LocalPartner> predictedPartners = myPredictions.stream().map(pc -> new LocalPartner(pc.customerId(),
                    facts.locals().get(pc.customerId()), "PREDICTED", "预计可供货", null, TargetScorer.round(pc.score()))).toList();
            List<String> reasons = TargetReasons.withSignal(TargetReasons.of(seg, c, partners, predictedPartners, region), signal.text());
            rows.add(new TargetRow(0, c.uscc(), c.name(), c.regionCode(), regions.fullName(c.regionCode()),
                    seg.segmentId(), seg.name(), seg.purpose(), seg.purposeZh(), p.total(),
                    new ScoreParts(p.scale(), p.quality(), p.innovation(), p.ties(), p.predicted(), p.proximity(), p.priority(),
                            p.signals(), p.total()),
                    reasons, String.join("; ", reasons), partners, predictedPartners, c.revenue(), c.employees(),
                    c.tags(), c.patents(), c.cooperations(), signal.text()));
        }
        rows.sort(Comparator.comparingDouble(TargetRow::score).reversed()
                .thenComparing(TargetRow::revenue, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(TargetRow::uscc));
        List<TargetRow> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TargetRow x = rows.get(i);
            ranked.add(new TargetRow(i + 1, x.uscc(), x.name(), x.regionCode(), x.regionName(), x.segmentId(), x.segmentName(),
                    x.purpose(), x.purposeZh(), x.score(), x.parts(), x.reasons(), x.reasonText(), x.localPartners(),
                    x.predictedPartners(), x.revenue(), x.employees(), x.tags(), x.patents(), x.cooperations(), x.signalText()));
        }
        return ranked;
    }

    private static boolean passes(Candidate c, TargetQuery q) {
        String province = c.regionCode().substring(0, 2) + "0000";
        if (!q.includeProvinces().isEmpty() && !q.includeProvinces().contains(province)) {
            return false;
        }
        if (q.excludeProvinces().contains(province)) {
            return false;
        }
        if (q.sizeBand() != null) {
            double[] band = TargetService.SIZE_BANDS.get(q.sizeBand());
            if (c.revenue() == null || band.length == 0) {
                return c.revenue() == null && band.length == 0;
            }
            if (c.revenue() < band[0] || c.revenue() >= band[1]) {
                return false;
            }
        }
        return q.tags().isEmpty() || c.tags().stream().anyMatch(q.tags()::contains);
    }
}
