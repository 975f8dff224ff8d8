package com.chainatlas.enterprise;

/** Relation rows of the enterprise map. */
public final class EnterpriseLinks {

    private EnterpriseLinks() {
    }

    /** Enterprise operates in a segment (IN_SEGMENT). */
    public record Membership(String uscc, String segmentId) {
    }

    /** Enterprise makes a product (MAKES), {@code share} of its revenue in 0..1 when known. */
    public record Makes(String uscc, String productId, Double share) {
    }

    /** Supplier → customer (SUPPLIES); {@code amount} in 万元 per year when known. */
    public record Supply(String supplierUscc, String customerUscc, String productId, Double amount) {
    }

    /**
     * Node ids (Neo4j element ids) of the enterprises a relation row names, as a bulk writer's caller
     * looked them up: lets the write skip the USCC index (measured about 1.5× faster on supply batches).
     * {@code to} is null when the other end is not an enterprise (a segment, a product). {@code unrelated}
     * is true when the caller saw no relation of the written type at an enterprise end, so the row can be
     * created instead of merged.
     */
    public record NodeIds(String from, String to, boolean unrelated) {
    }
}
