package com.chainatlas.analysis;

/**
 * A chain's snapshot was built and kept (any build: first request, warm-up, refresh, rebuild after an import).
 * Published on the building thread, after the swap: listeners that derive something per snapshot version hand
 * the work to an executor rather than do it there (the building thread may be a request's).
 */
public record SnapshotBuiltEvent(String chainId, long version) {
}
