package com.chainatlas.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * A discriminative linear classifier over a {@link SegmentModel}'s L2-normalised TF-IDF vectors of its assigned
 * firms (LIBLINEAR: L2-regularised logistic regression or linear SVM, one constant feature as bias), giving a
 * probability per segment. A firm in several segments counts once per segment. Segments without assigned firms
 * get probability 0; a chain whose firms sit in one segment gives that segment 1. An experiment
 * ({@link LinearExperiment}, docs/assignment.md), not used by the service: it did not beat the method.
 */
final class LinearSegments {

    /** The solver and its stopping tolerance. */
    enum Kind {
        LR(SolverType.L2R_LR, 0.01), SVC(SolverType.L2R_L2LOSS_SVC_DUAL, 0.1), CS(SolverType.MCSVM_CS, 0.1);

        final SolverType solver;
        final double eps;

        Kind(SolverType solver, double eps) {
            this.solver = solver;
            this.eps = eps;
        }
    }

    static {
        Linear.disableDebugOutput();
    }

    private final Kind kind;
    private final int segments;
    private final int bias;
    private final Model model;
    private final int only;

    private LinearSegments(Kind kind, int segments, int bias, Model model, int only) {
        this.kind = kind;
        this.segments = segments;
        this.bias = bias;
        this.model = model;
        this.only = only;
    }

    static LinearSegments train(SegmentModel base, Kind kind, double c) {
        List<Feature[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        int bias = base.featureCount() + 1;
        for (int i = 0; i < base.exampleCount(); i++) {
            Feature[] x = features(base.exampleVector(i), bias);
            for (int s : base.segmentsOf(i)) {
                xs.add(x);
                ys.add((double) s);
            }
        }
        int segments = base.segmentCount();
        long classes = ys.stream().distinct().count();
        if (classes < 2) {
            return new LinearSegments(kind, segments, bias, null, classes == 1 ? ys.get(0).intValue() : -1);
        }
        Problem p = new Problem();
        p.l = xs.size();
        p.n = bias;
        p.x = xs.toArray(new Feature[0][]);
        p.y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        p.bias = -1;
        Parameter param = new Parameter(kind.solver, c, kind.eps);
        param.setRandom(new Random(0));
        return new LinearSegments(kind, segments, bias, Linear.train(p, param), -1);
    }

    /**
     * Probability of every segment (in the base model's order) for vector {@code v}: logistic regression's own,
     * or for an SVM the softmax of its decision values × {@code temperature}.
     */
    double[] probabilities(SparseVector v, double temperature) {
        double[] out = new double[segments];
        if (model == null) {
            if (only >= 0) {
                out[only] = 1;
            }
            return out;
        }
        int[] labels = model.getLabels();
        double[] values = new double[labels.length];
        Feature[] x = features(v, bias);
        if (kind == Kind.LR) {
            Linear.predictProbability(model, x, values);
            for (int k = 0; k < labels.length; k++) {
                out[labels[k]] = values[k];
            }
            return out;
        }
        Linear.predictValues(model, x, values);
        if (labels.length == 2 && kind != Kind.CS) {
            values[1] = -values[0];
        }
        double max = Arrays.stream(values).max().orElse(0);
        double sum = 0;
        for (int k = 0; k < labels.length; k++) {
            values[k] = Math.exp(temperature * (values[k] - max));
            sum += values[k];
        }
        for (int k = 0; k < labels.length; k++) {
            out[labels[k]] = values[k] / sum;
        }
        return out;
    }

    /** LIBLINEAR's 1-based ascending features, with the constant bias feature last. */
    private static Feature[] features(SparseVector v, int bias) {
        Feature[] x = new Feature[v.ids().length + 1];
        for (int i = 0; i < v.ids().length; i++) {
            x[i] = new FeatureNode(v.ids()[i] + 1, v.values()[i]);
        }
        x[v.ids().length] = new FeatureNode(bias, 1.0);
        return x;
    }
}
