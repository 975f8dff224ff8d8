package com.chainatlas.ingest.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Property tests of the readers: random tables round-trip exactly; random bytes never crash. */
class CsvFuzzTest {

    private static final String ALPHABET = "ab,\"\n\r\t =+-@中文（）；、\u3000Ａ1";

    @TempDir
    Path dir;

    @Test
    void randomTablesWrittenAsCsvReadBackExactly() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 300; round++) {
            List<List<String>> table = new ArrayList<>();
            int cols = 1 + random.nextInt(5);
            table.add(List.of("h".repeat(cols).split("")));
            int rows = random.nextInt(20);
            for (int r = 0; r < rows; r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < cols; c++) {
                    StringBuilder sb = new StringBuilder();
                    int len = random.nextInt(8);
                    for (int i = 0; i < len; i++) {
                        sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                    row.add(sb.toString());
                }
                if (row.stream().allMatch(String::isEmpty) && cols == 1) {
                    row.set(0, "x"); // a lone empty cell is an empty line
                }
                table.add(row);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TableWriter w = TableWriter.csv(out)) {
                for (List<String> row : table) {
                    w.row(row);
                }
            }
            Path file = dir.resolve("r" + round + ".csv");
            Files.write(file, out.toByteArray());
            List<List<String>> back = new ArrayList<>();
            TableReader.open(file, "r.csv").read(r -> {
                assertThat(r.error()).isNull();
                back.add(r.cells().stream().map(TableWriter::unneutralise).toList());
            });
            assertThat(back).as("round " + round).isEqualTo(table);
        }
    }

    @Test
    void randomBytesEitherReadOrFailWithAFileProblem() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 300; round++) {
            byte[] bytes = new byte[random.nextInt(400)];
            for (int i = 0; i < bytes.length; i++) {
                // mostly text-like bytes, some high bytes, occasionally a zip header
                int k = random.nextInt(10);
                bytes[i] = (byte) (k < 6 ? "a,\"\n\r\t1中".getBytes()[random.nextInt(9)] : random.nextInt(256));
            }
            if (round % 10 == 0 && bytes.length > 4) {
                bytes[0] = 'P';
                bytes[1] = 'K';
                bytes[2] = 3;
                bytes[3] = 4;
            }
            Path file = dir.resolve("b" + round + ".csv");
            Files.write(file, bytes);
            try {
                TableReader.open(file, "b.csv").read(r -> assertThat(r.rowNumber()).isPositive());
            } catch (TableFileException expected) {
                assertThat(expected.detailZh()).isNotBlank();
            }
        }
    }
}
