/**
 * Import and export (导入导出): Excel/CSV files in and out of the graph.
 *
 * <p>Public face: {@link com.chainatlas.ingest.ImportJobs} (queue an import, follow its job),
 * {@link com.chainatlas.ingest.ImportService#recover()} (finish or discard imports a crash interrupted),
 * {@link com.chainatlas.ingest.ExportService}, {@link com.chainatlas.ingest.DataImportedEvent} (published after
 * every import that wrote data), and the HTTP API under {@code /api/import} and {@code /api/export}.
 * Formats, validation, staging and writing are package-private; file reading and writing (.xlsx/.csv,
 * encodings, formula neutralising) live in {@code ingest.table}. Graph writes go through the feature writers
 * (ChainWriter, EnterpriseWriter, InstitutionWriter) and, for projects, {@code ProjectWriter}.
 * See docs/import-formats.md.
 */
package com.chainatlas.ingest;
