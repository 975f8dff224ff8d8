package com.chainatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import com.chainatlas.enterprise.Uscc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/walkthrough.md, step by step, with the sample files of docs/samples on a fresh embedded Neo4j. */
class WalkthroughSamplesTest {

    static final Path SAMPLES = Path.of("docs/samples");

    @TempDir
    Path dir;

    private static ImportJob done(ImportJob job) {
        assertThat(job.phase).as(job.fileName + ": " + job.result).isEqualTo(ImportJob.Phase.DONE);
        assertThat(job.result.written()).isTrue();
        return job;
    }

    @Test
    void theWalkthroughFilesGoInAsDescribed() throws Exception {
        try (IngestHarness h = new IngestHarness(dir.resolve("db"), new ImportSettings(50_000, 1_000, 500, 20, 200), null)) {
            h.loadRegions();
            // a bundled-sample leftover, to be cleared in the end
            h.neo4j.query("CREATE (:Chain {id: 'ZS-DEMO', name: '示例链', sample: true})-[:HAS_SEGMENT]->(:Segment {id: 'ZS-DEMO-A', chainId: 'ZS-DEMO', name: '电芯'})").run();
            h.neo4j.query("CREATE (:Enterprise {uscc: $u, name: '示例企业', sample: true})").bind(Uscc.of("110105", 12)).to("u").run();

            done(h.importFile("chains", SAMPLES.resolve("chain.csv"), null));
            done(h.importFile("segments", SAMPLES.resolve("segments.csv"), null));
            assertThat(h.count("MATCH (s:Segment {chainId: 'WT-AUTO'}) RETURN count(s)")).isEqualTo(9);
            assertThat(h.count("MATCH (:Segment {id: 'WT-CHASSIS'})-[:PART_OF]->(:Segment {id: 'WT-PARTS'}) RETURN count(*)")).isEqualTo(1);
            ImportJob flows = done(h.importFile("flows", SAMPLES.resolve("flows.csv"), null));
            assertThat(flows.result.warningCount()).as("商用载货车 ⇄ 底盘系统").isEqualTo(2);
            assertThat(h.count("MATCH (:Segment {chainId: 'WT-AUTO'})-[f:FEEDS]->() RETURN count(f)")).isEqualTo(8);

            ImportJob firms = done(h.importFile("enterprises", SAMPLES.resolve("enterprises.csv"), "WT-AUTO"));
            assertThat(firms.result.rowsWritten()).isEqualTo(7);
            assertThat(firms.result.chainIds()).containsExactly("WT-AUTO");
            assertThat(h.count("MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment {chainId: 'WT-AUTO'}) RETURN count(DISTINCT e)")).isEqualTo(7);
            assertThat(h.count("MATCH (e:Enterprise {provisional: true}) RETURN count(e)")).isEqualTo(3);
            assertThat(h.count("MATCH (e:Enterprise) WHERE e.regionCode = '340121' AND e.revenue IS NULL RETURN count(e)"))
                    .as("unknown revenue stays unknown").isEqualTo(3);
            assertThat(h.neo4j.query("MATCH (e:Enterprise {name: '长丰示例新材料有限公司'}) RETURN e.mainProducts")
                    .fetchAs(String.class).one()).contains("改性 PP 专用料");
            assertThat(h.neo4j.query("MATCH (e:Enterprise {name: '长丰示例动力机械有限公司'}) RETURN e.revenue")
                    .fetchAs(Double.class).one()).contains(12_000.0);
            // idempotent
            done(h.importFile("enterprises", SAMPLES.resolve("enterprises.csv"), "WT-AUTO"));
            assertThat(h.count("MATCH (e:Enterprise) WHERE e.name STARTS WITH '长丰示例' OR e.name STARTS WITH '合肥示例' RETURN count(e)")).isEqualTo(7);

            done(h.importFile("enterprises", SAMPLES.resolve("enterprises-update.csv"), null));
            Map<String, Object> upgraded = h.neo4j.query("MATCH (e:Enterprise {name: '长丰示例内饰件有限公司'}) "
                    + "RETURN e.uscc AS uscc, e.provisional AS p, COUNT { (e)-[:IN_SEGMENT]->() } AS segs").fetch().one().orElseThrow();
            assertThat(Uscc.isValid((String) upgraded.get("uscc"))).isTrue();
            assertThat(upgraded.get("p")).isNull();
            assertThat(upgraded.get("segs")).isEqualTo(1L);
            assertThat(h.count("MATCH (e:Enterprise {provisional: true}) RETURN count(e)")).isEqualTo(2);

            Map<String, Long> removed = new SampleData(h.neo4j, h.events::add).clear();
            assertThat(removed).containsEntry("chains", 1L).containsEntry("segments", 1L).containsEntry("enterprises", 1L);
            assertThat(h.count("MATCH (c:Chain) RETURN count(c)")).isEqualTo(1);
            assertThat(h.count("MATCH (e:Enterprise) RETURN count(e)")).isEqualTo(7);
        }
    }
}
