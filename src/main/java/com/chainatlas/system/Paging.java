package com.chainatlas.system;

/** Validated paging parameters shared by list endpoints. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 500;

    public Paging {
        if (page < 0) {
            throw ApiProblem.badRequest("页码不能为负数", "page must be >= 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.badRequest("每页条数须在 1 到 " + MAX_SIZE + " 之间", "size must be between 1 and " + MAX_SIZE);
        }
    }

    public long skip() {
        return (long) page * size;
    }
}
