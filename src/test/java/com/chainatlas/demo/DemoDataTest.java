package com.chainatlas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.chainatlas.enterprise.Uscc;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/** The demo data passes its own validation, and is written once. */
@ChainAtlasIntegrationTest
class DemoDataTest {

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    RegionCatalog regions;

    @Autowired
    DemoDataLoader loader;

    @Test
    void everyUsccHasTheRightCheckCharacter() {
        List<String> codes = List.copyOf(neo4j.query("MATCH (e:Enterprise) RETURN e.uscc").fetchAs(String.class).all());
        assertThat(codes).hasSizeGreaterThan(5000);
        assertThat(codes).allSatisfy(c -> assertThat(Uscc.problem(c)).as(c).isEmpty());
    }

    @Test
    void everyRegionCodeIsReal() {
        List<String> codes = List.copyOf(neo4j.query("""
                MATCH (e:Enterprise) RETURN DISTINCT e.regionCode AS code
                UNION MATCH (i:Institution) RETURN DISTINCT i.regionCode AS code
                """).fetchAs(String.class).all());
        assertThat(codes).allSatisfy(c -> assertThat(regions.exists(c)).as(c).isTrue());
        long unlocated = neo4j.query("MATCH (e:Enterprise) WHERE NOT (e)-[:LOCATED_IN]->(:Region) RETURN count(e)")
                .fetchAs(Long.class).one().orElseThrow();
        assertThat(unlocated).isZero();
    }

    @Test
    void feedsGraphOfEachChainIsAcyclicWithoutRecyclingFlows() {
        for (String chain : List.of("NEV", "IC")) {
            DefaultDirectedGraph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
            neo4j.query("""
                    MATCH (a:Segment {chainId: $chain})-[f:FEEDS]->(b:Segment)
                    WHERE NOT coalesce(f.recycling, false)
                    RETURN a.id AS a, b.id AS b
                    """).bind(chain).to("chain").fetch().all().forEach(row -> {
                String a = (String) row.get("a");
                String b = (String) row.get("b");
                g.addVertex(a);
                g.addVertex(b);
                g.addEdge(a, b);
            });
            assertThat(g.vertexSet()).as(chain).hasSizeGreaterThan(20);
            assertThat(new CycleDetector<>(g).detectCycles()).as(chain).isFalse();
        }
    }

    @Test
    void supplyRelationsFollowTheSegmentFlows() {
        long off = neo4j.query("""
                MATCH (a:Enterprise)-[:SUPPLIES]->(b:Enterprise)
                WHERE NOT EXISTS { (a)-[:IN_SEGMENT]->(:Segment)-[:FEEDS]->(:Segment)<-[:IN_SEGMENT]-(b) }
                RETURN count(*)
                """).fetchAs(Long.class).one().orElseThrow();
        assertThat(off).isZero();
    }

    @Test
    void isMarkedAsSampleDataAndNotWrittenTwice() {
        long before = neo4j.query("MATCH (e:Enterprise) RETURN count(e)").fetchAs(Long.class).one().orElseThrow();
        assertThat(loader.loadIfEmpty()).isFalse();
        long after = neo4j.query("MATCH (e:Enterprise) RETURN count(e)").fetchAs(Long.class).one().orElseThrow();
        assertThat(after).isEqualTo(before);
        long notSample = neo4j.query("MATCH (e:Enterprise) WHERE e.sample <> true RETURN count(e)").fetchAs(Long.class).one().orElseThrow();
        assertThat(notSample).isZero();
        assertThat(neo4j.query("MATCH (d:Dataset {id: 'demo'}) RETURN d.name").fetchAs(String.class).one()).contains("示例数据");
    }
}
