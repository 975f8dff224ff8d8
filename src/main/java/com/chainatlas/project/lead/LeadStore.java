package com.chainatlas.project.lead;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.chainatlas.project.LedgerReferences;
import com.chainatlas.project.LedgerVersion;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.ClockConfiguration;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads as {@code (:Lead)} nodes and their contact log as {@code (:Lead)-[:HAS_CONTACT]->(:LeadContact)}.
 * {@code createdOn} and {@code lastContactOn} are office (Beijing) dates, so "stale" is one indexed comparison.
 */
@Component
class LeadStore {

    /** What a lead list shows; every field optional. */
    record Filter(String regionPrefix, String chainId, String segmentId, LeadStatus status, String responsible,
                  boolean stale, String q) {
    }

    private static final String WHERE = """
            WHERE ($prefix IS NULL OR l.regionCode STARTS WITH $prefix)
              AND ($chain IS NULL OR l.chainId = $chain)
              AND ($segment IS NULL OR l.segmentId = $segment)
              AND ($status IS NULL OR l.status = $status)
              AND ($responsible IS NULL OR l.responsible = $responsible)
              AND ($q IS NULL OR toLower(l.enterpriseName) CONTAINS $q)
              AND (NOT $stale OR (l.status IN ['NEW', 'FOLLOWING'] AND coalesce(l.lastContactOn, l.createdOn) <= $staleOn))
            """;
    private static final String RETURN = """
            OPTIONAL MATCH (s:Segment {id: l.segmentId})
            RETURN l, s.name AS segmentName
            """;

    private final Neo4jClient neo4j;
    private final LedgerReferences refs;
    private final LedgerVersion version;

    LeadStore(Neo4jClient neo4j, LedgerReferences refs, LedgerVersion version) {
        this.neo4j = neo4j;
        this.refs = refs;
        this.version = version;
    }

    void save(Map<String, Object> props) {
        Map<String, Object> p = new HashMap<>(props);
        p.replaceAll((k, v) -> v instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : v);
        neo4j.query("""
                MERGE (l:Lead {id: $id})
                SET l += $props
                WITH l
                OPTIONAL MATCH (l)-[old:TARGETS]->()
                DELETE old
                WITH DISTINCT l
                OPTIONAL MATCH (e:Enterprise {uscc: $uscc})
                FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END | MERGE (l)-[:TARGETS]->(e))
                """).bindAll(params("id", p.get("id"), "props", p, "uscc", p.get("enterpriseUscc"))).run();
        version.leadChanged((String) p.get("id"));
    }

    @Transactional(readOnly = true)
    Optional<Lead> find(String id, LocalDate today, int staleDays) {
        return neo4j.query("MATCH (l:Lead {id: $id})\n" + RETURN).bind(id).to("id").fetchAs(Lead.class)
                .mappedBy((t, r) -> map(r.get("l"), r.get("segmentName"), today, staleDays)).one();
    }

    @Transactional(readOnly = true)
    Lead get(String id, LocalDate today, int staleDays) {
        return find(id, today, staleDays).orElseThrow(() -> ApiProblem.notFound("线索", "Lead", id));
    }

    /** The open lead for the same enterprise, attracting region and chain, if any. */
    @Transactional(readOnly = true)
    Optional<String> openDuplicate(String uscc, String regionCode, String chainId) {
        return neo4j.query("""
                MATCH (l:Lead {enterpriseUscc: $uscc, regionCode: $region})
                WHERE l.chainId = $chain AND l.status IN ['NEW', 'FOLLOWING']
                RETURN l.id AS id ORDER BY l.createdAt LIMIT 1
                """).bindAll(params("uscc", uscc, "region", regionCode, "chain", chainId)).fetchAs(String.class).one();
    }

    @Transactional(readOnly = true)
    long count(Filter f, LocalDate today, int staleDays) {
        return neo4j.query("MATCH (l:Lead)\n" + WHERE + "RETURN count(l) AS n").bindAll(params(f, today, staleDays))
                .fetchAs(Long.class).one().orElse(0L);
    }

    @Transactional(readOnly = true)
    List<Lead> page(Filter f, LocalDate today, int staleDays, long skip, int limit) {
        Map<String, Object> p = params(f, today, staleDays);
        p.put("skip", skip);
        p.put("limit", limit);
        return List.copyOf(neo4j.query("MATCH (l:Lead)\n" + WHERE
                        + "WITH l ORDER BY l.updatedAt DESC, l.id SKIP $skip LIMIT $limit\n" + RETURN + " ORDER BY l.updatedAt DESC, l.id")
                .bindAll(p).fetchAs(Lead.class).mappedBy((t, r) -> map(r.get("l"), r.get("segmentName"), today, staleDays)).all());
    }

    void addContact(Map<String, Object> c) {
        Map<String, Object> p = new HashMap<>(c);
        p.replaceAll((k, v) -> v instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : v);
        neo4j.query("""
                MATCH (l:Lead {id: $lead})
                CREATE (l)-[:HAS_CONTACT]->(c:LeadContact)
                SET c = $props
                """).bindAll(params("lead", c.get("leadId"), "props", p)).run();
        version.leadChanged((String) c.get("leadId"));
    }

    @Transactional(readOnly = true)
    List<Contact> contacts(String leadId) {
        return List.copyOf(neo4j.query("""
                MATCH (c:LeadContact {leadId: $lead}) RETURN c ORDER BY c.date DESC, c.recordedAt DESC
                """).bind(leadId).to("lead").fetchAs(Contact.class).mappedBy((t, r) -> {
            Value c = r.get("c");
            ContactKind kind = ContactKind.valueOf(c.get("kind").asString());
            return new Contact(c.get("id").asString(), leadId, c.get("date").asLocalDate(), kind, kind.zh(),
                    c.get("who").asString(null), c.get("summary").asString(null), c.get("nextStep").asString(null),
                    c.get("nextStepDate").isNull() ? null : c.get("nextStepDate").asLocalDate(),
                    c.get("recordedAt").asOffsetDateTime().toInstant(), c.get("recordedBy").asString(null));
        }).all());
    }

    /** The latest contact date of a lead (the log may be filled in out of order). */
    @Transactional(readOnly = true)
    Optional<LocalDate> lastContactDate(String leadId) {
        return neo4j.query("MATCH (c:LeadContact {leadId: $lead}) RETURN max(c.date) AS d").bind(leadId).to("lead")
                .fetchAs(LocalDate.class).mappedBy((t, r) -> r.get("d").isNull() ? null : r.get("d").asLocalDate()).one();
    }

    Lead map(Value l, Value segmentName, LocalDate today, int staleDays) {
        LeadSource source = LeadSource.valueOf(l.get("source").asString());
        LeadStatus status = LeadStatus.valueOf(l.get("status").asString());
        LocalDate lastContact = l.get("lastContactOn").isNull() ? null : l.get("lastContactOn").asLocalDate();
        LocalDate createdOn = l.get("createdOn").asLocalDate();
        Long days = lastContact == null ? null : ChronoUnit.DAYS.between(lastContact, today);
        boolean stale = status.open() && !(lastContact == null ? createdOn : lastContact).isAfter(today.minusDays(staleDays));
        String region = l.get("regionCode").asString();
        return new Lead(l.get("id").asString(), l.get("enterpriseName").asString(), l.get("enterpriseUscc").asString(null),
                l.get("enterpriseRegionCode").asString(null), region, refs.regionName(region), l.get("chainId").asString(null),
                l.get("segmentId").asString(null), segmentName == null || segmentName.isNull() ? null : segmentName.asString(),
                source, source.zh(), status, status.zh(), l.get("statusReason").asString(null),
                l.get("responsible").asString(null), l.get("department").asString(null), l.get("nextAction").asString(null),
                l.get("nextActionDate").isNull() ? null : l.get("nextActionDate").asLocalDate(), l.get("note").asString(null),
                l.get("targetListId").asString(null), l.get("createdAt").asOffsetDateTime().toInstant(),
                l.get("updatedAt").asOffsetDateTime().toInstant(),
                lastContact == null ? null : lastContact.atStartOfDay(ClockConfiguration.OFFICE_ZONE).toInstant(), lastContact,
                days, stale, l.get("projectId").asString(null));
    }

    private static Map<String, Object> params(Filter f, LocalDate today, int staleDays) {
        Map<String, Object> m = new HashMap<>();
        m.put("prefix", f.regionPrefix());
        m.put("chain", f.chainId());
        m.put("segment", f.segmentId());
        m.put("status", f.status() == null ? null : f.status().name());
        m.put("responsible", f.responsible());
        m.put("q", f.q() == null ? null : f.q().toLowerCase(Locale.ROOT));
        m.put("stale", f.stale());
        m.put("staleOn", today.minusDays(staleDays));
        return m;
    }

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
