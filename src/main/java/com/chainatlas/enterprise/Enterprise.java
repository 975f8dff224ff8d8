package com.chainatlas.enterprise;

import java.time.LocalDate;
import java.util.List;

/**
 * 企业, keyed by its USCC.
 *
 * @param regionCode 6-digit code of where it is registered (usually a county)
 * @param zone       development zone (开发区), if any
 * @param revenue    annual revenue in 万元 (10,000 yuan), null when unknown
 * @param tags       quality labels: 上市, 专精特新, 专精特新小巨人, 高新技术企业, 500强, 链主 …
 * @param patents    patent count, null when unknown (an empty 专利数 is not 0)
 * @param founded    成立日期, null when unknown
 * @param listed     上市日期, null when unknown or not listed; an as-of view places an enterprise by the earlier of the two
 */
public record Enterprise(String uscc, String name, String shortName, String regionCode, String zone,
                         Double revenue, Integer employees, LocalDate founded, List<String> tags,
                         Integer patents, boolean sample, LocalDate listed) {

    public Enterprise {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** An enterprise without a listing date (上市日期 unknown or not listed). */
    public Enterprise(String uscc, String name, String shortName, String regionCode, String zone, Double revenue,
                      Integer employees, LocalDate founded, List<String> tags, Integer patents, boolean sample) {
        this(uscc, name, shortName, regionCode, zone, revenue, employees, founded, tags, patents, sample, null);
    }
}
