package com.chainatlas.ingest.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReaderTest {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    private List<RawRow> read(Path file, String name) {
        List<RawRow> rows = new ArrayList<>();
        TableReader.open(file, name).read(rows::add);
        return rows;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static List<List<String>> cells(List<RawRow> rows) {
        return rows.stream().map(RawRow::cells).toList();
    }

    @Test
    void utf8WithAndWithoutBomAndGbkReadTheSame() throws IOException {
        String text = "企业名称,简称\r\n合肥（示例）新能源科技有限公司,示例\r\n\"逗号,引号\"\"在内\",鑫源\r\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        List<RawRow> a = read(write("a.csv", utf8), "a.csv");
        List<RawRow> b = read(write("b.csv", bom), "b.csv");
        List<RawRow> c = read(write("c.csv", text.getBytes(GBK)), "c.csv");
        assertThat(cells(a)).isEqualTo(cells(b)).isEqualTo(cells(c));
        assertThat(a.get(2).cells()).containsExactly("逗号,引号\"在内", "鑫源");
        assertThat(((CsvTableReader) TableReader.open(write("c2.csv", text.getBytes(GBK)), "c2.csv")).charset().name())
                .isEqualTo("GB18030");
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030AreRefusedNotGarbled() throws IOException {
        byte[] bad = {'a', ',', 'b', '\n', (byte) 0xFF, (byte) 0xFF, (byte) 0x80, '\n'};
        assertThatThrownBy(() -> read(write("bad.csv", bad), "bad.csv"))
                .isInstanceOf(TableFileException.class)
                .satisfies(e -> assertThat(((TableFileException) e).detailZh()).contains("无法识别文件编码"));
    }

    @Test
    void rowNumbersCountRecordsAsExcelDoesAndQuotingErrorsStayOnTheirRow() throws IOException {
        String text = "a,b\n\"多\n行\",2\nx\"y,3\n\"ok\"tail,4\n5,6\n\"open,7\n8,9\n";
        List<RawRow> rows = read(write("q.csv", text.getBytes(StandardCharsets.UTF_8)), "q.csv");
        assertThat(rows.get(1).rowNumber()).isEqualTo(2);
        assertThat(rows.get(1).cells()).containsExactly("多\n行", "2");
        assertThat(rows.get(1).error()).isNull();
        assertThat(rows.get(2).rowNumber()).isEqualTo(3);
        assertThat(rows.get(2).error()).contains("引号");
        assertThat(rows.get(3).error()).contains("闭合引号后");
        assertThat(rows.get(4).error()).isNull();
        assertThat(rows.get(4).cells()).containsExactly("5", "6");
        assertThat(rows.get(5).rowNumber()).isEqualTo(6);
        assertThat(rows.get(5).error()).contains("引号未闭合");
    }

    @Test
    void tabSeparatedAndUtf16AreRead() throws IOException {
        byte[] utf16 = "\uFEFF名称\t编号\r\n甲\t1\r\n".getBytes(StandardCharsets.UTF_16LE);
        List<RawRow> rows = read(write("t.csv", utf16), "t.txt");
        assertThat(cells(rows)).containsExactly(List.of("名称", "编号"), List.of("甲", "1"));
    }

    @Test
    void emptyPdfLegacyXlsAndBinaryFilesGetClearMessages() throws IOException {
        assertThatThrownBy(() -> TableReader.open(write("e.csv", new byte[0]), "e.csv")).hasMessageContaining("empty");
        assertThatThrownBy(() -> TableReader.open(write("p.pdf", "%PDF-1.7".getBytes()), "p.pdf")).hasMessageContaining("PDF");
        assertThatThrownBy(() -> TableReader.open(write("x.xls", new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}), "x.xls"))
                .hasMessageContaining(".xls");
        assertThatThrownBy(() -> read(write("bin.csv", new byte[]{1, 2, 0, 3, 0}), "bin.csv")).isInstanceOf(TableFileException.class);
        assertThatThrownBy(() -> TableReader.open(write("n.xlsx", "just text".getBytes()), "n.xlsx")).isInstanceOf(TableFileException.class);
        assertThatThrownBy(() -> read(write("z.xlsx", new byte[]{'P', 'K', 3, 4, 1, 2, 3}), "z.xlsx")).isInstanceOf(TableFileException.class);
    }

    @Test
    void xlsxIsStreamedWithStoredValuesNotDisplayFormats() throws IOException {
        Path file = dir.resolve("w.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("数据");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("名称");
            header.createCell(1).setCellValue("收入");
            header.createCell(2).setCellValue("日期");
            var row = sheet.createRow(2); // row 2 (Excel numbering: 3); row 2 left blank
            row.createCell(0).setCellValue("合肥示例");
            var money = row.createCell(1);
            money.setCellValue(1234567.891);
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            money.setCellStyle(style);
            var date = row.createCell(2);
            date.setCellValue(LocalDate.of(2021, 10, 19));
            var dstyle = wb.createCellStyle();
            dstyle.setDataFormat((short) 14);
            date.setCellStyle(dstyle);
            sheet.createRow(3).createCell(2).setCellValue("only C");
            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("ignored");
            wb.write(out);
        }
        List<RawRow> rows = read(file, "w.xlsx");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).rowNumber()).isEqualTo(3);
        assertThat(rows.get(1).cells()).containsExactly("合肥示例", "1234567.891", "2021-10-19");
        assertThat(rows.get(2).cells()).containsExactly("", "", "only C");
    }

    @Test
    void zipBombIsRejected() throws IOException {
        Path ok = validXlsx();
        Path bomb = dir.resolve("bomb.xlsx");
        StringBuilder huge = new StringBuilder("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        huge.append(" ".repeat(20_000_000));
        huge.append("</sheetData></worksheet>");
        rewrite(ok, bomb, "xl/worksheets/sheet1.xml", huge.toString().getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read(bomb, "bomb.xlsx")).isInstanceOf(TableFileException.class)
                .satisfies(e -> assertThat(((TableFileException) e).detailZh()).contains("压缩炸弹"));
    }

    @Test
    void xmlEntitiesAreRejected() throws IOException {
        Path ok = validXlsx();
        Path xxe = dir.resolve("xxe.xlsx");
        String sheet = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\"><!ENTITY l \"lol\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;&l;</t></is></c></row></sheetData></worksheet>";
        rewrite(ok, xxe, "xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read(xxe, "xxe.xlsx")).isInstanceOf(TableFileException.class)
                .satisfies(e -> assertThat(((TableFileException) e).detailZh()).contains("XML"));
    }

    private Path validXlsx() throws IOException {
        Path file = dir.resolve("ok.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("a").createRow(0).createCell(0).setCellValue("x");
            wb.write(out);
        }
        return file;
    }

    private static void rewrite(Path from, Path to, String entry, byte[] content) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    out.write(content);
                } else {
                    try (InputStream in = zip.getInputStream(e)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }

    @Test
    void writtenCsvAndXlsxNeutraliseFormulasAndReadBack() throws IOException {
        List<String> evil = List.of("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "normal", "=HYPERLINK(\"http://x\")");
        for (String ext : List.of("csv", "xlsx")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TableWriter w = TableWriter.of(ext, bytes, "s")) {
                w.row(List.of("h"));
                for (String v : evil) {
                    w.row(List.of(v));
                }
            }
            Path file = write("f." + ext, bytes.toByteArray());
            List<RawRow> rows = read(file, "f." + ext);
            for (int i = 0; i < evil.size(); i++) {
                String cell = rows.get(i + 1).cell(0);
                // CSV: a leading apostrophe; .xlsx: the text itself in a quote-prefixed string cell (no visible ').
                String expected = i == 6 || ext.equals("xlsx") ? evil.get(i) : "'" + evil.get(i);
                assertThat(cell).as(ext + " " + evil.get(i)).isEqualTo(expected);
                assertThat(TableWriter.unneutralise(cell)).isEqualTo(evil.get(i));
            }
            if (ext.equals("xlsx")) {
                try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                    for (int i = 0; i < evil.size(); i++) {
                        assertThat(wb.getSheetAt(0).getRow(i + 1).getCell(0).getCellStyle().getQuotePrefixed())
                                .as("quote prefix " + evil.get(i)).isEqualTo(i != 6);
                    }
                }
            }
            if (ext.equals("csv")) {
                assertThat(bytes.toByteArray()[0]).isEqualTo((byte) 0xEF); // BOM
            }
        }
    }
}
