package com.chainatlas.targeting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chainatlas.analysis.ChainSnapshot;
import com.chainatlas.targeting.TargetCandidates.Candidate;
import com.chainatlas.targeting.TargetCandidates.Tie;
import com.chainatlas.targeting.linkprediction.PredictedCustomer;

/**
 * The facts of a ranking as of a date: candidates that had entered the chain by then (those in the as-of view of the
 * snapshot), and only local partners and predicted customers in the view's local slice. A tie with a partner outside
 * the chain cannot be dated from the chain's snapshot and is left out too. The facts themselves come from the cache of
 * all data ({@link TargetFacts}); this is a filter in memory.
 */
final class AsOfFacts {

    private AsOfFacts() {
    }

    static TargetFacts.Facts filter(TargetFacts.Facts all, ChainSnapshot view, String regionPrefix) {
        Set<String> locals = view.usccsWithin(regionPrefix);
        List<Candidate> candidates = all.candidates().stream()
                .filter(c -> view.contains(c.uscc(), c.regionCode())).toList();
        Map<String, List<Tie>> ties = new HashMap<>();
        all.ties().forEach((uscc, list) -> {
            List<Tie> kept = list.stream().filter(t -> locals.contains(t.partnerUscc())).toList();
            if (!kept.isEmpty()) {
                ties.put(uscc, kept);
            }
        });
        Map<String, String> localNames = new HashMap<>();
        all.locals().forEach((uscc, name) -> {
            if (locals.contains(uscc)) {
                localNames.put(uscc, name);
            }
        });
        Map<String, List<PredictedCustomer>> predicted = new HashMap<>();
        all.predicted().forEach((uscc, list) -> predicted.put(uscc,
                list.stream().filter(p -> locals.contains(p.customerId())).toList()));
        return new TargetFacts.Facts(candidates, Map.copyOf(ties), Map.copyOf(localNames), Map.copyOf(predicted), all.events());
    }
}
