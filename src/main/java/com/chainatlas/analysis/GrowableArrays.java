package com.chainatlas.analysis;

import java.util.Arrays;

/** Append-only primitive lists for building snapshots without boxing (millions of rows). */
final class GrowableArrays {

    private GrowableArrays() {
    }

    static final class Ints {
        private int[] a = new int[16];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = v;
        }

        int get(int i) {
            return a[i];
        }

        int size() {
            return size;
        }
    }

    static final class Doubles {
        private double[] a = new double[16];
        private int size;

        void add(double v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = v;
        }

        double get(int i) {
            return a[i];
        }

        int size() {
            return size;
        }
    }
}
