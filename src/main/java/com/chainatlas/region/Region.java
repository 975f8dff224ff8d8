package com.chainatlas.region;

/**
 * An administrative division (行政区划), keyed by its 6-digit GB/T 2260 code.
 *
 * @param name display name (a municipality's 市辖区 shows as the municipality)
 */
public record Region(String code, String name, RegionLevel level, String parentCode) {

    /** The code prefix shared by this region and all regions inside it. */
    public String prefix() {
        return switch (level) {
            case PROVINCE -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            case COUNTY -> code;
        };
    }

    /** Whether {@code countyOrOtherCode} lies in this region (a region contains itself). */
    public boolean contains(String otherCode) {
        return otherCode != null && otherCode.startsWith(prefix());
    }
}
