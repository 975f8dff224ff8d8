package com.chainatlas.ingest.table;

/**
 * Size caps applied while a table file is streamed, so that a crafted file (one huge cell that compresses
 * well) cannot exhaust the heap: a cell longer than {@code maxCellChars} is cut there and its row reported;
 * a row longer than {@code maxRowChars} rejects the file.
 */
public record TableLimits(int maxCellChars, int maxRowChars) {

    /** Excel's own limit on one cell; a row of a million characters is far beyond any real import file. */
    public static final TableLimits DEFAULT = new TableLimits(32_767, 1_000_000);

    public TableLimits {
        if (maxCellChars < 1 || maxRowChars < maxCellChars) {
            throw new IllegalArgumentException("need 1 <= maxCellChars <= maxRowChars");
        }
    }

    /** The row problem of a cut cell (column letter as Excel shows it). */
    String cellTooLong(String column) {
        return "第 " + column + " 列单元格超过 " + maxCellChars + " 个字符 (已截断)，请缩短";
    }

    /** The file is refused: one cell exceeds the cell cap (a reader that cannot cut it while streaming). */
    TableFileException cellTooLong(int row, String column) {
        return new TableFileException("第 " + row + " 行 " + column + " 列的单元格超过 " + maxCellChars
                + " 个字符，文件已拒绝；请检查该单元格 (引号是否配对，是否误粘贴了大段内容)",
                "The cell at row " + row + ", column " + column + " exceeds " + maxCellChars + " characters; file rejected");
    }

    /** The file is refused: one row exceeds the row cap. */
    TableFileException rowTooLong(int row, String column) {
        return new TableFileException("第 " + row + " 行 (读到第 " + column + " 列时) 超过 " + maxRowChars
                + " 个字符，文件过大，已拒绝；请检查该行是否误粘贴了大段内容",
                "Row " + row + " (at column " + column + ") exceeds " + maxRowChars + " characters; file rejected");
    }
}
