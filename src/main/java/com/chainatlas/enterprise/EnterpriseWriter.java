package com.chainatlas.enterprise;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.enterprise.EnterpriseLinks.Makes;
import com.chainatlas.enterprise.EnterpriseLinks.Membership;
import com.chainatlas.enterprise.EnterpriseLinks.Supply;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Merges enterprises and their relations on natural keys, in UNWIND batches. Province/city/county codes
 * are stored beside LOCATED_IN so region filters are index look-ups, not path walks.
 *
 * <p>The LOCATED_IN update runs in a per-row subquery that keeps a link that is already right: measured
 * about 2× faster on 1,000-row batches than deleting and re-merging every link (see docs/import-formats.md).
 */
@Component
public class EnterpriseWriter {

    private final Neo4jClient neo4j;

    EnterpriseWriter(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public void mergeEnterprises(List<Enterprise> enterprises) {
        List<Map<String, Object>> rows = enterprises.stream().map(EnterpriseWriter::row).toList();
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (e:Enterprise {uscc: row.uscc})
                SET e.name = row.name, e.shortName = row.shortName, e.regionCode = row.regionCode,
                    e.provinceCode = row.provinceCode, e.cityCode = row.cityCode, e.countyCode = row.countyCode,
                    e.zone = row.zone, e.revenue = row.revenue, e.employees = row.employees, e.founded = row.founded,
                    e.tags = row.tags, e.patents = row.patents, e.sample = row.sample
                WITH e, row
                CALL (e, row) {
                  OPTIONAL MATCH (r:Region {code: row.regionCode})
                  OPTIONAL MATCH (e)-[old:LOCATED_IN]->(other:Region) WHERE r IS NULL OR other <> r
                  DELETE old
                  WITH DISTINCT e, r WHERE r IS NOT NULL
                  MERGE (e)-[:LOCATED_IN]->(r)
                }
                """).bind(rows).to("rows").run();
    }

    public void mergeMemberships(List<Membership> memberships) {
        List<Map<String, Object>> rows = memberships.stream()
                .map(m -> Map.<String, Object>of("uscc", m.uscc(), "segmentId", m.segmentId())).toList();
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (e:Enterprise {uscc: row.uscc}), (s:Segment {id: row.segmentId})
                MERGE (e)-[:IN_SEGMENT]->(s)
                """).bind(rows).to("rows").run();
    }

    public void mergeMakes(List<Makes> makes) {
        List<Map<String, Object>> rows = makes.stream().map(m -> {
            Map<String, Object> r = new HashMap<>();
            r.put("uscc", m.uscc());
            r.put("productId", m.productId());
            r.put("share", m.share());
            return r;
        }).toList();
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (e:Enterprise {uscc: row.uscc}), (p:Product {id: row.productId})
                MERGE (e)-[m:MAKES]->(p)
                SET m.share = row.share
                """).bind(rows).to("rows").run();
    }

    public void mergeSupplies(List<Supply> supplies) {
        List<Map<String, Object>> rows = supplies.stream().map(s -> {
            Map<String, Object> r = new HashMap<>();
            r.put("supplier", s.supplierUscc());
            r.put("customer", s.customerUscc());
            r.put("productId", s.productId());
            r.put("amount", s.amount());
            return r;
        }).toList();
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (a:Enterprise {uscc: row.supplier}), (b:Enterprise {uscc: row.customer})
                MERGE (a)-[s:SUPPLIES]->(b)
                SET s.productId = row.productId, s.amount = row.amount
                """).bind(rows).to("rows").run();
    }

    private static Map<String, Object> row(Enterprise e) {
        Map<String, Object> m = new HashMap<>();
        String code = e.regionCode();
        m.put("uscc", e.uscc());
        m.put("name", e.name());
        m.put("shortName", e.shortName());
        m.put("regionCode", code);
        m.put("provinceCode", code.substring(0, 2) + "0000");
        m.put("cityCode", code.endsWith("0000") ? null : code.substring(0, 4) + "00");
        m.put("countyCode", code.endsWith("00") ? null : code);
        m.put("zone", e.zone());
        m.put("revenue", e.revenue());
        m.put("employees", e.employees());
        m.put("founded", e.founded());
        m.put("tags", e.tags());
        m.put("patents", e.patents());
        m.put("sample", e.sample());
        return m;
    }
}
