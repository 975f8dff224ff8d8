package com.chainatlas.targeting;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.chainatlas.system.ApiProblem;
import com.chainatlas.targeting.TargetModel.TargetQuery;
import com.chainatlas.targeting.TargetModel.TargetRow;
import com.chainatlas.targeting.TargetModel.TargetSegment;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved target lists: a frozen copy of a ranking (so it reads the same after later imports) with the query
 * that produced it (so it can be refreshed). Items are nodes ordered by rank, read a page at a time.
 */
@Component
class TargetListStore {

    /**
     * A saved list keeps every candidate of its ranking (read a page at a time); past this bound the query is
     * too broad to be a list for visits and meetings, and saving it is refused with a clear message.
     */
    static final int MAX_ITEMS = 100_000;
    private static final int PAGE = 500;

    /** A saved list without its items. */
    record SavedList(String id, String name, String author, String chainId, String regionCode, String preset,
                     TargetWeights weights, List<TargetSegment> segments, TargetQuery query, long snapshotVersion,
                     int total, OffsetDateTime createdAt, OffsetDateTime refreshedAt) {
    }

    private final Neo4jClient neo4j;
    private final JsonMapper json;

    TargetListStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
        this.json = JsonMapper.builder().findAndAddModules().build();
    }

    @Transactional
    String create(String name, String author, TargetQuery query, TargetService.Ranking ranking) {
        checkSize(ranking);
        String id = UUID.randomUUID().toString();
        neo4j.query("""
                CREATE (l:TargetList {id: $id, name: $name, author: $author, createdAt: datetime(), refreshedAt: datetime()})
                """).bindAll(Map.of("id", id, "name", name, "author", author)).run();
        writeContent(id, query, ranking);
        return id;
    }

    @Transactional
    void replaceContent(String id, TargetQuery query, TargetService.Ranking ranking) {
        require(id);
        checkSize(ranking);
        neo4j.query("MATCH (i:TargetListItem {listId: $id}) DETACH DELETE i").bind(id).to("id").run();
        neo4j.query("MATCH (l:TargetList {id: $id}) SET l.refreshedAt = datetime()").bind(id).to("id").run();
        writeContent(id, query, ranking);
    }

    /** Refuses a ranking too large to keep, before anything is written. */
    static void checkSize(TargetService.Ranking ranking) {
        if (ranking.rows().size() > MAX_ITEMS) {
            throw ApiProblem.badRequest("候选企业 " + ranking.rows().size() + " 家，超过清单上限 " + MAX_ITEMS
                    + " 家；请缩小范围（选择环节、省份、规模或最低分）后再保存",
                    "The ranking has " + ranking.rows().size() + " candidates, more than a list keeps (" + MAX_ITEMS + ")");
        }
    }

    private void writeContent(String id, TargetQuery query, TargetService.Ranking ranking) {
        List<TargetRow> rows = ranking.rows();
        neo4j.query("""
                MATCH (l:TargetList {id: $id})
                SET l.chainId = $chain, l.regionCode = $region, l.preset = $preset, l.weights = $weights,
                    l.segments = $segments, l.query = $query, l.snapshotVersion = $version, l.total = $total
                """).bindAll(Map.of("id", id, "chain", query.chain(), "region", ranking.region().code(),
                "preset", ranking.preset(), "weights", json.writeValueAsString(ranking.weights()),
                "segments", json.writeValueAsString(ranking.segments()), "query", json.writeValueAsString(query),
                "version", ranking.snapshotVersion(), "total", rows.size())).run();
        for (int from = 0; from < rows.size(); from += PAGE) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (TargetRow r : rows.subList(from, Math.min(rows.size(), from + PAGE))) {
                batch.add(Map.of("rank", r.rank(), "uscc", r.uscc(), "row", json.writeValueAsString(r)));
            }
            neo4j.query("""
                    MATCH (l:TargetList {id: $id})
                    UNWIND $rows AS row
                    CREATE (l)-[:HAS_ITEM]->(:TargetListItem {listId: $id, rank: row.rank, uscc: row.uscc, row: row.row})
                    """).bindAll(Map.of("id", id, "rows", batch)).run();
        }
    }

    @Transactional(readOnly = true)
    List<SavedList> all() {
        return page(0, Integer.MAX_VALUE);
    }

    /** One page of the saved lists, most recently refreshed first. */
    @Transactional(readOnly = true)
    List<SavedList> page(long skip, int limit) {
        return List.copyOf(neo4j.query("MATCH (l:TargetList) RETURN l ORDER BY l.refreshedAt DESC, l.id SKIP $skip LIMIT $limit")
                .bindAll(Map.of("skip", skip, "limit", limit))
                .fetchAs(SavedList.class).mappedBy((t, r) -> saved(r.get("l"))).all());
    }

    @Transactional(readOnly = true)
    long count() {
        return neo4j.query("MATCH (l:TargetList) RETURN count(l) AS n").fetchAs(Long.class).one().orElse(0L);
    }

    @Transactional(readOnly = true)
    SavedList get(String id) {
        return neo4j.query("MATCH (l:TargetList {id: $id}) RETURN l").bind(id).to("id")
                .fetchAs(SavedList.class).mappedBy((t, r) -> saved(r.get("l"))).one()
                .orElseThrow(() -> ApiProblem.notFound("招商清单", "Target list", id));
    }

    @Transactional(readOnly = true)
    List<TargetRow> items(String id, long skip, int limit) {
        return List.copyOf(neo4j.query("""
                MATCH (i:TargetListItem {listId: $id}) WHERE i.rank > $skip
                RETURN i.row AS row ORDER BY i.rank LIMIT $limit
                """).bindAll(Map.of("id", id, "skip", skip, "limit", limit)).fetchAs(TargetRow.class)
                .mappedBy((t, r) -> json.readValue(r.get("row").asString(), TargetRow.class)).all());
    }

    /** Streams every item in rank order, one page in memory at a time. */
    void forEachItem(String id, Consumer<TargetRow> sink) {
        long skip = 0;
        while (true) {
            List<TargetRow> page = items(id, skip, PAGE);
            page.forEach(sink);
            if (page.size() < PAGE) {
                return;
            }
            skip += PAGE;
        }
    }

    @Transactional
    void delete(String id) {
        require(id);
        neo4j.query("MATCH (l:TargetList {id: $id}) OPTIONAL MATCH (l)-[:HAS_ITEM]->(i) DETACH DELETE l, i").bind(id).to("id").run();
    }

    /** Every export writes who, when, which list and which format (导出审计). */
    @Transactional
    void audit(String listId, String format, String user) {
        neo4j.query("""
                MATCH (l:TargetList {id: $list})
                CREATE (a:ExportAudit {id: $id, listId: $list, format: $format, user: $user, at: datetime()})-[:OF]->(l)
                """).bindAll(Map.of("id", UUID.randomUUID().toString(), "list", listId, "format", format, "user", user)).run();
    }

    /** An export of a ranking straight from its query (no saved list): who, when, which query, which format. */
    @Transactional
    void auditQuery(TargetQuery query, String format, String user, int rows) {
        neo4j.query("""
                CREATE (:ExportAudit {id: $id, query: $query, chainId: $chain, regionCode: $region, rows: $rows,
                                      format: $format, user: $user, at: datetime()})
                """).bindAll(Map.of("id", UUID.randomUUID().toString(), "query", json.writeValueAsString(query),
                "chain", query.chain(), "region", query.region(), "rows", rows, "format", format, "user", user)).run();
    }

    @Transactional(readOnly = true)
    List<Map<String, Object>> auditTrail(String listId) {
        return List.copyOf(neo4j.query("""
                MATCH (a:ExportAudit {listId: $list})
                RETURN a.user AS user, toString(a.at) AS at, a.format AS format ORDER BY a.at DESC LIMIT 200
                """).bind(listId).to("list").fetch().all());
    }

    private void require(String id) {
        get(id);
    }

    private SavedList saved(org.neo4j.driver.Value l) {
        return new SavedList(l.get("id").asString(), l.get("name").asString(), l.get("author").asString(),
                l.get("chainId").asString(null), l.get("regionCode").asString(null), l.get("preset").asString(null),
                l.get("weights").isNull() ? null : json.readValue(l.get("weights").asString(), TargetWeights.class),
                l.get("segments").isNull() ? List.of() : json.readValue(l.get("segments").asString(), new TypeReference<List<TargetSegment>>() { }),
                l.get("query").isNull() ? null : json.readValue(l.get("query").asString(), TargetQuery.class),
                l.get("snapshotVersion").asLong(0), l.get("total").asInt(0),
                l.get("createdAt").asOffsetDateTime(), l.get("refreshedAt").asOffsetDateTime());
    }
}
