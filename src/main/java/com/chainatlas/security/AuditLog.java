package com.chainatlas.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;

import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.chainatlas.system.PageResult;
import com.chainatlas.system.Paging;

/**
 * The audit log: {@code (:AuditEntry {at, user, action, target, detail, outcome, ip})}. Writing never fails the
 * audited request: a database error is logged and the entry is lost (the request itself failed or succeeded already).
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    /** Longest stored target or detail; longer texts are cut (a 5 MB list name must not become a 5 MB entry). */
    static final int TEXT = 500;
    /** Most rows of one .xlsx export. */
    static final int EXPORT_ROWS = 100_000;

    private final Neo4jClient neo4j;
    private final Clock clock;

    AuditLog(Neo4jClient neo4j, Clock clock) {
        this.neo4j = neo4j;
        this.clock = clock;
    }

    /** Records an action of the signed-in account of the current request. */
    public void record(AuditAction action, String target, String detail, AuditOutcome outcome) {
        record(CurrentAccount.username(), action, target, detail, outcome, currentIp());
    }

    public void record(String user, AuditAction action, String target, String detail, AuditOutcome outcome, String ip) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", UUID.randomUUID().toString());
        p.put("at", clock.instant().atZone(ZoneOffset.UTC));
        p.put("user", cut(user == null ? CurrentAccount.SYSTEM : user));
        p.put("action", action.name());
        p.put("target", cut(target));
        p.put("detail", cut(detail));
        p.put("outcome", outcome.name());
        p.put("ip", cut(ip));
        try {
            neo4j.query("""
                    CREATE (:AuditEntry {id: $id, at: $at, user: $user, action: $action, target: $target, detail: $detail,
                                         outcome: $outcome, ip: $ip})
                    """).bindAll(p).run();
        } catch (RuntimeException e) {
            log.warn("Audit entry {} {} of {} not written: {}", action, outcome, user, e.toString());
        }
    }

    @Transactional(readOnly = true)
    public PageResult<AuditEntry> page(AuditFilter filter, Paging paging) {
        Map<String, Object> p = filter.params();
        long total = neo4j.query("MATCH (e:AuditEntry) " + AuditFilter.WHERE + " RETURN count(e) AS n").bindAll(p)
                .fetchAs(Long.class).one().orElse(0L);
        p.put("skip", paging.skip());
        p.put("limit", paging.size());
        List<AuditEntry> items = List.copyOf(neo4j.query("MATCH (e:AuditEntry) " + AuditFilter.WHERE + """
                RETURN e ORDER BY e.at DESC SKIP $skip LIMIT $limit
                """).bindAll(p).fetchAs(AuditEntry.class).mappedBy((t, r) -> map(r.get("e"))).all());
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** Every matching entry, newest first, up to {@link #EXPORT_ROWS}. */
    @Transactional(readOnly = true)
    public void forEach(AuditFilter filter, Consumer<AuditEntry> sink) {
        Map<String, Object> p = filter.params();
        p.put("limit", EXPORT_ROWS);
        neo4j.query("MATCH (e:AuditEntry) " + AuditFilter.WHERE + " RETURN e ORDER BY e.at DESC LIMIT $limit")
                .bindAll(p).fetchAs(AuditEntry.class).mappedBy((t, r) -> map(r.get("e"))).all().forEach(sink);
    }

    static String currentIp() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getRemoteAddr() : null;
    }

    static String ip(HttpServletRequest request) {
        return request == null ? null : request.getRemoteAddr();
    }

    private static String cut(String s) {
        if (s == null) {
            return null;
        }
        String clean = s.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > TEXT ? clean.substring(0, TEXT) + "…" : clean;
    }

    private static AuditEntry map(Value e) {
        Instant at = e.get("at").isNull() ? null : e.get("at").asZonedDateTime().toInstant();
        return new AuditEntry(at, e.get("user").asString(null), e.get("action").asString(null),
                e.get("target").asString(null), e.get("detail").asString(null), e.get("outcome").asString(null),
                e.get("ip").asString(null));
    }
}
