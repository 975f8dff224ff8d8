package com.chainatlas.analysis;

/**
 * A chain's snapshot was rebuilt in the background after its data changed, so caches keyed by the old snapshot
 * version are dead: listeners may recompute their popular entries now (on the snapshot executor's thread) rather
 * than let the next requests do it at once.
 */
public record SnapshotRebuiltEvent(String chainId, long version) {
}
