package com.chainatlas.targeting.linkprediction;

import java.util.Objects;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;

/** A network plus its undirected projection, built on first use and shared by the classic indices. */
final class ScoringContext {

    private final SupplyNetwork network;
    private Graph<Integer, DefaultEdge> projection;

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
}
