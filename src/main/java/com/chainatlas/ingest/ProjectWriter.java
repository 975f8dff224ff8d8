package com.chainatlas.ingest;

import java.util.List;
import java.util.Map;

/**
 * Writes rows of the 项目台账 format ({@code projects}). Implemented by the project feature (the ledger owns the
 * Project node, its stage rules and its history); the import only validates and hands over the rows.
 */
public interface ProjectWriter {

    /**
     * Rows keyed as the format's columns (see {@code ImportFormats.PROJECTS}): text, Double for figures (null when
     * empty), Boolean, ISO date strings, stage and status as enum names, segmentIds as a list, enterprise as a USCC.
     * Runs inside the import's transaction.
     */
    void mergeProjects(List<Map<String, Object>> rows);
}
