package com.chainatlas.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.chainatlas.enterprise.Uscc;
import com.chainatlas.ingest.Fields;
import com.chainatlas.ingest.ImportFormats;
import com.chainatlas.ingest.Problem;
import com.chainatlas.ingest.RefKind;
import com.chainatlas.region.RegionCatalog;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chunked validation (row-local work on workers, the rest in file order) must report what the in-line
 * validation reports: the same rows, columns and reasons in the same order, wherever in the file (first
 * batch, across a batch boundary, last row) a bad row is, and with a bad row nothing is loaded.
 */
class BulkFileValidatorTest {

    static final int ENTERPRISES = 3_000;
    static final int SUPPLIES = 7_500;

    @TempDir
    Path dir;

    final ThreadPoolExecutor workers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    static String uscc(int i) {
        return Uscc.of("340104", 72_000_000L + i);
    }

    /** File row (2 = first data row) → replaced line of the supplies file. */
    static Map<Integer, String> badSupplies() {
        Map<Integer, String> bad = new LinkedHashMap<>();
        bad.put(2, uscc(1) + ",无此企业有限公司,ZC-P1,10");            // reference (worker)
        bad.put(1_000, uscc(2) + "," + uscc(2) + ",ZC-P1,10");         // row check (in order): last row of batch 1
        bad.put(1_001, uscc(3) + "," + uscc(40) + ",ZC-P1,-5");        // field (worker): first row of batch 2
        bad.put(4_500, supply(10));                                    // duplicate of row 12 (in order)
        bad.put(4_501, uscc(5) + "," + uscc(60) + ",ZC-NONE,abc");     // two problems in one row, in the importer's order
        bad.put(SUPPLIES + 1, uscc(7) + ",,ZC-P1,1");                  // required (worker): the last row
        return bad;
    }

    /** Data row i (file row i + 2): no two alike, never the same enterprise on both sides. */
    static String supply(int i) {
        int supplier = i % ENTERPRISES;
        return uscc(supplier) + "," + uscc((supplier + i / ENTERPRISES + 1) % ENTERPRISES) + ",ZC-P" + (i % 2 + 1) + "," + (i % 90 + 1);
    }

    static String suppliesFile(Map<Integer, String> bad) {
        StringBuilder b = new StringBuilder("供应商,客户,产品,年供货金额(万元)\n");
        for (int i = 0; i < SUPPLIES; i++) {
            b.append(bad.getOrDefault(i + 2, supply(i))).append('\n');
        }
        return b.toString();
    }

    static String enterprisesFile(Map<Integer, String> bad) {
        StringBuilder b = new StringBuilder("统一社会信用代码,企业名称,行政区划代码,营业收入(万元)\n");
        for (int i = 0; i < ENTERPRISES; i++) {
            b.append(bad.getOrDefault(i + 2, uscc(i) + ",校验企业" + i + "有限公司,340104," + (i % 500))).append('\n');
        }
        return b.toString();
    }

    static BulkRefs refs() {
        BulkRefs refs = new BulkRefs();
        refs.define(RefKind.CHAIN, "ZC", "ZC");
        refs.define(RefKind.SEGMENT, "ZC-S", "ZC");
        refs.define(RefKind.PRODUCT, "ZC-P1", "ZC");
        refs.define(RefKind.PRODUCT, "ZC-P2", "ZC");
        for (int i = 0; i < ENTERPRISES; i++) {
            refs.defineEnterprise(uscc(i), "校验企业" + i + "有限公司", null);
        }
        return refs;
    }

    BulkFileValidator.Outcome validate(String format, String text, BulkRefs refs, boolean chunked, List<BulkRow> out) throws Exception {
        Path file = Files.writeString(dir.resolve(format + (chunked ? "-chunked" : "-inline") + ".csv"), text);
        BulkFileValidator v = new BulkFileValidator(ImportFormats.find(format).orElseThrow(), new Fields(new RegionCatalog()), refs,
                chunked ? workers : null);
        return v.run(file, out::add);
    }

    @Test
    void aBadRowInAnyChunkIsReportedAtItsRowAsInLine() throws Exception {
        String text = suppliesFile(badSupplies());
        List<BulkRow> inlineRows = new ArrayList<>();
        BulkFileValidator.Outcome inline = validate("supplies", text, refs(), false, inlineRows);
        List<BulkRow> chunkedRows = new ArrayList<>();
        BulkFileValidator.Outcome chunked = validate("supplies", text, refs(), true, chunkedRows);
        assertThat(workers.getCompletedTaskCount()).as("batches parsed on the workers").isGreaterThan(5);

        assertThat(chunked.problems()).isEqualTo(inline.problems());
        assertThat(chunked.problemCount()).as(chunked.problems().toString()).isEqualTo(inline.problemCount()).isEqualTo(7);
        assertThat(chunked.rowsRead()).isEqualTo(inline.rowsRead()).isEqualTo(SUPPLIES);
        assertThat(chunked.problems()).extracting(Problem::row)
                .containsExactly(2, 1_000, 1_001, 4_500, 4_501, 4_501, SUPPLIES + 1);
        assertThat(chunked.problems()).extracting(Problem::column).containsExactly("B", "B", "D", "A", "D", "C", "B"); // fields before references
        assertThat(chunked.problems().get(1).reason()).isEqualTo("供应商与客户是同一家企业");
        assertThat(chunked.problems().get(3).reason()).startsWith("与第 12 行重复");
        // rows go out only until the first problem (the load then writes nothing)
        assertThat(chunkedRows).isEmpty();
        assertThat(inlineRows).isEmpty();
    }

    @Test
    void aValidFileGivesTheSameRowsInFileOrder() throws Exception {
        String text = suppliesFile(Map.of());
        List<BulkRow> inlineRows = new ArrayList<>();
        List<BulkRow> chunkedRows = new ArrayList<>();
        assertThat(validate("supplies", text, refs(), false, inlineRows).problemCount()).isZero();
        assertThat(validate("supplies", text, refs(), true, chunkedRows).problemCount()).isZero();
        assertThat(chunkedRows).hasSize(SUPPLIES).isEqualTo(inlineRows);
        for (int i = 0; i < SUPPLIES; i++) {
            assertThat(chunkedRows.get(i).rowNumber()).isEqualTo(i + 2);
        }
        assertThat(chunkedRows.get(9).values()).containsEntry("supplier", uscc(9)).containsEntry("amount", 10.0);
        // the writers number the ends from the references' enterprise numbers (definition order in refs())
        assertThat(chunkedRows.get(9).enterpriseNumber("supplier")).isEqualTo(9);
        assertThat(chunkedRows.get(9).enterpriseNumber("customer")).isEqualTo(10);
        assertThat(chunkedRows.get(9).enterpriseNumber("productId")).isEqualTo(BulkRefs.NONE);
    }

    @Test
    void enterprisesChunkedFindTheSameDuplicatesAndFieldProblems() throws Exception {
        Map<Integer, String> bad = new LinkedHashMap<>();
        bad.put(1_500, uscc(3) + ",重复有限公司,340104,1");           // duplicate credit code of row 5
        bad.put(2_001, ",无码企业有限公司,340104,1");                   // provisional key, first of its name
        bad.put(2_999, ",无码企业有限公司,340104,2");                   // same name and region, no code
        bad.put(3_001, uscc(2_999) + ",区划错有限公司,999999,-1");      // region and revenue, last row
        String text = enterprisesFile(bad);
        BulkFileValidator.Outcome inline = validate("enterprises", text, new BulkRefs(), false, new ArrayList<>());
        BulkFileValidator.Outcome chunked = validate("enterprises", text, new BulkRefs(), true, new ArrayList<>());
        assertThat(chunked.problems()).isEqualTo(inline.problems());
        assertThat(chunked.problems()).extracting(Problem::row).containsExactly(1_500, 2_999, 3_001, 3_001);
        assertThat(chunked.problems().get(0).reason()).startsWith("与第 5 行重复");
        assertThat(chunked.problems().get(1).reason()).startsWith("与第 2001 行同名同区划");
    }

    @Test
    void aBadRowInALaterChunkLoadsNothing() throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("chains", "产业链编号,名称\nZC,校验链\n");
        texts.put("segments", "环节编号,产业链编号,名称,环节位置\nZC-S,ZC,环节,上游\n");
        texts.put("products", "产品编号,名称,所属环节\nZC-P1,产品一,ZC-S\nZC-P2,产品二,ZC-S\n");
        texts.put("enterprises", enterprisesFile(Map.of()));
        texts.put("supplies", suppliesFile(Map.of(6_000, uscc(8) + "," + uscc(8) + ",ZC-P2,3")));
        Map<String, Path> files = new LinkedHashMap<>();
        for (var e : texts.entrySet()) {
            files.put(e.getKey(), Files.writeString(dir.resolve(e.getKey() + ".csv"), e.getValue()));
        }
        Path into = dir.resolve("db");
        BulkLoad.Result r = BulkLoad.load(into, files, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(r.loaded()).isFalse();
        assertThat(r.problems("supplies")).extracting(Problem::row).containsExactly(6_000);
        assertThat(r.problems("enterprises")).isEmpty();
        assertThat(into.resolve("data/databases/neo4j")).doesNotExist();
        assertThat(into.resolve("bulk-load-files")).doesNotExist();
    }
}
