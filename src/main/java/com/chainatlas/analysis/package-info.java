/**
 * Chain diagnosis (产业链诊断: 延链 补链 强链): for one chain and one region, per-segment figures, verdicts
 * (空白 / 薄弱 / 一般 / 优势) and flags (延链 / 关键 / 卡脖子) with the rules that fired, chain figures
 * (完整度, 本地配套率, 链主), peer comparison and national rankings.
 *
 * <p>Speed by design: {@link com.chainatlas.analysis.SnapshotRegistry} keeps one immutable in-memory
 * {@link com.chainatlas.analysis.ChainSnapshot} per chain (primitive arrays read from Neo4j as plain
 * records), with national figures precomputed once; a request scans only the region's slice of memory.
 * Importers call {@link com.chainatlas.analysis.SnapshotRegistry#refresh(String)} after writing a chain.
 */
package com.chainatlas.analysis;
