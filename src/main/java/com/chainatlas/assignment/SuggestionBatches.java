package com.chainatlas.assignment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.chainatlas.assignment.AssignmentModel.MethodInfo;
import com.chainatlas.assignment.AssignmentModel.Suggestion;

import org.springframework.stereotype.Component;

/**
 * The last computed batches, in memory, so that a reviewer pages through and accepts exactly what was shown
 * (a recomputation after new data could differ). Bounded: the oldest batch is dropped first; a restart drops
 * all (the client then computes a new batch).
 */
@Component
class SuggestionBatches {

    static final int MAX_BATCHES = 16;

    record Batch(String id, String chain, String region, Instant createdAt, int trainingFirms, int segments,
                 MethodInfo method, List<Suggestion> items) {
    }

    private final Map<String, Batch> batches = new LinkedHashMap<>(MAX_BATCHES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Batch> eldest) {
            return size() > MAX_BATCHES;
        }
    };

    synchronized void put(Batch batch) {
        batches.put(batch.id(), batch);
    }

    synchronized Optional<Batch> get(String id) {
        return Optional.ofNullable(batches.get(id));
    }
}
