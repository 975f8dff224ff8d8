package com.chainatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;

import org.junit.jupiter.api.Test;

/** docs/import-formats.md documents every format and column the code accepts. */
class FormatDocsTest {

    /** The per-format column tables of docs/import-formats.md, generated from the catalogue. */
    static String tables() {
        StringBuilder md = new StringBuilder();
        for (ImportFormat f : ImportFormats.ALL) {
            md.append("### ").append(f.zh()).append(" — `").append(f.id()).append("`\n\n").append(f.description()).append(' ')
                    .append("Natural key: ").append(String.join(" + ", f.keyColumns().stream().map(k -> "`" + k + "`").toList()))
                    .append(". Template: `/api/import/templates/").append(f.id()).append(".xlsx` (or `.csv`).\n\n")
                    .append("| 列名 (header) | key | 必填 | 格式 | 单位 | 可选值 | 说明 | 示例 |\n|---|---|---|---|---|---|---|---|\n");
            for (Column c : f.columns()) {
                md.append("| ").append(c.zh()).append(" | `").append(c.key()).append("` | ").append(c.required() ? "是" : "")
                        .append(" | ").append(c.type().noteZh).append(c.ref() != null ? "；引用" + c.ref().zh : "")
                        .append(" | ").append(c.unit() == null ? "" : c.unit())
                        .append(" | ").append(String.join("、", new LinkedHashSet<>(c.choices().keySet())))
                        .append(" | ").append(c.note()).append(c.aliases().isEmpty() ? "" : "；也接受表头: " + String.join("、", c.aliases()))
                        .append(" | ").append(c.example()).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    public static void main(String[] args) {
        System.out.print(tables());
    }

    @Test
    void docsListEveryFormatAndColumn() throws Exception {
        String doc = Files.readString(Path.of("docs/import-formats.md"), StandardCharsets.UTF_8);
        assertThat(doc).as("regenerate the tables: java -cp ... com.chainatlas.ingest.FormatDocsTest").contains(tables());
    }
}
