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

    /** A library's message without the Java class names it may carry ("java.util.zip.ZipException: …"). */
    public static String withoutClassNames(String message) {
        if (message == null) {
            return "";
        }
        return message.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*)?", "").strip();
    }
}
