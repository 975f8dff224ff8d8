package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Converts the real industry-chain data in {@code ../shared/data/industry-chain/} (not part of the
 * project; override with {@code -Dchainatlas.shared-data=DIR}) into supply-relation CSVs under
 * {@code target/linkprediction/} and runs the evaluation on them. Skips when the data is absent.
 *
 * <ul>
 * <li>product-inputs.csv: product X has input material Y (上游材料) → customer X, supplier Y.</li>
 * <li>company-supply.csv: company A makes X (主营产品), X has input Y, company B makes Y → B supplies A.</li>
 * </ul>
 * The tables are printed to this test's output (target/surefire-reports/*-output.txt); the CSVs
 * can be fed to {@link LinkPredictionEvaluation} directly.
 */
class IndustryChainSupplyDataTest {

    private static final Path DATA = Path.of(System.getProperty("chainatlas.shared-data", "../shared/data"), "industry-chain");
    private static final Path OUT = Path.of("target", "linkprediction");
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void productInputNetwork() throws IOException {
        assumeTrue(Files.isRegularFile(DATA.resolve("product_product.jsonl")), "no shared industry-chain data");
        Files.createDirectories(OUT);
        Path csv = OUT.resolve("product-inputs.csv");
        write(csv, productInputs());
        String table = evaluate(csv);
        assertThat(table).contains("l3-pop").contains("stack");
    }

    @Test
    void companySupplyNetwork() throws IOException {
        assumeTrue(Files.isRegularFile(DATA.resolve("company_product.jsonl")), "no shared industry-chain data");
        Files.createDirectories(OUT);
        Map<String, Set<String>> inputs = new LinkedHashMap<>();
        for (String[] rel : productInputs()) {
            inputs.computeIfAbsent(rel[0], k -> new LinkedHashSet<>()).add(rel[1]);
        }
        Map<String, Set<String>> makers = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DATA.resolve("company_product.jsonl"), StandardCharsets.UTF_8)) {
            Map<String, String> o = fields(line);
            if (o.containsKey("company_name") && o.containsKey("product_name")) {
                makers.computeIfAbsent(o.get("product_name"), k -> new LinkedHashSet<>()).add(o.get("company_name"));
            }
        }
        Set<List<String>> relations = new LinkedHashSet<>();
        makers.forEach((product, customers) -> {
            for (String input : inputs.getOrDefault(product, Set.of())) {
                for (String supplier : makers.getOrDefault(input, Set.of())) {
                    for (String customer : customers) {
                        if (!customer.equals(supplier)) {
                            relations.add(List.of(customer, supplier));
                        }
                    }
                }
            }
        });
        Path csv = OUT.resolve("company-supply.csv");
        write(csv, relations.stream().map(r -> r.toArray(String[]::new)).toList());
        assertThat(evaluate(csv)).contains("l3-pop").contains("stack");
    }

    private static List<String[]> productInputs() throws IOException {
        return Files.readAllLines(DATA.resolve("product_product.jsonl"), StandardCharsets.UTF_8).stream()
                .map(IndustryChainSupplyDataTest::fields)
                .filter(o -> "上游材料".equals(o.get("rel")) && o.containsKey("from_entity") && o.containsKey("to_entity"))
                .map(o -> new String[] {o.get("from_entity"), o.get("to_entity")})
                .toList();
    }

    private static Map<String, String> fields(String jsonLine) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(jsonLine);
        while (m.find()) {
            out.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return out;
    }

    private static void write(Path csv, List<String[]> relations) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("customer,supplier\n");
            for (String[] r : relations) {
                w.write(quote(r[0]) + "," + quote(r[1]) + "\n");
            }
        }
    }

    private static String quote(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }

    private static String evaluate(Path csv) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LinkPredictionEvaluation.run(new String[] {csv.toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(out);
        return out;
    }
}
