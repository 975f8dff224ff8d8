package com.chainatlas.targeting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.signal.ExpansionEvent;
import com.chainatlas.signal.ExpansionSignals;
import com.chainatlas.targeting.TargetCandidates.Candidate;
import com.chainatlas.targeting.TargetCandidates.Tie;
import com.chainatlas.targeting.TargetModel.TargetSegment;
import com.chainatlas.targeting.linkprediction.PredictedCustomer;
import com.chainatlas.targeting.linkprediction.SupplyLinkPredictor;

import org.springframework.stereotype.Component;

/**
 * The facts a ranking reads from the graph — candidates, their ties to local firms, the local firms, the
 * predicted local customers, the candidates' expansion events — which depend on the data and the targeted segments but not on weights, presets
 * or filters. Kept per (chain, region, targeted segments, snapshot version), so changing a preset or a filter
 * re-scores in memory, and an import (a new snapshot version) reads afresh.
 */
@Component
class TargetFacts {

    /** Predicted local customers kept per candidate. */
    static final int PREDICTED_PER_CANDIDATE = 3;
    private static final int CACHED = 16;

    /**
     * One candidate row per enterprise (under its highest-priority segment), with everything scoring reads.
     * {@code events}: the candidates' expansion events (扩张信号), rated on the ranking's day (they decay daily).
     */
    record Facts(List<Candidate> candidates, Map<String, List<Tie>> ties, Map<String, String> locals,
                 Map<String, List<PredictedCustomer>> predicted, Map<String, List<ExpansionEvent>> events) {
    }

    private record Key(String chain, String regionPrefix, List<String> segments, long version) {
    }

    private final TargetCandidates candidates;
    private final SupplyTiePredictions predictions;
    private final ExpansionSignals signals;
    private final Map<Key, Facts> cache = Collections.synchronizedMap(new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Facts> eldest) {
            return size() > CACHED;
        }
    });

    TargetFacts(TargetCandidates candidates, SupplyTiePredictions predictions, ExpansionSignals signals) {
        this.candidates = candidates;
        this.predictions = predictions;
        this.signals = signals;
    }

    Facts facts(String chainId, String regionPrefix, Map<String, TargetSegment> bySegment, long snapshotVersion) {
        List<String> segKey = new ArrayList<>();
        bySegment.values().forEach(s -> segKey.add(s.segmentId() + ":" + s.purpose() + ":" + s.key()));
        Key key = new Key(chainId, regionPrefix, List.copyOf(segKey), snapshotVersion);
        Facts f = cache.get(key);
        if (f == null) {
            SupplyTieModel model = predictions.model(chainId);
            f = read(chainId, regionPrefix, bySegment, model.predictor());
            if (model.snapshotVersion() == snapshotVersion) { // else an import landed meanwhile: do not keep a mix
                cache.put(key, f);
            }
        }
        return f;
    }

    private Facts read(String chainId, String regionPrefix, Map<String, TargetSegment> bySegment,
                       SupplyLinkPredictor predictor) {
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (Candidate c : candidates.outside(bySegment.keySet(), regionPrefix)) {
            Candidate prev = best.get(c.uscc());
            if (prev == null || rating(bySegment.get(c.segmentId())) > rating(bySegment.get(prev.segmentId()))) {
                best.put(c.uscc(), c);
            }
        }
        List<Candidate> all = List.copyOf(best.values());
        Map<String, List<Tie>> ties = candidates.localTies(best.keySet(), regionPrefix);
        Map<String, String> locals = candidates.localEnterprises(chainId, regionPrefix);
        Map<String, List<PredictedCustomer>> predicted = new HashMap<>();
        if (predictor != null && !locals.isEmpty()) {
            for (Candidate c : all) {
                predicted.put(c.uscc(), predictor.topLocalCustomers(c.uscc(), locals.keySet(), PREDICTED_PER_CANDIDATE));
            }
        }
        Map<String, List<ExpansionEvent>> events = signals.eventsOf(best.keySet());
        return new Facts(all, Map.copyOf(ties), Map.copyOf(locals), Map.copyOf(predicted), Map.copyOf(events));
    }

    private static double rating(TargetSegment s) {
        return TargetScorer.Purpose.valueOf(s.purpose()).rating();
    }
}
