package com.chainatlas.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Page count of a PDF (pdfinfo where present, else the /Type /Page objects) and pages as PNGs (pdftoppm). */
public final class PdfPages {

    private PdfPages() {
    }

    public static int count(Path pdf) throws Exception {
        if (Files.isExecutable(Path.of("/usr/bin/pdfinfo"))) {
            Process p = new ProcessBuilder("pdfinfo", pdf.toString()).redirectErrorStream(true).start();
            String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("Pages:\\s+(\\d+)").matcher(info);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        String raw = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("/Type\\s*/Page[^s]").matcher(raw);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Renders the first pages as PNG next to {@code prefix} (skipped without pdftoppm). */
    public static void render(Path pdf, Path prefix) throws Exception {
        if (Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-l", "6", pdf.toString(), prefix.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(120, TimeUnit.SECONDS);
        }
    }
}
