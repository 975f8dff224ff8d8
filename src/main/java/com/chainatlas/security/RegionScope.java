package com.chainatlas.security;

import org.springframework.http.HttpStatus;

import com.chainatlas.system.ApiProblem;

/**
 * The regions an account may see and edit (leads, projects, ledger, dashboard, list exports). A null code is the
 * whole nation; a province {@code XX0000} covers codes starting {@code XX}, a city {@code XXXX00} those starting
 * {@code XXXX}, a county only itself (GB/T 2260 levels, so no region list is needed).
 */
public record RegionScope(String code) {

    public static final RegionScope NATIONAL = new RegionScope(null);

    public static RegionScope of(String code) {
        return code == null || code.isBlank() ? NATIONAL : new RegionScope(code.strip());
    }

    public boolean national() {
        return code == null;
    }

    /** The code prefix every covered region shares; null for the nation. */
    public String prefix() {
        if (code == null) {
            return null;
        }
        if (code.length() == 6 && code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.length() == 6 && code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    /** Whether data of region {@code regionCode} is inside the scope (a record without a region only nationally). */
    public boolean covers(String regionCode) {
        return code == null || regionCode != null && regionCode.strip().startsWith(prefix());
    }

    /** 403 unless {@link #covers}. */
    public void check(String regionCode) {
        if (!covers(regionCode)) {
            throw denied();
        }
    }

    /**
     * The region a list or export filters by: the requested one when it lies inside the scope; the scope itself when
     * none was asked for or the request is wider (a province account asking for the nation or its own province);
     * 403 when the requested region lies outside.
     */
    public String narrow(String requested) {
        if (requested == null || requested.isBlank()) {
            return code;
        }
        String r = requested.strip();
        if (covers(r)) {
            return r;
        }
        if (RegionScope.of(r).covers(code) || "000000".equals(r)) {
            return code;
        }
        throw denied();
    }

    public static ApiProblem denied() {
        return new ApiProblem(HttpStatus.FORBIDDEN, "无权访问该地区的数据", "No access to this region's data");
    }
}
