package com.chainatlas.analysis;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Equality of two snapshots' contents, field by field by reflection (so a field added later is compared too): every
 * array of the snapshot, of its {@link NationalFigures} and {@link FlowStructure}, bit for bit (doubles by their
 * bits, so NaN equals NaN and 0.0 differs from -0.0). What says when or how a snapshot was built is left out.
 */
final class SnapshotArrays {

    private static final Set<String> BUILD_ONLY = Set.of("version", "builtAt", "buildMillis", "extendRanking",
            "figuresProfile", "buildProfile", "pageRankNanos"); // timings of the build, not its data

    private SnapshotArrays() {
    }

    /** The fields that differ, with the first differing index of arrays; empty when the snapshots are equal. */
    static List<String> differences(ChainSnapshot a, ChainSnapshot b) {
        List<String> out = new ArrayList<>();
        compareFields("", ChainSnapshot.class, a, b, out);
        return out;
    }

    private static void compareFields(String path, Class<?> type, Object a, Object b, List<String> out) {
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || BUILD_ONLY.contains(f.getName())) {
                continue;
            }
            f.setAccessible(true);
            try {
                compare(path + f.getName(), f.get(a), f.get(b), out);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void compare(String path, Object x, Object y, List<String> out) {
        if (x instanceof NationalFigures || x instanceof FlowStructure) {
            compareFields(path + ".", x.getClass(), x, y, out);
        } else if (x != null && x.getClass().isArray()) {
            if (!Arrays.deepEquals(new Object[]{x}, new Object[]{y})) {
                out.add(path + " " + firstDifference(x, y));
            }
        } else if (x instanceof List<?> lx && y instanceof List<?> ly) {
            if (lx.size() != ly.size()) {
                out.add(path + " size " + lx.size() + " vs " + ly.size());
                return;
            }
            for (int i = 0; i < lx.size(); i++) {
                compare(path + "[" + i + "]", lx.get(i), ly.get(i), out);
            }
        } else if (!Objects.equals(x, y)) {
            out.add(path + ": " + x + " vs " + y);
        }
    }

    private static String firstDifference(Object x, Object y) {
        if (y == null) {
            return "null on one side";
        }
        int lx = java.lang.reflect.Array.getLength(x);
        int ly = java.lang.reflect.Array.getLength(y);
        for (int i = 0; i < Math.min(lx, ly); i++) {
            Object ex = java.lang.reflect.Array.get(x, i);
            Object ey = java.lang.reflect.Array.get(y, i);
            if (!Arrays.deepEquals(new Object[]{ex}, new Object[]{ey})) {
                return "length " + lx + " vs " + ly + ", first difference at " + i + ": "
                        + Arrays.deepToString(new Object[]{ex}) + " vs " + Arrays.deepToString(new Object[]{ey});
            }
        }
        return "length " + lx + " vs " + ly;
    }
}
