package com.chainatlas.targeting;

import java.util.AbstractList;
import java.util.RandomAccess;

import com.chainatlas.targeting.TargetModel.TargetRow;

/**
 * The rows of a ranking as a sorted array of candidate indices: a row (its reasons, partners, parts) is made when it
 * is read, so a ranking of every candidate of a national chain costs an {@code int} per row to keep, and a page is a
 * slice. Rows read twice are equal (they are made from the same immutable facts). Immutable.
 */
final class RankedRows extends AbstractList<TargetRow> implements RandomAccess {

    /** Makes the row of candidate {@code candidate} at rank {@code rank} (1-based). */
    @FunctionalInterface
    interface RowMaker {
        TargetRow row(int candidate, int rank);
    }

    private final int[] order;
    private final RowMaker maker;

    RankedRows(int[] order, RowMaker maker) {
        this.order = order;
        this.maker = maker;
    }

    @Override
    public TargetRow get(int index) {
        return maker.row(order[index], index + 1);
    }

    @Override
    public int size() {
        return order.length;
    }
}
