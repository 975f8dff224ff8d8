package com.chainatlas.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.chainatlas.chain.ChainModel;
import com.chainatlas.chain.ChainWriter;
import com.chainatlas.enterprise.Enterprise;
import com.chainatlas.enterprise.EnterpriseLinks.Membership;
import com.chainatlas.enterprise.EnterpriseWriter;
import com.chainatlas.innovation.Institution;
import com.chainatlas.innovation.InstitutionWriter;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.signal.EventWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with the demo chains (示例数据) on first start; never on later starts.
 * "Empty" means no Chain node: a database with the user's own chains is left alone.
 */
@Component
@Order(20)
public class DemoDataLoader implements ApplicationRunner {

    /** Fixed seed: every first start produces the same enterprises. */
    static final long SEED = 20261121L;
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final Neo4jClient neo4j;
    private final RegionCatalog regions;
    private final ChainWriter chains;
    private final EnterpriseWriter enterprises;
    private final InstitutionWriter institutions;
    private final EventWriter events;
    private final java.time.Clock clock;
    private final boolean enabled;

    DemoDataLoader(Neo4jClient neo4j, RegionCatalog regions, ChainWriter chains, EnterpriseWriter enterprises,
                   InstitutionWriter institutions, EventWriter events, java.time.Clock clock,
                   @Value("${chainatlas.demo.enabled:true}") boolean enabled) {
        this.neo4j = neo4j;
        this.regions = regions;
        this.chains = chains;
        this.enterprises = enterprises;
        this.institutions = institutions;
        this.events = events;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            loadIfEmpty();
        }
    }

    /** Returns true when the demo data was written now. */
    public boolean loadIfEmpty() {
        long chainCount = neo4j.query("MATCH (c:Chain) RETURN count(c) AS n").fetchAs(Long.class).one().orElse(0L);
        if (chainCount > 0) {
            return false;
        }
        long started = System.nanoTime();
        DemoEnterpriseGenerator generator = new DemoEnterpriseGenerator(regions, SEED, new HashSet<>(), 0);
        Map<String, List<Enterprise>> bySegment = new HashMap<>();
        Map<String, List<String>> techSegments = new HashMap<>();
        int firms = 0;
        int supplies = 0;
        List<Enterprise> all = new ArrayList<>();
        for (DemoChainFile file : DemoCatalog.chains()) {
            chains.mergeChain(DemoCatalog.chain(file));
            chains.mergeSegments(DemoCatalog.segments(file));
            chains.mergeFlows(DemoCatalog.flows(file));
            chains.mergeProducts(DemoCatalog.products(file));
            List<ChainModel.Technology> techs = DemoCatalog.technologies(file);
            chains.mergeTechnologies(techs);
            techs.forEach(t -> techSegments.put(t.id(), t.segmentIds()));

            DemoEnterpriseGenerator.Result result = generator.generate(file);
            Map<String, Enterprise> byUscc = new HashMap<>();
            result.enterprises().forEach(e -> byUscc.put(e.uscc(), e));
            for (Membership m : result.memberships()) {
                bySegment.computeIfAbsent(m.segmentId(), k -> new ArrayList<>()).add(byUscc.get(m.uscc()));
            }
            enterprises.mergeEnterprises(result.enterprises());
            enterprises.mergeMemberships(result.memberships());
            enterprises.mergeMakes(result.makes());
            enterprises.mergeSupplies(result.supplies());
            firms += result.enterprises().size();
            all.addAll(result.enterprises());
            supplies += result.supplies().size();
        }
        List<Institution> insts = DemoCatalog.institutions();
        institutions.mergeInstitutions(insts);
        institutions.mergeCooperations(generator.cooperations(insts, techSegments, bySegment));
        // the seed is fixed; dates count back from the load day so the demo's signals are recent
        List<com.chainatlas.signal.ExpansionEvent> demoEvents = DemoEvents.generate(all, regions, SEED + 15,
                java.time.LocalDate.now(clock));
        events.mergeEvents(demoEvents);
        neo4j.query("MERGE (d:Dataset {id: 'demo'}) SET d.name = '示例数据', d.seed = $seed, d.loadedAt = datetime()")
                .bind(SEED).to("seed").run();
        log.info("Loaded demo data (示例数据): {} enterprises, {} supply relations, {} expansion events in {} ms",
                firms, supplies, demoEvents.size(), (System.nanoTime() - started) / 1_000_000);
        return true;
    }
}
