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
}
