package com.chainatlas.targeting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chainatlas.analysis.ChainSnapshot;
import com.chainatlas.analysis.SnapshotRegistry;
import com.chainatlas.signal.ExpansionEvent;
import com.chainatlas.targeting.TargetCandidates.Candidate;
import com.chainatlas.targeting.TargetCandidates.Tie;
import com.chainatlas.targeting.TargetModel.TargetSegment;
import com.chainatlas.targeting.linkprediction.PredictedCustomer;
import com.chainatlas.targeting.linkprediction.SupplyLinkPredictor;

import org.springframework.stereotype.Component;

/**
 * The facts a ranking reads — candidates, their ties to local firms, the local firms, the predicted local
 * customers, the candidates' expansion events — which depend on the data and the targeted segments but not on weights, presets
 * or filters. Kept per (chain, region, targeted segments, snapshot version), so changing a preset or a filter
 * re-scores in memory, and an import (a new snapshot version) reads afresh.
 *
 * <p>Candidates and local firms come from the snapshot's arrays and the chain's {@link ChainFacts} (made once per
 * snapshot); only the ties to local firms are read from the database, from the region's side.
 */
@Component
class TargetFacts {

    /** Predicted local customers kept per candidate. */
    static final int PREDICTED_PER_CANDIDATE = 3;
    private static final int CACHED = 16;

    /**
     * One candidate row per enterprise (under its highest-priority segment), with everything scoring reads.
     * {@code events}: the candidates' expansion events (扩张信号), rated on the ranking's day (they decay daily).
     * {@code predicted} holds the candidates with at least one predicted local customer.
     */
    record Facts(List<Candidate> candidates, Map<String, List<Tie>> ties, Map<String, String> locals,
                 Map<String, List<PredictedCustomer>> predicted, Map<String, List<ExpansionEvent>> events) {
    }

    private record Key(String chain, String regionPrefix, List<String> segments, long version) {
    }

    private final SnapshotRegistry snapshots;
    private final ChainFactsCache chains;
    private final TargetCandidates candidates;
    private final Map<Key, Facts> cache = Collections.synchronizedMap(new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Facts> eldest) {
            return size() > CACHED;
        }
    });

    TargetFacts(SnapshotRegistry snapshots, ChainFactsCache chains, TargetCandidates candidates) {
        this.snapshots = snapshots;
        this.chains = chains;
        this.candidates = candidates;
    }

    Facts facts(String chainId, String regionPrefix, Map<String, TargetSegment> bySegment, long snapshotVersion) {
        List<String> segKey = new ArrayList<>();
        bySegment.values().forEach(s -> segKey.add(s.segmentId() + ":" + s.purpose() + ":" + s.key()));
        Key key = new Key(chainId, regionPrefix, List.copyOf(segKey), snapshotVersion);
        Facts f = cache.get(key);
        if (f == null) {
            ChainFacts chain = chains.of(snapshots.get(chainId));
            f = read(chain, regionPrefix, bySegment);
            if (chain.snapshot().version() == snapshotVersion) { // else an import landed meanwhile: do not keep a mix
                cache.put(key, f);
            }
        }
        return f;
    }

    /** The chain's facts for the current snapshot, made now if the background has not yet (for warm-up and benchmarks). */
    ChainFacts chainFacts(String chainId) {
        return chains.of(snapshots.get(chainId));
    }

    Facts read(ChainFacts chain, String regionPrefix, Map<String, TargetSegment> bySegment) {
        ChainSnapshot s = chain.snapshot();
        // targeted segments by snapshot index: their place in bySegment (earlier wins a tie) and rating
        List<TargetSegment> targeted = List.copyOf(bySegment.values());
        int[] place = new int[s.segmentCount()];
        java.util.Arrays.fill(place, -1);
        for (int i = targeted.size() - 1; i >= 0; i--) {
            int seg = s.segmentIndex(targeted.get(i).segmentId());
            if (seg >= 0) {
                place[seg] = i;
            }
        }
        double[] rating = targeted.stream().mapToDouble(TargetFacts::rating).toArray();
        int[] local = s.rangeWithin(regionPrefix);
        List<Candidate> all = new ArrayList<>();
        for (int e = 0; e < s.enterpriseCount(); e++) {
            if (e == local[0] && local[1] > local[0]) {
                e = local[1] - 1; // the region's own firms are not candidates
                continue;
            }
            int best = -1;
            for (int m = s.membershipStart(e); m < s.membershipStart(e + 1); m++) {
                int p = place[s.membershipSegment(m)];
                if (p >= 0 && (best < 0 || rating[p] > rating[best] || (rating[p] == rating[best] && p < best))) {
                    best = p;
                }
            }
            if (best >= 0) {
                all.add(chain.candidate(e, targeted.get(best).segmentId()));
            }
        }
        Set<String> usccs = new HashSet<>();
        all.forEach(c -> usccs.add(c.uscc()));
        Map<String, List<Tie>> ties = candidates.localTies(usccs, regionPrefix);
        Map<String, String> locals = new HashMap<>();
        for (int e = local[0]; e < local[1]; e++) {
            locals.put(s.usccOf(e), s.nameOf(e));
        }
        SupplyLinkPredictor predictor = chain.model().predictor();
        Map<String, List<PredictedCustomer>> predicted = predictor != null && !locals.isEmpty()
                ? predictor.topLocalCustomersOfEach(usccs, locals.keySet(), PREDICTED_PER_CANDIDATE) : Map.of();
        Map<String, List<ExpansionEvent>> events = new HashMap<>();
        for (String u : usccs) {
            List<ExpansionEvent> ev = chain.events(u);
            if (ev != null) {
                events.put(u, ev);
            }
        }
        return new Facts(List.copyOf(all), Map.copyOf(ties), Map.copyOf(locals), Map.copyOf(predicted), Map.copyOf(events));
    }

    private static double rating(TargetSegment s) {
        return TargetScorer.Purpose.valueOf(s.purpose()).rating();
    }
}
