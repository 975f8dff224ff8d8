package com.chainatlas.targeting;

import java.util.List;
import java.util.Map;

import com.chainatlas.analysis.ChainSnapshot;
import com.chainatlas.signal.ExpansionEvent;
import com.chainatlas.targeting.TargetCandidates.Candidate;

/**
 * What ranking needs of every member of one chain snapshot beyond the snapshot's own arrays (USCC, name, region,
 * revenue, memberships): employees, tags, patents, institution cooperations, expansion events, and the chain's
 * supply-tie model. Made once per snapshot version ({@link ChainFactsCache}, in the background after the build), so
 * a ranking reads memory instead of a query over every candidate of the chain. Indexed like the snapshot.
 */
final class ChainFacts {

    /** An unknown figure in {@link #employees} and {@link #patents}. */
    static final int UNKNOWN = Integer.MIN_VALUE;

    private final ChainSnapshot snapshot;
    private final SupplyTieModel model;
    private final int[] employees;
    private final int[] patents;
    private final int[] cooperations;
    private final List<String>[] tags;
    private final Map<String, List<ExpansionEvent>> events;
    /** Where the time went, for logs and the benchmark. */
    final String profile;

    ChainFacts(ChainSnapshot snapshot, SupplyTieModel model, int[] employees, int[] patents, int[] cooperations,
               List<String>[] tags, Map<String, List<ExpansionEvent>> events, String profile) {
        this.snapshot = snapshot;
        this.model = model;
        this.employees = employees;
        this.patents = patents;
        this.cooperations = cooperations;
        this.tags = tags;
        this.events = events;
        this.profile = profile;
    }

    ChainSnapshot snapshot() {
        return snapshot;
    }

    SupplyTieModel model() {
        return model;
    }

    /** The member's expansion events, newest first, or null when it has none. */
    List<ExpansionEvent> events(String uscc) {
        return events.get(uscc);
    }

    /** Member {@code e} as a candidate in segment {@code segmentId}. */
    Candidate candidate(int e, String segmentId) {
        double revenue = snapshot.revenueOf(e);
        return new Candidate(snapshot.usccOf(e), snapshot.nameOf(e), regionCode(snapshot.regionCodeOf(e)),
                Double.isNaN(revenue) ? null : revenue, employees[e] == UNKNOWN ? null : employees[e],
                tags[e] == null ? List.of() : tags[e], patents[e] == UNKNOWN ? null : patents[e], cooperations[e], segmentId);
    }

    /** The 6-digit code as the database holds it (the snapshot keeps it as an int). */
    static String regionCode(int code) {
        String s = Integer.toString(code);
        return s.length() >= 6 ? s : "0".repeat(6 - s.length()) + s;
    }
}
