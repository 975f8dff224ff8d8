package com.chainatlas.targeting.linkprediction;

import java.util.Objects;

import org.jgrapht.alg.interfaces.LinkPredictionAlgorithm;
import org.jgrapht.alg.linkprediction.LinkPredictionIndexNotWellDefinedException;
import org.jgrapht.graph.DefaultEdge;

/**
 * Applies one of JGraphT's classic link-prediction indices to the undirected projection of the
 * supply network (direction and roles are dropped, so "neighbour" means any trading partner).
 *
 * <p>Where JGraphT declares an index undefined for a pair (Jaccard on two firms without partners
 * throws {@link IllegalArgumentException}; Adamic–Adar throws
 * {@link LinkPredictionIndexNotWellDefinedException} for a common neighbour of degree &lt; 2, which a
 * simple graph cannot produce for two distinct firms), the score is 0: no evidence for the tie.
 * JGraphT's indices build hash sets per call: O(k_u + k_v) time per pair. Thread-safe for reads.
 */
final class UndirectedIndexScorer implements PairScorer {

    private final LinkPredictionAlgorithm<Integer, DefaultEdge> index;

    UndirectedIndexScorer(LinkPredictionAlgorithm<Integer, DefaultEdge> index) {
        this.index = Objects.requireNonNull(index);
    }

    @Override
    public double score(int supplier, int customer) {
        try {
            return index.predict(supplier, customer);
        } catch (LinkPredictionIndexNotWellDefinedException | IllegalArgumentException undefined) {
            return 0d;
        }
    }
}
