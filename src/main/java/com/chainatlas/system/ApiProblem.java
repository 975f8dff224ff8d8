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

    public ApiProblem(HttpStatus status, String detailZh, String detailEn) {
        super(detailEn);
        this.status = status;
        this.detailZh = detailZh;
        this.detailEn = detailEn;
    }

    public static ApiProblem notFound(String whatZh, String whatEn, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "未找到" + whatZh + ": " + id, whatEn + " not found: " + id);
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
}
