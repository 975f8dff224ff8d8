package com.chainatlas.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.chainatlas.chain.ChainModel.Chain;
import com.chainatlas.chain.ChainModel.Flow;
import com.chainatlas.chain.ChainModel.Product;
import com.chainatlas.chain.ChainModel.Segment;
import com.chainatlas.chain.ChainModel.Technology;
import com.chainatlas.system.ApiProblem;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the chain map: chains, their segments, flows, products and technologies. */
@Service
@Transactional(readOnly = true)
public class ChainService {

    /** A chain in a list, with its size. */
    public record ChainSummary(Chain chain, long segments, long enterprises) {
    }

    /** A chain's full structure (产业链图谱). */
    public record ChainStructure(Chain chain, List<Segment> segments, List<Flow> flows) {
    }

    private final Neo4jClient neo4j;

    ChainService(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public List<ChainSummary> chains() {
        return List.copyOf(neo4j.query("""
                MATCH (c:Chain)
                OPTIONAL MATCH (c)-[:HAS_SEGMENT]->(s:Segment)
                WITH c, count(s) AS segments
                CALL (c) { MATCH (c)-[:HAS_SEGMENT]->(:Segment)<-[:IN_SEGMENT]-(e:Enterprise) RETURN count(DISTINCT e) AS enterprises }
                RETURN c, segments, enterprises ORDER BY c.id
                """).fetchAs(ChainSummary.class).mappedBy((t, r) -> new ChainSummary(chain(r.get("c")),
                r.get("segments").asLong(), r.get("enterprises").asLong())).all());
    }

    public Chain chain(String id) {
        return neo4j.query("MATCH (c:Chain {id: $id}) RETURN c").bind(id).to("id")
                .fetchAs(Chain.class).mappedBy((t, r) -> chain(r.get("c"))).one()
                .orElseThrow(() -> ApiProblem.notFound("产业链", "Chain", id));
    }

    public ChainStructure structure(String chainId) {
        Chain chain = chain(chainId);
        return new ChainStructure(chain, segments(chainId), flows(chainId));
    }

    public List<Segment> segments(String chainId) {
        return List.copyOf(neo4j.query("MATCH (s:Segment {chainId: $id}) RETURN s ORDER BY s.id").bind(chainId).to("id")
                .fetchAs(Segment.class).mappedBy((t, r) -> segment(r.get("s"))).all());
    }

    public List<Flow> flows(String chainId) {
        List<Flow> flows = List.copyOf(neo4j.query("""
                MATCH (a:Segment {chainId: $id})-[f:FEEDS]->(b:Segment)
                RETURN a.id AS from, b.id AS to, coalesce(f.recycling, false) AS recycling ORDER BY from, to
                """).bind(chainId).to("id").fetchAs(Flow.class)
                .mappedBy((t, r) -> new Flow(r.get("from").asString(), r.get("to").asString(), r.get("recycling").asBoolean())).all());
        return markMutual(flows);
    }

    /** Marks the non-recycling flows inside one strongly connected component (segments feeding each other). */
    static List<Flow> markMutual(List<Flow> flows) {
        org.jgrapht.Graph<String, org.jgrapht.graph.DefaultEdge> g =
                new org.jgrapht.graph.DefaultDirectedGraph<>(org.jgrapht.graph.DefaultEdge.class);
        for (Flow f : flows) {
            if (!f.recycling() && !f.from().equals(f.to())) {
                g.addVertex(f.from());
                g.addVertex(f.to());
                g.addEdge(f.from(), f.to());
            }
        }
        Map<String, Integer> component = new java.util.HashMap<>();
        List<java.util.Set<String>> sccs =
                new org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector<>(g).stronglyConnectedSets();
        for (int c = 0; c < sccs.size(); c++) {
            for (String v : sccs.get(c)) {
                component.put(v, c);
            }
        }
        return flows.stream().map(f -> new Flow(f.from(), f.to(), f.recycling(), !f.recycling()
                && !f.from().equals(f.to()) && component.containsKey(f.from()) && component.get(f.from()).equals(component.get(f.to())))).toList();
    }

    public Optional<Segment> segment(String id) {
        return neo4j.query("MATCH (s:Segment {id: $id}) RETURN s").bind(id).to("id")
                .fetchAs(Segment.class).mappedBy((t, r) -> segment(r.get("s"))).one();
    }

    public List<Product> products(String chainId, String segmentId) {
        chain(chainId);
        return List.copyOf(neo4j.query("""
                MATCH (p:Product {chainId: $chain})-[:IN_SEGMENT]->(s:Segment)
                WHERE $segment IS NULL OR s.id = $segment OR s.parentId = $segment
                OPTIONAL MATCH (i:Product)-[:INPUT_TO]->(p)
                WITH p, s, collect(i.id) AS inputs
                RETURN p.id AS id, p.name AS name, s.id AS segment, inputs ORDER BY id
                """).bindAll(params("chain", chainId, "segment", segmentId)).fetchAs(Product.class)
                .mappedBy((t, r) -> new Product(r.get("id").asString(), chainId, r.get("name").asString(),
                        r.get("segment").asString(), r.get("inputs").asList(Value::asString))).all());
    }

    public List<Technology> technologies(String chainId, String segmentId) {
        return List.copyOf(neo4j.query("""
                MATCH (t:Technology)-[:APPLIES_TO]->(s:Segment)
                WHERE ($chain IS NULL OR s.chainId = $chain) AND ($segment IS NULL OR s.id = $segment OR s.parentId = $segment)
                WITH DISTINCT t
                MATCH (t)-[:APPLIES_TO]->(all:Segment)
                RETURN t, collect(all.id) AS segments ORDER BY t.id
                """).bindAll(params("chain", chainId, "segment", segmentId)).fetchAs(Technology.class)
                .mappedBy((ts, r) -> {
                    var t = r.get("t");
                    return new Technology(t.get("id").asString(), t.get("chainId").asString(null), t.get("name").asString(),
                            t.get("description").asString(""), r.get("segments").asList(Value::asString));
                }).all());
    }

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Chain chain(Value c) {
        List<String> codes = c.get("industryCodes").isNull() ? List.of() : c.get("industryCodes").asList(Value::asString);
        return new Chain(c.get("id").asString(), c.get("name").asString(), c.get("description").asString(""),
                new ArrayList<>(codes), c.get("sample").asBoolean(false));
    }

    private static Segment segment(Value s) {
        return new Segment(s.get("id").asString(), s.get("chainId").asString(), s.get("name").asString(),
                Stage.valueOf(s.get("stage").asString()), s.get("key").asBoolean(false), s.get("valueAdded").asInt(1),
                s.get("parentId").asString(null), s.get("description").asString(""));
    }
}
