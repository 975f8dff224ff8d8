package com.chainatlas.targeting.linkprediction;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;

/**
 * A network plus what its scorers share, built on first use: the undirected projection of the
 * classic indices and the trained stacked models (one per {@link StackedLinkPrediction.Variant}). In
 * transfer mode the models are trained on another network and then score this one.
 */
final class ScoringContext {

    /** Seed of the inner hold-out the stacked model trains on. */
    static final long TRAINING_SEED = 1;

    private final SupplyTieNetwork network;
    /** The network the learning methods train on: this one, or another in transfer mode. */
    private final SupplyTieNetwork trainingSource;
    private Graph<Integer, DefaultEdge> projection;
    private final Map<StackedLinkPrediction.Variant, StackedLinkPrediction.Model> models =
            new EnumMap<>(StackedLinkPrediction.Variant.class);
    private final Map<StackedLinkPrediction.Variant, Long> trainingNanos = new EnumMap<>(StackedLinkPrediction.Variant.class);

    ScoringContext(SupplyTieNetwork network) {
        this(network, network);
    }

    /** Transfer mode: learning methods train on all of {@code trainOn} and score {@code network}. */
    ScoringContext(SupplyTieNetwork network, SupplyTieNetwork trainOn) {
        this.network = Objects.requireNonNull(network, "network");
        this.trainingSource = Objects.requireNonNull(trainOn, "training network");
    }

    SupplyTieNetwork network() {
        return network;
    }

    synchronized Graph<Integer, DefaultEdge> projection() {
        if (projection == null) {
            projection = network.undirectedProjection();
        }
        return projection;
    }

    /** The classic stacked model. */
    StackedLinkPrediction.Model stackedModel() {
        return stackedModel(StackedLinkPrediction.Variant.CLASSIC);
    }

    /** The learning method's model (seed {@value #TRAINING_SEED}), trained on first use. */
    StackedLinkPrediction.Model stackedModel(LinkPredictionMethod method) {
        return stackedModel(method.variant());
    }

    synchronized StackedLinkPrediction.Model stackedModel(StackedLinkPrediction.Variant variant) {
        StackedLinkPrediction.Model model = models.get(variant);
        if (model == null) {
            long t0 = System.nanoTime();
            model = StackedLinkPrediction.train(trainingSource, TRAINING_SEED, variant);
            if (trainingSource != network) {
                model = model.transferTo(network);
            }
            trainingNanos.put(variant, System.nanoTime() - t0);
            models.put(variant, model);
        }
        return model;
    }

    /** How long training the method's model took, 0 if it was not trained. */
    synchronized long trainingMillis(LinkPredictionMethod method) {
        return trainingNanos.getOrDefault(method.variant(), 0L) / 1_000_000;
    }
}
