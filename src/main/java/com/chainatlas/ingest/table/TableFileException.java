package com.chainatlas.ingest.table;

/** A whole file cannot be read (empty, wrong kind, unknown encoding, zip bomb …); Chinese and English text. */
public class TableFileException extends RuntimeException {

    private final String detailZh;

    public TableFileException(String detailZh, String detailEn) {
        super(detailEn);
        this.detailZh = detailZh;
    }

    public TableFileException(String detailZh, String detailEn, Throwable cause) {
        super(detailEn, cause);
        this.detailZh = detailZh;
    }

    public String detailZh() {
        return detailZh;
    }

    public String detailEn() {
        return getMessage();
    }
}
