package com.chainatlas.analysis;

import java.util.Map;
import java.util.function.Supplier;

import com.chainatlas.chain.Stage;
import com.chainatlas.system.ApiProblem;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Reads one chain from Neo4j as plain records (no entity mapping: millions of rows) in a single read
 * transaction, so the snapshot is consistent, and hands them to a {@link SnapshotBuilder}.
 */
public final class SnapshotLoader implements SnapshotRegistry.Source {

    private static final String CHAIN = "MATCH (c:Chain {id: $chain}) RETURN c.name AS name";
    private static final String SEGMENTS = """
            MATCH (s:Segment {chainId: $chain})
            RETURN s.id AS id, s.name AS name, s.stage AS stage, coalesce(s.key, false) AS key,
                   coalesce(s.valueAdded, 1) AS valueAdded, s.parentId AS parentId
            """;
    private static final String FLOWS = """
            MATCH (a:Segment {chainId: $chain})-[f:FEEDS]->(b:Segment {chainId: $chain})
            RETURN a.id AS from, b.id AS to, coalesce(f.recycling, false) AS recycling
            """;
    private static final String PRODUCTS = """
            MATCH (p:Product {chainId: $chain})
            RETURN p.id AS id, p.segmentId AS segment
            """;
    private static final String MEMBERSHIPS = """
            MATCH (s:Segment {chainId: $chain})<-[:IN_SEGMENT]-(e:Enterprise)
            RETURN e.uscc AS uscc, e.name AS name, e.regionCode AS region, e.zone AS zone, e.revenue AS revenue,
                   e.founded AS founded, e.listed AS listed, s.id AS segment
            """;
    private static final String SUPPLIES = """
            MATCH (:Segment {chainId: $chain})<-[:IN_SEGMENT]-(a:Enterprise)
            WITH DISTINCT a
            MATCH (a)-[r:SUPPLIES]->(b:Enterprise)
            RETURN a.uscc AS supplier, b.uscc AS customer, r.productId AS product, r.amount AS amount
            """;
    /**
     * The touched enterprises in the chain now, one row per membership (as {@link #MEMBERSHIPS}). The index hints
     * keep the planner from starting at the chain's segments (a scan of all members, as slow as a full read).
     */
    static final String DELTA_MEMBERSHIPS = """
            UNWIND $keys AS key
            MATCH (e:Enterprise {uscc: key})-[:IN_SEGMENT]->(s:Segment)
            USING INDEX e:Enterprise(uscc)
            WHERE s.chainId = $chain
            RETURN e.uscc AS uscc, e.name AS name, e.regionCode AS region, e.zone AS zone, e.revenue AS revenue,
                   e.founded AS founded, e.listed AS listed, s.id AS segment
            """;
    /** Supply relations out of touched enterprises, and into them (the caller skips those from touched suppliers). */
    static final String DELTA_SUPPLIES_OUT = """
            UNWIND $keys AS key
            MATCH (a:Enterprise {uscc: key})-[r:SUPPLIES]->(b:Enterprise)
            USING INDEX a:Enterprise(uscc)
            RETURN a.uscc AS supplier, a.regionCode AS supplierRegion, b.uscc AS customer, b.regionCode AS customerRegion,
                   r.productId AS product, r.amount AS amount
            """;
    static final String DELTA_SUPPLIES_IN = """
            UNWIND $keys AS key
            MATCH (a:Enterprise)-[r:SUPPLIES]->(b:Enterprise {uscc: key})
            USING INDEX b:Enterprise(uscc)
            RETURN a.uscc AS supplier, a.regionCode AS supplierRegion, b.uscc AS customer, b.regionCode AS customerRegion,
                   r.productId AS product, r.amount AS amount
            """;
    private static final String CHAINS = "MATCH (c:Chain) RETURN c.id AS id ORDER BY id";
    private static final String CHAIN_OF_SEGMENT = "MATCH (s:Segment {id: $id}) RETURN s.chainId AS chain";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SnapshotLoader.class);

    private final Supplier<Session> sessions;
    /** Runs the parts of a large delta read; in the application the bounded {@code snapshotDeltaReadExecutor}. */
    private final java.util.concurrent.Executor readers;

    /**
     * Reads a large delta's parts one after the other in the calling thread (tests, tools).
     *
     * @param database the Neo4j database name, or null for the server's default
     */
    public SnapshotLoader(Driver driver, String database) {
        this(driver, database, Runnable::run);
    }

    /** @param readers runs a large delta's parts in parallel (see {@link #loadDelta}) */
    public SnapshotLoader(Driver driver, String database, java.util.concurrent.Executor readers) {
        this(() -> {
            SessionConfig.Builder config = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
            if (database != null && !database.isBlank()) {
                config.withDatabase(database);
            }
            return driver.session(config.build());
        }, readers);
    }

    /**
     * Reads a large delta's parts one after the other in the calling thread.
     *
     * @param sessions read sessions, e.g. {@link com.chainatlas.system.ReadSessions} (with the latest bookmarks)
     */
    public SnapshotLoader(Supplier<Session> sessions) {
        this(sessions, Runnable::run);
    }

    /**
     * @param sessions read sessions, e.g. {@link com.chainatlas.system.ReadSessions} (with the latest bookmarks)
     * @param readers  runs a large delta's parts; {@code Runnable::run} reads them one after the other
     */
    public SnapshotLoader(Supplier<Session> sessions, java.util.concurrent.Executor readers) {
        this.sessions = sessions;
        this.readers = readers;
    }

    /** Reads chain {@code chainId} and builds its snapshot with the given version; 404 problem when unknown. */
    @Override
    public ChainSnapshot load(String chainId, long version) {
        long started = System.nanoTime();
        try (Session session = session()) {
            SnapshotBuilder builder = session.executeRead(tx -> read(tx, chainId));
            long read = System.nanoTime();
            ChainSnapshot s = builder.build(version, started);
            s.buildProfile = String.format(java.util.Locale.ROOT, "full: read %d ms, build %d ms: %s",
                    (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000, s.figuresProfile);
            return s;
        }
    }

    /**
     * The snapshot after a change of only these enterprises (their properties, memberships and supply relations):
     * reads just them and applies them to {@code base} ({@link SnapshotDelta}). Equal to {@link #load} of the same
     * database when nothing else of the chain changed since {@code base} was read.
     *
     * <p>Over {@link #PARALLEL_FROM} keys the keys are split into {@link #READ_PARTS} parts read in parallel read
     * sessions (one transaction each) on the loader's executor (the application's bounded
     * {@code snapshotDeltaReadExecutor}; a part it cannot take runs in the calling thread). That is as exact as one
     * transaction under the registry's rules: every row a concurrent import changes belongs to an enterprise of that
     * import's keys, which the next delta re-reads whole (or the build is discarded when the import's invalidation
     * comes in during it).
     */
    @Override
    public ChainSnapshot loadDelta(ChainSnapshot base, java.util.Collection<String> touched, long version) {
        long started = System.nanoTime();
        SnapshotDelta delta = new SnapshotDelta(touched);
        java.util.List<String> keys = java.util.List.copyOf(delta.touched());
        int parts = keys.size() >= parallelFrom ? Math.min(READ_PARTS, keys.size()) : 1;
        java.util.List<java.util.concurrent.Future<DeltaRows>> reads = new java.util.ArrayList<>();
        for (int i = 0; i < parts; i++) {
            java.util.List<String> part = keys.subList(keys.size() * i / parts, keys.size() * (i + 1) / parts);
            java.util.concurrent.Callable<DeltaRows> read = () -> readDelta(base.chainId(), part, delta.touched());
            reads.add(parts == 1 ? java.util.concurrent.CompletableFuture.completedFuture(call(read))
                    : java.util.concurrent.CompletableFuture.supplyAsync(() -> call(read), readers));
        }
        long[] queryNanos = new long[3];
        for (java.util.concurrent.Future<DeltaRows> f : reads) {
            DeltaRows rows = join(f);
            for (Object[] e : rows.enterprises) {
                String uscc = (String) e[0];
                delta.enterprise(uscc, (String) e[1], (String) e[2], (String) e[3], (Double) e[4],
                        (java.time.LocalDate) e[5], (java.time.LocalDate) e[6]);
                delta.membership(uscc, (String) e[7]);
            }
            for (Object[] r : rows.supplies) {
                delta.supply((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (Double) r[5]);
            }
            for (int q = 0; q < 3; q++) {
                queryNanos[q] = Math.max(queryNanos[q], rows.nanos[q]);
            }
        }
        long read = System.nanoTime();
        ChainSnapshot s = delta.apply(base, version, started);
        long end = System.nanoTime();
        s.buildProfile = String.format(java.util.Locale.ROOT,
                "delta: %d keys, %d supply rows; read %d ms in %d part(s) (slowest part: memberships %d, out %d, in %d ms); "
                        + "apply %d ms: arrays %d ms (touched lookup %d ms), %s",
                keys.size(), delta.supplyRows(), (read - started) / 1_000_000, parts, queryNanos[0] / 1_000_000,
                queryNanos[1] / 1_000_000, queryNanos[2] / 1_000_000, (end - read) / 1_000_000,
                delta.arraysNanos / 1_000_000, delta.lookupNanos / 1_000_000, s.figuresProfile);
        log.info("Delta of chain {}: {}", base.chainId(), s.buildProfile);
        return s;
    }

    /** Keys from which a delta is read in parallel parts, and how many parts. */
    static final int PARALLEL_FROM = 2_000;
    static final int READ_PARTS = 4;
    /** {@link #PARALLEL_FROM}; tests lower it to read small deltas in parts too. */
    int parallelFrom = PARALLEL_FROM;

    /** One part's rows, as plain values (the records are decoded in the reading thread). */
    private record DeltaRows(java.util.List<Object[]> enterprises, java.util.List<Object[]> supplies, long[] nanos) {
    }

    private DeltaRows readDelta(String chainId, java.util.List<String> keys, java.util.Set<String> touched) {
        Map<String, Object> p = Map.of("chain", chainId, "keys", keys);
        java.util.List<Object[]> enterprises = new java.util.ArrayList<>();
        java.util.List<Object[]> supplies = new java.util.ArrayList<>();
        long[] nanos = new long[3];
        try (Session session = session()) {
            session.executeRead(tx -> {
                enterprises.clear();
                supplies.clear();
                long t0 = System.nanoTime();
                tx.run(DELTA_MEMBERSHIPS, p).forEachRemaining(r -> enterprises.add(new Object[]{
                        r.get("uscc").asString(null), r.get("name").asString(null), r.get("region").asString(null),
                        r.get("zone").asString(null), number(r.get("revenue")), date(r.get("founded")),
                        date(r.get("listed")), r.get("segment").asString()}));
                long t1 = System.nanoTime();
                tx.run(DELTA_SUPPLIES_OUT, p).forEachRemaining(r -> supplies.add(supplyRow(r)));
                long t2 = System.nanoTime();
                Result in = tx.run(DELTA_SUPPLIES_IN, p);
                while (in.hasNext()) {
                    Record r = in.next();
                    if (!touched.contains(r.get("supplier").asString(null))) {
                        supplies.add(supplyRow(r)); // from a touched supplier it came with the outgoing ones
                    }
                }
                nanos[0] = t1 - t0;
                nanos[1] = t2 - t1;
                nanos[2] = System.nanoTime() - t2;
                return null;
            });
        }
        return new DeltaRows(enterprises, supplies, nanos);
    }

    private static Object[] supplyRow(Record r) {
        return new Object[]{r.get("supplier").asString(null), r.get("supplierRegion").asString(null),
                r.get("customer").asString(null), r.get("customerRegion").asString(null),
                r.get("product").asString(null), number(r.get("amount"))};
    }

    private static <T> T call(java.util.concurrent.Callable<T> c) {
        try {
            return c.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T join(java.util.concurrent.Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a snapshot delta", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public java.util.List<String> chainIds() {
        try (Session session = session()) {
            return session.executeRead(tx -> tx.run(CHAINS).list(r -> r.get("id").asString()));
        }
    }

    /** The chain a segment belongs to, or null. */
    @Override
    public String chainOfSegment(String segmentId) {
        try (Session session = session()) {
            return session.executeRead(tx -> {
                Result r = tx.run(CHAIN_OF_SEGMENT, Map.of("id", segmentId));
                return r.hasNext() ? r.next().get("chain").asString(null) : null;
            });
        }
    }

    private SnapshotBuilder read(TransactionContext tx, String chainId) {
        Map<String, Object> p = Map.of("chain", chainId);
        Result chain = tx.run(CHAIN, p);
        if (!chain.hasNext()) {
            throw ApiProblem.notFound("产业链", "Chain", chainId);
        }
        SnapshotBuilder b = new SnapshotBuilder(chainId, chain.next().get("name").asString(chainId));
        tx.run(SEGMENTS, p).forEachRemaining(r -> b.segment(r.get("id").asString(), r.get("name").asString(null),
                stage(r.get("stage")), r.get("key").asBoolean(false), r.get("valueAdded").asNumber().intValue(),
                r.get("parentId").asString(null)));
        tx.run(FLOWS, p).forEachRemaining(r -> b.flow(r.get("from").asString(), r.get("to").asString(),
                r.get("recycling").asBoolean(false)));
        tx.run(PRODUCTS, p).forEachRemaining(r -> b.product(r.get("id").asString(), r.get("segment").asString(null)));
        tx.run(MEMBERSHIPS, p).forEachRemaining(r -> {
            String uscc = r.get("uscc").asString(null);
            b.enterprise(uscc, r.get("name").asString(null), r.get("region").asString(null),
                    r.get("zone").asString(null), number(r.get("revenue")), date(r.get("founded")), date(r.get("listed")));
            b.membership(uscc, r.get("segment").asString());
        });
        Result supplies = tx.run(SUPPLIES, p);
        while (supplies.hasNext()) {
            Record r = supplies.next();
            b.supply(r.get("supplier").asString(null), r.get("customer").asString(null),
                    r.get("product").asString(null), number(r.get("amount")));
        }
        return b;
    }

    private static Stage stage(Value v) {
        try {
            return v.isNull() ? Stage.MIDSTREAM : Stage.valueOf(v.asString());
        } catch (IllegalArgumentException e) {
            return Stage.MIDSTREAM;
        }
    }

    /** A date property: a Neo4j date, or ISO text from older data; anything else is unknown (null). */
    static java.time.LocalDate date(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            Object o = v.asObject();
            return o instanceof java.time.LocalDate d ? d
                    : o instanceof String t ? java.time.LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Double number(Value v) {
        return v == null || v.isNull() ? null : v.asNumber().doubleValue();
    }

    private Session session() {
        return sessions.get();
    }
}
