package com.chainatlas.system;

import org.springframework.http.HttpStatus;

/**
 * An error the user can act on, returned as an RFC 9457 problem detail with a Chinese {@code detail}
 * and its English form in {@code detailEn}.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String detailZh;
    private final String detailEn;
    private final long retryAfterSeconds;

    public ApiProblem(HttpStatus status, String detailZh, String detailEn) {
        super(detailEn);
        this.status = status;
        this.detailZh = detailZh;
        this.detailEn = detailEn;
        this.retryAfterSeconds = 0;
    }

    private ApiProblem(String detailZh, String detailEn, long retryAfterSeconds) {
        this(HttpStatus.TOO_MANY_REQUESTS, retryAfterSeconds, detailZh, detailEn);
    }

    /** A problem with a Retry-After header (429, 503). */
    public ApiProblem(HttpStatus status, long retryAfterSeconds, String detailZh, String detailEn) {
        super(detailEn);
        this.status = status;
        this.detailZh = detailZh;
        this.detailEn = detailEn;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429 with a Retry-After header. */
    public static ApiProblem tooBusy(String detailZh, String detailEn, long retryAfterSeconds) {
        return new ApiProblem(detailZh, detailEn, retryAfterSeconds);
    }

    public static ApiProblem notFound(String whatZh, String whatEn, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "未找到" + whatZh + ": " + id, whatEn + " not found: " + id);
    }

    /** An unknown region code: 400 when it is no 6-digit code at all, 404 when no division has it. */
    public static ApiProblem unknownRegion(String code) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return badRequest("行政区划代码须为 6 位数字: " + Limits.text("行政区划代码", "region", code, Limits.ID),
                    "Region code must be 6 digits: " + code);
        }
        return notFound("行政区划", "Region", code.strip());
    }

    public static ApiProblem badRequest(String detailZh, String detailEn) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, detailZh, detailEn);
    }

    public HttpStatus status() {
        return status;
    }

    public String detailZh() {
        return detailZh;
    }

    public String detailEn() {
        return detailEn;
    }

    /** Seconds for Retry-After; 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
