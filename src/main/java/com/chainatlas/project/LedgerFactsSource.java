package com.chainatlas.project;

import java.util.List;

/** Reads the ledger for counting. Implemented over Neo4j by the ledger; tests of the arithmetic may use a list. */
public interface LedgerFactsSource {

    /** Every project counted in {@code regionCode} or any region below it (a city sees its counties). */
    List<ProjectFacts> projectsUnder(String regionCode);

    /**
     * Every project outside {@code regionCode} and its sub-regions, in one read: a province's peers are every other
     * province, and one pass over the ledger costs less than one round trip per province.
     */
    List<ProjectFacts> projectsOutside(String regionCode);

    /** Every lead in {@code regionCode} or any region below it. */
    List<LeadFacts> leadsUnder(String regionCode);
}
