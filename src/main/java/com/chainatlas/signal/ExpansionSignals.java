package com.chainatlas.signal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Reads enterprises' expansion events and scores them on today's date by the app's {@link Clock} (Beijing time),
 * with the half-life of the setting {@code chainatlas.targeting.signal-half-life-days} (default 180).
 */
@Component
public class ExpansionSignals {

    /** Events read per enterprise, newest first (older ones have decayed to nothing long before). */
    public static final int PER_ENTERPRISE = 200;

    /** A firm's signal on a day: the 0..1 rating, and the reason in words (null when no event counts). */
    public record Signal(double rating, String text) {
        public static final Signal NONE = new Signal(0, null);
    }

    private final Neo4jClient neo4j;
    private final Clock clock;
    private final RegionCatalog regions;
    private final SignalScoring scoring;

    ExpansionSignals(Neo4jClient neo4j, Clock clock, RegionCatalog regions,
                     @org.springframework.beans.factory.annotation.Value("${chainatlas.targeting.signal-half-life-days:180}") double halfLifeDays) {
        this.neo4j = neo4j;
        this.clock = clock;
        this.regions = regions;
        this.scoring = new SignalScoring(halfLifeDays);
    }

    public SignalScoring scoring() {
        return scoring;
    }

    /** Today in the office zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The signal of these events today. */
    public Signal signal(List<ExpansionEvent> events) {
        if (events == null || events.isEmpty()) {
            return Signal.NONE;
        }
        LocalDate today = today();
        return new Signal(scoring.rating(events, today), scoring.reasonText(events, today, this::placeName));
    }

    /** The short name of a region code ("成都市"), or null. */
    public String placeName(String code) {
        return code == null ? null : regions.find(code).map(Region::name).orElse(null);
    }

    /** Events of each enterprise that has any, newest first. */
    public Map<String, List<ExpansionEvent>> eventsOf(Collection<String> usccs) {
        if (usccs.isEmpty()) {
            return new HashMap<>();
        }
        return newestPerEnterprise("""
                UNWIND $usccs AS u
                MATCH (:Enterprise {uscc: u})-[:HAS_EVENT]->(ev:ExpansionEvent)
                """, Map.of("usccs", List.copyOf(usccs)));
    }

    /**
     * {@link #eventsOf(Collection)} of every member of a chain, walked from the chain's segments (one read per
     * chain snapshot for targeting, rather than an index seek per member).
     */
    public Map<String, List<ExpansionEvent>> eventsOfChain(String chainId) {
        return newestPerEnterprise("""
                MATCH (:Segment {chainId: $chain})<-[:IN_SEGMENT]-(e:Enterprise)
                WITH DISTINCT e
                MATCH (e)-[:HAS_EVENT]->(ev:ExpansionEvent)
                WITH e.uscc AS u, ev
                """, Map.of("chain", chainId));
    }

    /**
     * The newest {@link #PER_ENTERPRISE} events of each enterprise matched by {@code match}, which binds {@code u}
     * (the USCC) and {@code ev}; {@code params} are its parameters (constant Cypher, values always as parameters).
     */
    private Map<String, List<ExpansionEvent>> newestPerEnterprise(String match, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("limit", PER_ENTERPRISE);
        Map<String, List<ExpansionEvent>> byUscc = new HashMap<>();
        neo4j.query(match + """
                WITH u, ev ORDER BY ev.date DESC, ev.id
                WITH u, collect(ev)[..$limit] AS evs
                UNWIND evs AS ev
                RETURN u AS uscc, ev
                """).bindAll(all)
                .fetchAs(ExpansionEvent.class).mappedBy((t, r) -> event(r.get("uscc").asString(), r.get("ev")))
                .all().forEach(e -> byUscc.computeIfAbsent(e.uscc(), k -> new ArrayList<>()).add(e));
        return byUscc;
    }

    /** One enterprise's events, newest first. */
    public List<ExpansionEvent> eventsOf(String uscc) {
        return eventsOf(List.of(uscc)).getOrDefault(uscc, List.of());
    }

    private static ExpansionEvent event(String uscc, Value ev) {
        Value date = ev.get("date");
        return new ExpansionEvent(ev.get("id").asString(), uscc, EventKind.valueOf(ev.get("kind").asString()),
                date.asObject() instanceof LocalDate d ? d : LocalDate.parse(date.asString()),
                ev.get("amount").isNull() ? null : ev.get("amount").asDouble(), ev.get("place").asString(null),
                ev.get("title").asString(null), ev.get("source").asString(null), ev.get("sample").asBoolean(false));
    }
}
