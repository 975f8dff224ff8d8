package com.chainatlas.targeting.linkprediction;

/**
 * Scores one candidate relation "supplier sells to customer" by firm index; higher means more
 * likely. Implementations may keep scratch buffers and are then not thread-safe.
 */
@FunctionalInterface
interface PairScorer {

    double score(int supplier, int customer);

    /**
     * Whether the network holds any evidence for the pair (used to leave out predictions a reason
     * could not explain). By default: a positive score.
     */
    default boolean hasEvidence(int supplier, int customer) {
        return score(supplier, customer) > 0;
    }
}
