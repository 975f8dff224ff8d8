package com.chainatlas.project;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger settings in force: {@code (:LedgerSettings {id: 'ledger', …})} in the database, so every instance uses
 * the same values; a field never set there (or no node at all) is the configured default
 * ({@code chainatlas.ledger.*}). Read with the ledger version in one query ({@link #state()}).
 */
@Component
public class LedgerSettingsStore {

    /** The fields of {@link LedgerSettings}, in order, with their Chinese names and allowed ranges. */
    public record Field(String key, String zh, int min, int max) {
    }

    public static final List<Field> FIELDS = List.of(
            new Field("leadStaleDays", "线索久未跟进天数", 1, 365),
            new Field("startWithinMonths", "签约后开工期限（月）", 1, 60),
            new Field("productionWithinMonths", "开工后投产期限（月）", 1, 120),
            new Field("capacityWithinMonths", "投产后达产期限（月）", 1, 120),
            new Field("updateStaleDays", "台账未更新天数", 1, 365));

    private static final String STATE = """
            OPTIONAL MATCH (v:LedgerVersion {id: 'ledger'})
            OPTIONAL MATCH (s:LedgerSettings {id: 'ledger'})
            RETURN coalesce(v.epoch, 0) AS epoch, s {.leadStaleDays, .startWithinMonths, .productionWithinMonths,
                   .capacityWithinMonths, .updateStaleDays} AS s
            """;

    private final Neo4jClient neo4j;
    private final LedgerSettings defaults;
    private final LedgerVersion version;

    LedgerSettingsStore(Neo4jClient neo4j, LedgerSettings defaults, LedgerVersion version) {
        this.neo4j = neo4j;
        this.defaults = defaults;
        this.version = version;
    }

    /** The configured defaults (what a field never set in the database is). */
    public LedgerSettings defaults() {
        return defaults;
    }

    /** The ledger version and the settings in force, in one read. */
    @Transactional(readOnly = true)
    public LedgerState state() {
        return neo4j.query(STATE).fetchAs(LedgerState.class).mappedBy((t, r) -> {
            Value s = r.get("s");
            Map<String, Integer> stored = new HashMap<>();
            if (!s.isNull()) {
                for (Field f : FIELDS) {
                    Value v = s.get(f.key());
                    if (!v.isNull()) {
                        stored.put(f.key(), v.asInt());
                    }
                }
            }
            return new LedgerState(r.get("epoch").asLong(), merge(defaults, stored));
        }).one().orElseThrow();
    }

    /** The settings in force (annotated itself: calling {@link #state()} from here bypasses the proxy). */
    @Transactional(readOnly = true)
    public LedgerSettings current() {
        return state().settings();
    }

    /**
     * Stores all values of {@code next} (already validated) and advances the ledger version in the same
     * transaction, so cached dashboards, rates and alerts follow at once on every instance.
     */
    @Transactional
    public void save(LedgerSettings next, String by) {
        Map<String, Object> props = new LinkedHashMap<>(asMap(next));
        props.put("changedBy", by);
        neo4j.query("""
                MERGE (s:LedgerSettings {id: 'ledger'})
                SET s += $props, s.changedAt = datetime()
                """).bind(props).to("props").run();
        version.changed();
    }

    public static Map<String, Integer> asMap(LedgerSettings s) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("leadStaleDays", s.leadStaleDays());
        m.put("startWithinMonths", s.startWithinMonths());
        m.put("productionWithinMonths", s.productionWithinMonths());
        m.put("capacityWithinMonths", s.capacityWithinMonths());
        m.put("updateStaleDays", s.updateStaleDays());
        return m;
    }

    /** {@code base} with the given fields replaced. */
    public static LedgerSettings merge(LedgerSettings base, Map<String, Integer> values) {
        Map<String, Integer> m = asMap(base);
        m.putAll(values);
        return new LedgerSettings(m.get("leadStaleDays"), m.get("startWithinMonths"), m.get("productionWithinMonths"),
                m.get("capacityWithinMonths"), m.get("updateStaleDays"));
    }
}
