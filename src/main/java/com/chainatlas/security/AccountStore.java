package com.chainatlas.security;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@code (:Account)} nodes; the username is unique (migration V0163). */
@Component
class AccountStore {

    private static final String FIELDS = """
            a.username AS username, a.passwordHash AS passwordHash, a.role AS role, a.regionCode AS regionCode,
            a.enabled AS enabled, a.createdAt AS createdAt, a.lastSignInAt AS lastSignInAt,
            coalesce(a.failedSignIns, 0) AS failedSignIns, a.lockedUntil AS lockedUntil,
            coalesce(a.authVersion, 0) AS authVersion
            """;

    /** What a signed-in session is checked against: the account's version and whether it may sign in. */
    record AuthState(long version, boolean enabled) {
    }

    private final Neo4jClient neo4j;

    AccountStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return neo4j.query("MATCH (a:Account {username: $u}) RETURN " + FIELDS).bind(username).to("u")
                .fetchAs(Account.class).mappedBy((t, r) -> map(r)).one();
    }

    /** The account's version and enabled flag; empty when the account is gone. */
    @Transactional(readOnly = true)
    public Optional<AuthState> authState(String username) {
        return neo4j.query("""
                MATCH (a:Account {username: $u})
                RETURN coalesce(a.authVersion, 0) AS version, coalesce(a.enabled, true) AS enabled
                """).bind(username).to("u").fetchAs(AuthState.class)
                .mappedBy((t, r) -> new AuthState(r.get("version").asLong(), r.get("enabled").asBoolean())).one();
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return List.copyOf(neo4j.query("MATCH (a:Account) RETURN " + FIELDS + " ORDER BY a.createdAt, a.username")
                .fetchAs(Account.class).mappedBy((t, r) -> map(r)).all());
    }

    @Transactional(readOnly = true)
    public long count() {
        return neo4j.query("MATCH (a:Account) RETURN count(a) AS n").fetchAs(Long.class).one().orElse(0L);
    }

    @Transactional(readOnly = true)
    public long enabledAdmins() {
        return neo4j.query("MATCH (a:Account {role: 'ADMIN', enabled: true}) RETURN count(a) AS n")
                .fetchAs(Long.class).one().orElse(0L);
    }

    /** Creates the account; false when the username exists (the unique constraint decides under races). */
    @Transactional
    public boolean create(Account a) {
        Map<String, Object> p = new HashMap<>();
        p.put("u", a.username());
        p.put("hash", a.passwordHash());
        p.put("role", a.role().name());
        p.put("region", a.regionCode());
        p.put("enabled", a.enabled());
        p.put("at", utc(a.createdAt()));
        Collection<Map<String, Object>> created = neo4j.query("""
                OPTIONAL MATCH (old:Account {username: $u})
                WITH old WHERE old IS NULL
                CREATE (a:Account {username: $u, passwordHash: $hash, role: $role, regionCode: $region, enabled: $enabled,
                                   createdAt: $at, failedSignIns: 0, authVersion: 0})
                RETURN a.username AS username
                """).bindAll(p).fetch().all();
        return !created.isEmpty();
    }

    /** Sets role, region and enabled; the account's version advances (its open sessions end). */
    @Transactional
    public void update(String username, Role role, String regionCode, boolean enabled) {
        Map<String, Object> p = new HashMap<>();
        p.put("u", username);
        p.put("role", role.name());
        p.put("region", regionCode);
        p.put("enabled", enabled);
        neo4j.query("""
                MATCH (a:Account {username: $u})
                SET a.role = $role, a.regionCode = $region, a.enabled = $enabled,
                    a.authVersion = coalesce(a.authVersion, 0) + 1
                """).bindAll(p).run();
    }

    /** New password hash; also lifts a lockout and advances the version. Returns the new version (-1: no account). */
    @Transactional
    public long setPassword(String username, String hash) {
        return neo4j.query("""
                MATCH (a:Account {username: $u})
                SET a.passwordHash = $hash, a.failedSignIns = 0, a.lockedUntil = null,
                    a.authVersion = coalesce(a.authVersion, 0) + 1
                RETURN a.authVersion AS version
                """).bindAll(Map.of("u", username, "hash", hash)).fetchAs(Long.class).one().orElse(-1L);
    }

    /** Counts a failed sign-in; at {@code max} failures the account is locked until {@code until} and the count restarts. */
    @Transactional
    public void recordFailure(String username, int max, Instant until) {
        neo4j.query("""
                MATCH (a:Account {username: $u})
                WITH a, coalesce(a.failedSignIns, 0) + 1 AS n
                SET a.failedSignIns = CASE WHEN n >= $max THEN 0 ELSE n END,
                    a.lockedUntil = CASE WHEN n >= $max THEN $until ELSE a.lockedUntil END
                """).bindAll(Map.of("u", username, "max", max, "until", utc(until))).run();
    }

    /** A successful sign-in: the failure count restarts; {@code at} (when not null) becomes lastSignInAt. */
    @Transactional
    public void recordSuccess(String username, Instant at) {
        Map<String, Object> p = new HashMap<>();
        p.put("u", username);
        p.put("at", at == null ? null : utc(at));
        neo4j.query("""
                MATCH (a:Account {username: $u})
                SET a.failedSignIns = 0, a.lockedUntil = null, a.lastSignInAt = coalesce($at, a.lastSignInAt)
                """).bindAll(p).run();
    }

    private static ZonedDateTime utc(Instant i) {
        return i == null ? null : i.atZone(ZoneOffset.UTC);
    }

    private static Account map(org.neo4j.driver.Record r) {
        return new Account(r.get("username").asString(), r.get("passwordHash").asString(null),
                Role.valueOf(r.get("role").asString()), r.get("regionCode").asString(null),
                r.get("enabled").asBoolean(true), instant(r.get("createdAt")), instant(r.get("lastSignInAt")),
                r.get("failedSignIns").asInt(), instant(r.get("lockedUntil")), r.get("authVersion").asLong());
    }

    private static Instant instant(Value v) {
        return v == null || v.isNull() ? null : v.asZonedDateTime().toInstant();
    }
}
