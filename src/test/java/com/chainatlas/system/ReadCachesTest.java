package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.chainatlas.analysis.SnapshotRegistry;
import com.chainatlas.ingest.DataImportedEvent;
import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 (load): the chain list, chain structures, enterprise list pages and known chain ids are answered from
 * memory until the data changes. Every writer announces a change with {@link DataImportedEvent}; a write that did
 * not would stay unseen, which is what shows the cache is used at all.
 */
@ChainAtlasIntegrationTest
class ReadCachesTest {

    @LocalServerPort
    int port;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    SnapshotRegistry snapshots;

    @AfterEach
    void removeTestChain() {
        neo4j.query("""
                MATCH (n) WHERE (n:Chain AND n.id = 'RCACHE') OR (n:Segment AND n.chainId = 'RCACHE')
                   OR (n:Enterprise AND n.uscc STARTS WITH 'RCACHE')
                DETACH DELETE n
                """).run();
        events.publishEvent(new DataImportedEvent(Set.of("RCACHE")));
        snapshots.invalidate("RCACHE");
    }

    @Test
    void cachedReadsFollowAnnouncedChangesOnly() {
        Api api = new Api(port);
        assertThat(api.get("/api/chains/RCACHE").status()).isEqualTo(404);
        assertThat(api.get("/api/enterprises?chain=RCACHE").status()).isEqualTo(404);
        assertThat(chainIds(api)).doesNotContain("RCACHE"); // the list is cached from here on
        neo4j.query("""
                CREATE (c:Chain {id: 'RCACHE', name: '缓存测试链'})
                CREATE (c)-[:HAS_SEGMENT]->(:Segment {id: 'RCACHE-A', chainId: 'RCACHE', name: '甲环节', stage: 'UPSTREAM', key: false, valueAdded: 1})
                """).run();
        // not announced: the chain list and the known-chain check are still the cached ones; a 404 is never cached
        assertThat(chainIds(api)).doesNotContain("RCACHE");
        assertThat(api.get("/api/enterprises?chain=RCACHE").status()).isEqualTo(404);
        assertThat(api.get("/api/chains/RCACHE").status()).isEqualTo(200);

        events.publishEvent(new DataImportedEvent(Set.of("RCACHE")));
        assertThat(api.get("/api/chains/RCACHE").status()).isEqualTo(200);
        assertThat(api.ok("/api/chains/RCACHE").get("segments").size()).isEqualTo(1);
        assertThat(chainIds(api)).contains("RCACHE");
        assertThat(api.ok("/api/enterprises?chain=RCACHE&region=340100").get("total").asLong()).isZero();

        addEnterprise("RCACHE0000000001A");
        assertThat(api.ok("/api/enterprises?chain=RCACHE&region=340100").get("total").asLong()).as("unannounced").isZero();
        events.publishEvent(new DataImportedEvent(Set.of("RCACHE")));
        JsonNode page = api.ok("/api/enterprises?chain=RCACHE&region=340100");
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("name").asString()).isEqualTo("缓存测试企业RCACHE0000000001A");
        assertThat(enterprisesOf(api, "RCACHE")).isEqualTo(1);

        // an import not tied to a chain (enterprises, supplies) moves every cache too
        addEnterprise("RCACHE0000000002B");
        events.publishEvent(new DataImportedEvent(Set.of()));
        assertThat(api.ok("/api/enterprises?chain=RCACHE&region=340100").get("total").asLong()).isEqualTo(2);
        assertThat(enterprisesOf(api, "RCACHE")).isEqualTo(2);
    }

    private void addEnterprise(String uscc) {
        neo4j.query("""
                MATCH (s:Segment {id: 'RCACHE-A'})
                CREATE (e:Enterprise {uscc: $uscc, name: '缓存测试企业' + $uscc, regionCode: '340104', countyCode: '340104',
                                      cityCode: '340100', provinceCode: '340000'})-[:IN_SEGMENT]->(s)
                """).bind(uscc).to("uscc").run();
    }

    private static java.util.List<String> chainIds(Api api) {
        return api.ok("/api/chains").valueStream().map(c -> c.get("chain").get("id").asString()).toList();
    }

    private static long enterprisesOf(Api api, String chain) {
        return api.ok("/api/chains").valueStream().filter(c -> c.get("chain").get("id").asString().equals(chain))
                .findFirst().orElseThrow().get("enterprises").asLong();
    }
}
