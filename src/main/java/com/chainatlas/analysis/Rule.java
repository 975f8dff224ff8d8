package com.chainatlas.analysis;

/**
 * Every rule the diagnosis applies. A {@link DiagnosisModel.Reason} names the rule that fired, the verdict or
 * flag it supports, and its figure against the threshold.
 */
public enum Rule {
    /** No local enterprise. → MISSING. */
    NO_LOCAL_ENTERPRISE,
    /** Location quotient by count below {@code weakLq}. → WEAK. */
    LOW_LOCATION_QUOTIENT,
    /** Fewer local enterprises than {@code minEnterprises}. → WEAK. */
    FEW_LOCAL_ENTERPRISES,
    /** One enterprise carries at least {@code singleEnterpriseShare} of local revenue. → WEAK. */
    SINGLE_ENTERPRISE,
    /** Local customers buy this segment mostly from outside ({@code outsideInputShare}). → WEAK. */
    OUTSIDE_INPUTS,
    /** No weakness or strength rule fired. → PRESENT. */
    NO_RULE_FIRED,
    /** Location quotient by count at least {@code strongLq} with at least {@code minEnterprises}. → STRONG. */
    HIGH_LOCATION_QUOTIENT,
    /** A national top-3 enterprise (by revenue) of the segment is local. → STRONG. */
    NATIONAL_LEADER_LOCAL,
    /** Within {@code extendSteps} FEEDS steps of a STRONG segment. → EXTEND. */
    NEXT_TO_STRONG,
    /** Every raw-material → end-product path of the FEEDS flow passes this segment. → CRITICAL. */
    CHOKEPOINT,
    /** National HHI at least {@code hhiLimit}. → CRITICAL. */
    CONCENTRATED_HHI,
    /** At most {@code fewEnterprises} enterprises nationally. → CRITICAL. */
    FEW_NATIONAL_ENTERPRISES,
    /** One province holds at least {@code topProvinceShare} of national revenue. → CRITICAL. */
    CONCENTRATED_PROVINCE,
    /** A CRITICAL segment that local customers buy mostly from outside. → DEPENDENCY. */
    OUTSIDE_DEPENDENCY
}
