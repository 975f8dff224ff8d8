package com.chainatlas.region;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Loads the shipped division list into Neo4j (Region nodes, WITHIN their parent); a no-op when present. */
@Component
@Order(10)
public class RegionLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegionLoader.class);

    private final Neo4jClient neo4j;
    private final RegionCatalog catalog;

    RegionLoader(Neo4jClient neo4j, RegionCatalog catalog) {
        this.neo4j = neo4j;
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        loadIfMissing();
    }

    /** Returns the number of regions written (0 when the database already had them all). */
    public int loadIfMissing() {
        long present = neo4j.query("MATCH (r:Region) RETURN count(r) AS n").fetchAs(Long.class).one().orElse(0L);
        if (present >= catalog.size()) {
            return 0;
        }
        List<Map<String, Object>> rows = catalog.all().stream().map(r -> {
            Map<String, Object> row = new java.util.HashMap<>();
            row.put("code", r.code());
            row.put("name", r.name());
            row.put("level", r.level().name());
            row.put("parent", r.parentCode());
            row.put("fullName", catalog.fullName(r.code()));
            return row;
        }).toList();
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (r:Region {code: row.code})
                SET r.name = row.name, r.level = row.level, r.parentCode = row.parent, r.fullName = row.fullName
                """).bind(rows).to("rows").run();
        neo4j.query("""
                MATCH (r:Region) WHERE r.parentCode IS NOT NULL
                MATCH (p:Region {code: r.parentCode})
                MERGE (r)-[:WITHIN]->(p)
                """).run();
        log.info("Loaded {} regions", rows.size());
        return rows.size();
    }
}
