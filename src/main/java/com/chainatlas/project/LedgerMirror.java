package com.chainatlas.project;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The ledger's counting facts held in memory and brought up to a ledger version by reading only what changed: every
 * ledger write stamps its projects and leads with the epoch it advanced to ({@link LedgerVersion}), so after a
 * write the next dashboard reads a few rows, not the province's 10,000. The whole ledger is read on first use and
 * again every {@link #FULL_RELOAD} (a safety net for rows written behind the ledger's back, e.g. by hand in Cypher).
 *
 * <p>Memory: about 1 KB per project; a national ledger of 100,000 projects is ~100 MB per instance.
 */
@Component
public class LedgerMirror {

    static final Duration FULL_RELOAD = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(LedgerMirror.class);

    private record State(long epoch, long loadedAtNanos, Map<String, ProjectFacts> projects,
                         Map<String, LeadFacts> leads) {
    }

    private final Neo4jLedgerFactsSource source;
    private final LedgerReferences refs;
    private volatile State state;

    LedgerMirror(Neo4jLedgerFactsSource source, LedgerReferences refs) {
        this.source = source;
        this.refs = refs;
    }

    /** Every project in {@code regionCode} or below, as of ledger version {@code epoch} or later. */
    public List<ProjectFacts> projectsUnder(String regionCode, long epoch) {
        String prefix = refs.filterRegion(regionCode).prefix();
        return select(at(epoch).projects().values(), p -> p.regionCode().startsWith(prefix));
    }

    /** Every project outside {@code regionCode} and its sub-regions (a province's peers). */
    public List<ProjectFacts> projectsOutside(String regionCode, long epoch) {
        String prefix = refs.filterRegion(regionCode).prefix();
        return select(at(epoch).projects().values(), p -> !p.regionCode().startsWith(prefix));
    }

    public List<LeadFacts> leadsUnder(String regionCode, long epoch) {
        String prefix = refs.filterRegion(regionCode).prefix();
        return select(at(epoch).leads().values(), l -> l.regionCode().startsWith(prefix));
    }

    private static <T> List<T> select(Iterable<T> all, Predicate<T> keep) {
        List<T> out = new ArrayList<>();
        for (T t : all) {
            if (keep.test(t)) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /** The mirror at {@code epoch} or later; reads the rows changed since the mirror's epoch when behind. */
    private State at(long epoch) {
        State s = state;
        if (s != null && s.epoch() >= epoch && !stale(s)) {
            return s;
        }
        synchronized (this) {
            s = state;
            if (s != null && s.epoch() >= epoch && !stale(s)) {
                return s;
            }
            long t0 = System.nanoTime();
            boolean full = s == null || stale(s);
            Neo4jLedgerFactsSource.Delta d = source.since(full ? null : s.epoch());
            Map<String, ProjectFacts> ps = full ? new LinkedHashMap<>() : new LinkedHashMap<>(s.projects());
            Map<String, LeadFacts> ls = full ? new LinkedHashMap<>() : new LinkedHashMap<>(s.leads());
            d.projects().forEach(p -> ps.put(p.id(), p));
            d.leads().forEach(l -> ls.put(l.id(), l));
            State next = new State(d.epoch(), full ? System.nanoTime() : s.loadedAtNanos(), ps, ls);
            state = next;
            log.debug("Ledger mirror at epoch {} ({}: {} projects, {} leads read in {} ms)", d.epoch(),
                    full ? "full" : "delta", d.projects().size(), d.leads().size(), (System.nanoTime() - t0) / 1_000_000);
            return next;
        }
    }

    private static boolean stale(State s) {
        return System.nanoTime() - s.loadedAtNanos() > FULL_RELOAD.toNanos();
    }
}
