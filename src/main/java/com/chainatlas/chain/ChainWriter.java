package com.chainatlas.chain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.chain.ChainModel.Chain;
import com.chainatlas.chain.ChainModel.Flow;
import com.chainatlas.chain.ChainModel.Product;
import com.chainatlas.chain.ChainModel.Segment;
import com.chainatlas.chain.ChainModel.Technology;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Merges chain-map records into the graph on their natural keys (re-running updates, never duplicates). */
@Component
public class ChainWriter {

    private final Neo4jClient neo4j;

    ChainWriter(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public void mergeChain(Chain c) {
        neo4j.query("""
                MERGE (c:Chain {id: $id})
                SET c.name = $name, c.description = $description, c.industryCodes = $codes, c.sample = $sample
                """).bindAll(Map.of("id", c.id(), "name", c.name(), "description", nz(c.description()),
                "codes", c.industryCodes(), "sample", c.sample())).run();
    }

    public void mergeSegments(List<Segment> segments) {
        List<Map<String, Object>> rows = segments.stream().map(s -> {
            Map<String, Object> m = new HashMap<>();
            m.put("id", s.id());
            m.put("chainId", s.chainId());
            m.put("name", s.name());
            m.put("stage", s.stage().name());
            m.put("key", s.key());
            m.put("valueAdded", s.valueAdded());
            m.put("parentId", s.parentId());
            m.put("description", nz(s.description()));
            return m;
        }).toList();
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (c:Chain {id: row.chainId})
                MERGE (s:Segment {id: row.id})
                SET s.chainId = row.chainId, s.name = row.name, s.stage = row.stage, s.key = row.key,
                    s.valueAdded = row.valueAdded, s.parentId = row.parentId, s.description = row.description
                MERGE (c)-[:HAS_SEGMENT]->(s)
                """).bind(rows).to("rows").run();
        neo4j.query("""
                UNWIND $rows AS row
                WITH row WHERE row.parentId IS NOT NULL
                MATCH (s:Segment {id: row.id}), (p:Segment {id: row.parentId})
                MERGE (s)-[:PART_OF]->(p)
                """).bind(rows).to("rows").run();
    }

    public void mergeFlows(List<Flow> flows) {
        List<Map<String, Object>> rows = flows.stream()
                .map(f -> Map.<String, Object>of("from", f.from(), "to", f.to(), "recycling", f.recycling())).toList();
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (a:Segment {id: row.from}), (b:Segment {id: row.to})
                MERGE (a)-[f:FEEDS]->(b)
                SET f.recycling = row.recycling
                """).bind(rows).to("rows").run();
    }

    public void mergeProducts(List<Product> products) {
        List<Map<String, Object>> rows = products.stream().map(p -> Map.<String, Object>of("id", p.id(),
                "chainId", p.chainId(), "name", p.name(), "segmentId", p.segmentId(), "inputs", p.inputIds())).toList();
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (s:Segment {id: row.segmentId})
                MERGE (p:Product {id: row.id})
                SET p.chainId = row.chainId, p.name = row.name, p.segmentId = row.segmentId
                MERGE (p)-[:IN_SEGMENT]->(s)
                """).bind(rows).to("rows").run();
        neo4j.query("""
                UNWIND $rows AS row
                UNWIND row.inputs AS inputId
                MATCH (p:Product {id: row.id}), (i:Product {id: inputId})
                MERGE (i)-[:INPUT_TO]->(p)
                """).bind(rows).to("rows").run();
    }

    /** Adds INPUT_TO edges between existing products (the product-inputs import format). */
    public void mergeProductInputs(List<ChainModel.ProductInput> inputs) {
        List<Map<String, Object>> rows = inputs.stream()
                .map(i -> Map.<String, Object>of("input", i.inputId(), "product", i.productId())).toList();
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (i:Product {id: row.input}), (p:Product {id: row.product})
                MERGE (i)-[:INPUT_TO]->(p)
                """).bind(rows).to("rows").run();
    }

    public void mergeTechnologies(List<Technology> technologies) {
        List<Map<String, Object>> rows = technologies.stream().map(t -> Map.<String, Object>of("id", t.id(),
                "chainId", t.chainId(), "name", t.name(), "description", nz(t.description()), "segments", t.segmentIds())).toList();
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (t:Technology {id: row.id})
                SET t.chainId = row.chainId, t.name = row.name, t.description = row.description
                WITH t, row
                UNWIND row.segments AS segmentId
                MATCH (s:Segment {id: segmentId})
                MERGE (t)-[:APPLIES_TO]->(s)
                """).bind(rows).to("rows").run();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
