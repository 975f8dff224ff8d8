package com.chainatlas.region;

/** Administrative level of a GB/T 2260 division: 省 / 市 / 县. */
public enum RegionLevel {
    PROVINCE, CITY, COUNTY;

    /** The level implied by a 6-digit code: xx0000 province, xxxx00 city, otherwise county. */
    public static RegionLevel ofCode(String code) {
        if (code.endsWith("0000")) {
            return PROVINCE;
        }
        return code.endsWith("00") ? CITY : COUNTY;
    }
}
