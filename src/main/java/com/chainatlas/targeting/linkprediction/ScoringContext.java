package com.chainatlas.targeting.linkprediction;

import java.util.Objects;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;

/** A network plus its undirected projection, built on first use and shared by the classic indices. */
final class ScoringContext {

    /** Seed of the inner hold-out the stacked model trains on. */
    static final long TRAINING_SEED = 1;

    private final SupplyNetwork network;
    private Graph<Integer, DefaultEdge> projection;
    private StackedLinkPrediction.Model stackedModel;
    private long stackedTrainingNanos;

    ScoringContext(SupplyNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    SupplyNetwork network() {
        return network;
    }

    synchronized Graph<Integer, DefaultEdge> projection() {
        if (projection == null) {
            projection = network.undirectedProjection();
        }
        return projection;
    }

    /** The stacked model trained on this network, trained on first use (seed {@value #TRAINING_SEED}). */
    synchronized StackedLinkPrediction.Model stackedModel() {
        if (stackedModel == null) {
            long t0 = System.nanoTime();
            stackedModel = StackedLinkPrediction.train(network, TRAINING_SEED);
            stackedTrainingNanos = System.nanoTime() - t0;
        }
        return stackedModel;
    }

    /** How long training the stacked model took, 0 if it was not trained. */
    synchronized long stackedTrainingMillis() {
        return stackedTrainingNanos / 1_000_000;
    }
}
