package com.chainatlas.assignment;

import java.util.List;

/** Inverted index of unit vectors: for each feature id, the rows that have it and their values. */
final class Postings {

    private final int[][] rows;
    private final double[][] values;

    Postings(List<SparseVector> vectors, int features) {
        int[] counts = new int[features];
        for (SparseVector v : vectors) {
            for (int id : v.ids()) {
                counts[id]++;
            }
        }
        rows = new int[features][];
        values = new double[features][];
        for (int f = 0; f < features; f++) {
            rows[f] = new int[counts[f]];
            values[f] = new double[counts[f]];
        }
        int[] fill = new int[features];
        for (int r = 0; r < vectors.size(); r++) {
            SparseVector v = vectors.get(r);
            for (int i = 0; i < v.ids().length; i++) {
                int f = v.ids()[i];
                rows[f][fill[f]] = r;
                values[f][fill[f]++] = v.values()[i];
            }
        }
    }

    /** Dot products of {@code query} with every row, accumulated into {@code out} (length = rows). */
    void dots(SparseVector query, double[] out) {
        for (int i = 0; i < query.ids().length; i++) {
            int f = query.ids()[i];
            double q = query.values()[i];
            int[] r = rows[f];
            double[] v = values[f];
            for (int j = 0; j < r.length; j++) {
                out[r[j]] += q * v[j];
            }
        }
    }
}
