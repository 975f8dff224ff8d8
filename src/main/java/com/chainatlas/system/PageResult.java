package com.chainatlas.system;

import java.util.List;

/** One page of a long list. {@code page} is zero-based. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public PageResult {
        items = List.copyOf(items);
    }
}
