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
            stackedModel = StackedLinkPrediction.train(network, TRAINING_SEED);
        }
        return stackedModel;
    }
}
