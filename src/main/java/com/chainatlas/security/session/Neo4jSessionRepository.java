package com.chainatlas.security.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.PrincipalNameIndexResolver;

/**
 * Spring Session's store on Neo4j: one {@code (:HttpSession {id, principalName, created, lastAccessed, maxInactive,
 * expiresAt, attrs})} node per browser session (times in epoch milliseconds, {@code maxInactive} in seconds), the
 * attributes Java-serialised into one byte array (Spring Security's context is Serializable), so every app instance
 * serves every browser. Schema: migration V0215 (unique id, indexes on principalName and expiresAt).
 *
 * <p>Cost per request: one read transaction to load the session. A request that changed nothing writes nothing; the
 * last-access time is written only once it moved by {@code touchInterval} (so an idle session may expire up to that
 * much earlier than its timeout says), attributes only when set or removed. Reads run in READ transactions with the
 * browser's bookmarks (the driver adds them, see {@code system/ScopedBookmarks}); a session not found there is looked up once more on the leader (a write-mode
 * session), since it may have been created a moment ago on another instance whose bookmark the browser does not
 * carry. A session ended elsewhere (sign-out, cleanup) is never written back: updates match the existing node only.
 */
public class Neo4jSessionRepository implements FindByIndexNameSessionRepository<StoredSession> {

    private static final Logger log = LoggerFactory.getLogger(Neo4jSessionRepository.class);
    private static final PrincipalNameIndexResolver<StoredSession> PRINCIPAL = new PrincipalNameIndexResolver<>();
    private static final String FIELDS = "s.id AS id, s.created AS created, s.lastAccessed AS lastAccessed, "
            + "s.maxInactive AS maxInactive, s.attrs AS attrs";

    private final Driver driver;
    private final String database;
    private final Duration maxInactive;
    private final Duration touchInterval;
    private final Clock clock;
    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();

    public Neo4jSessionRepository(Driver driver, String database, Duration maxInactive,
                                  Duration touchInterval, Clock clock, ClassLoader classLoader) {
        this.driver = driver;
        this.database = database == null || database.isBlank() ? null : database;
        this.maxInactive = maxInactive;
        this.touchInterval = touchInterval;
        this.clock = clock;
        this.deserializer = new DeserializingConverter(classLoader);
    }

    @Override
    public StoredSession createSession() {
        return StoredSession.created(maxInactive);
    }

    @Override
    public void save(StoredSession session) {
        try {
            store(session);
        } catch (RuntimeException e) {
            if (!com.chainatlas.system.DatabaseOutage.is(e)) {
                throw e;
            }
            // Spring Session saves while the response is being committed: failing there would cut the answer off
            // mid-body. A last-access time or an attribute not stored during an outage is what is lost (the
            // session stays as stored); the outage itself is logged once in a while.
            com.chainatlas.system.DatabaseOutage.problem(e, "session save");
        }
    }

    private void store(StoredSession session) {
        if (session.isNew()) {
            Map<String, Object> p = new HashMap<>(); // principalName may be null: not signed in (yet)
            p.put("id", session.getId());
            p.put("p", principal(session));
            p.put("c", millis(session.getCreationTime()));
            p.put("l", millis(session.getLastAccessedTime()));
            p.put("m", session.getMaxInactiveInterval().toSeconds());
            p.put("e", millis(session.expiresAt()));
            p.put("a", serialize(session));
            write(p, """
                    CREATE (s:HttpSession {id: $id, principalName: $p, created: $c, lastAccessed: $l, maxInactive: $m,
                                           expiresAt: $e, attrs: $a})""");
        } else if (session.idChanged() || session.attributesChanged() || session.maxInactiveChanged()) {
            Map<String, Object> p = new HashMap<>();
            p.put("old", session.storedId());
            p.put("id", session.getId());
            p.put("p", principal(session));
            p.put("l", millis(session.getLastAccessedTime()));
            p.put("m", session.getMaxInactiveInterval().toSeconds());
            p.put("e", millis(session.expiresAt()));
            p.put("a", serialize(session));
            write(p, """
                    MATCH (s:HttpSession {id: $old})
                    SET s.id = $id, s.principalName = $p, s.lastAccessed = $l, s.maxInactive = $m, s.expiresAt = $e,
                        s.attrs = $a""");
        } else if (Duration.between(session.storedLastAccessed(), session.getLastAccessedTime())
                .compareTo(touchInterval) >= 0) {
            write(Map.of("id", session.getId(), "l", millis(session.getLastAccessedTime()),
                    "e", millis(session.expiresAt())), """
                    MATCH (s:HttpSession {id: $id}) WHERE s.lastAccessed < $l
                    SET s.lastAccessed = $l, s.expiresAt = $e""");
        } else {
            return; // nothing changed that is worth a write
        }
        session.markStored();
    }

    /**
     * Session rows loaded during the current request ({@link SessionRequestScope}): Spring Session asks for the
     * requested session again while committing the response, which would be a second read per request — and, if the
     * database went down in between, a failure in the middle of writing the answer.
     */
    private static final ThreadLocal<Map<String, Optional<Record>>> REQUEST = new ThreadLocal<>();

    static void beginRequest() {
        REQUEST.set(new HashMap<>());
    }

    static void endRequest() {
        REQUEST.remove();
    }

    @Override
    public StoredSession findById(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return null;
        }
        Map<String, Optional<Record>> memo = REQUEST.get();
        Optional<Record> row = memo == null ? null : memo.get(id);
        if (row == null) {
            Map<String, Object> p = Map.of("id", id);
            String query = "MATCH (s:HttpSession {id: $id}) RETURN " + FIELDS;
            List<Record> found = rows(AccessMode.READ, p, query);
            if (found.isEmpty()) {
                found = rows(AccessMode.WRITE, p, query); // created a moment ago elsewhere, not yet on this member?
            }
            row = found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            if (memo != null) {
                memo.put(id, row);
            }
        }
        StoredSession s = row.map(this::toSession).orElse(null); // a new object each time: callers change their own
        if (s == null) {
            return null;
        }
        if (s.getLastAccessedTime().plus(s.getMaxInactiveInterval()).isBefore(clock.instant())) {
            deleteById(id);
            return null;
        }
        return s;
    }

    @Override
    public void deleteById(String id) {
        Map<String, Optional<Record>> memo = REQUEST.get();
        if (memo != null) {
            memo.put(id, Optional.empty());
        }
        write(Map.of("id", id), "MATCH (s:HttpSession {id: $id}) DELETE s");
    }

    @Override
    public Map<String, StoredSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        if (!PRINCIPAL_NAME_INDEX_NAME.equals(indexName) || indexValue == null) {
            return Map.of();
        }
        Map<String, StoredSession> result = new LinkedHashMap<>();
        for (StoredSession s : read(AccessMode.READ, Map.of("p", indexValue, "now", millis(clock.instant())),
                "MATCH (s:HttpSession {principalName: $p}) WHERE s.expiresAt > $now RETURN " + FIELDS)) {
            result.put(s.getId(), s);
        }
        return result;
    }

    /** Deletes sessions whose expiry passed, in batches; returns how many. Idempotent: any instance may run it. */
    public long deleteExpired(int batch) {
        long total = 0;
        while (true) {
            long n = writeReturningCount(Map.of("now", millis(clock.instant()), "batch", batch), """
                    MATCH (s:HttpSession) WHERE s.expiresAt < $now
                    WITH s LIMIT $batch DELETE s RETURN count(*) AS n""");
            total += n;
            if (n < batch) {
                return total;
            }
        }
    }

    /** Read transactions run so far (session loads and look-ups by principal), for tests and measurements. */
    public long reads() {
        return reads.get();
    }

    /** Write transactions of sessions run so far (saves and deletes; not the cleanup's). */
    public long writes() {
        return writes.get();
    }

    private List<StoredSession> read(AccessMode mode, Map<String, Object> params, String query) {
        return rows(mode, params, query).stream().map(this::toSession).filter(s -> s != null).toList();
    }

    private List<Record> rows(AccessMode mode, Map<String, Object> params, String query) {
        reads.incrementAndGet();
        List<Record> records;
        // an unmanaged transaction: no driver retries (up to 30 s) while the database is down, the request answers
        // 503 at once (SessionStoreOutageFilter) like every other one; the access mode is the session's
        try (Session session = open(mode); Transaction tx = session.beginTransaction()) {
            records = tx.run(query, params).list();
            tx.commit();
        }
        return records;
    }

    private void write(Map<String, Object> params, String query) {
        writes.incrementAndGet();
        inWrite(tx -> tx.run(query, params).consume());
    }

    private long writeReturningCount(Map<String, Object> params, String query) {
        return inWrite(tx -> tx.run(query, params).single().get("n").asLong());
    }

    private <T> T inWrite(java.util.function.Function<Transaction, T> work) {
        try (Session session = open(AccessMode.WRITE)) {
            T result;
            try (Transaction tx = session.beginTransaction()) { // unmanaged: no retries during an outage
                result = work.apply(tx);
                tx.commit();
            }
            return result;
        }
    }

    private Session open(AccessMode mode) {
        SessionConfig.Builder config = SessionConfig.builder().withDefaultAccessMode(mode);
        if (database != null) {
            config.withDatabase(database);
        }
        return driver.session(config.build());
    }

    private StoredSession toSession(Record r) {
        MapSession s = new MapSession(r.get("id").asString());
        s.setCreationTime(Instant.ofEpochMilli(r.get("created").asLong()));
        s.setLastAccessedTime(Instant.ofEpochMilli(r.get("lastAccessed").asLong()));
        s.setMaxInactiveInterval(Duration.ofSeconds(r.get("maxInactive").asLong()));
        Value attrs = r.get("attrs");
        if (!attrs.isNull()) {
            Map<?, ?> map;
            try {
                map = (Map<?, ?>) deserializer.convert(attrs.asByteArray());
            } catch (RuntimeException e) {
                // e.g. a class changed incompatibly since an older version of the app stored it: the browser signs in again
                log.warn("Session attributes could not be read ({}); the session is treated as ended", e.toString());
                return null;
            }
            map.forEach((k, v) -> s.setAttribute((String) k, v));
        }
        return StoredSession.loaded(s);
    }

    private byte[] serialize(StoredSession session) {
        HashMap<String, Object> map = new HashMap<>();
        for (String name : session.getAttributeNames()) {
            map.put(name, session.getAttribute(name));
        }
        return serializer.convert(map);
    }

    private static String principal(StoredSession session) {
        return PRINCIPAL.resolveIndexValueFor(session);
    }

    private static long millis(Instant t) {
        return t.toEpochMilli();
    }
}
