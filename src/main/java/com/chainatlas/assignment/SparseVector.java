package com.chainatlas.assignment;

import java.util.Arrays;
import java.util.Map;

/** A unit-length sparse vector over a model's feature ids (ids ascending). */
record SparseVector(int[] ids, double[] values) {

    static final SparseVector EMPTY = new SparseVector(new int[0], new double[0]);

    /** The L2-normalised vector of {@code weights} (feature id → weight); empty if all weights are zero. */
    static SparseVector unit(Map<Integer, Double> weights) {
        int[] ids = weights.entrySet().stream().filter(e -> e.getValue() != 0).mapToInt(Map.Entry::getKey).sorted().toArray();
        double[] values = new double[ids.length];
        double norm = 0;
        for (int i = 0; i < ids.length; i++) {
            values[i] = weights.get(ids[i]);
            norm += values[i] * values[i];
        }
        if (norm == 0) {
            return EMPTY;
        }
        double n = Math.sqrt(norm);
        for (int i = 0; i < values.length; i++) {
            values[i] /= n;
        }
        return new SparseVector(ids, values);
    }

    boolean isEmpty() {
        return ids.length == 0;
    }

    /** Dot product with a dense vector. */
    double dot(double[] dense) {
        double s = 0;
        for (int i = 0; i < ids.length; i++) {
            s += values[i] * dense[ids[i]];
        }
        return s;
    }

    /** Dot product with another sparse vector (merge of the sorted ids). */
    double dot(SparseVector o) {
        double s = 0;
        int i = 0;
        int j = 0;
        while (i < ids.length && j < o.ids.length) {
            if (ids[i] == o.ids[j]) {
                s += values[i++] * o.values[j++];
            } else if (ids[i] < o.ids[j]) {
                i++;
            } else {
                j++;
            }
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && Arrays.equals(ids, v.ids) && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "SparseVector" + Arrays.toString(ids);
    }
}
