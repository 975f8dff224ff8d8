package com.chainatlas.ingest;

/**
 * One reason a file or row was rejected.
 *
 * @param row    row number as Excel/WPS shows it (0 for the file as a whole)
 * @param column column letter (A, B, …), or "" when about the whole row or file
 * @param header the column's header as written in the file, or ""
 * @param value  the cell value (clipped to 100 characters), or ""
 * @param reason why, in Chinese
 */
public record Problem(int row, String column, String header, String value, String reason) {
}
