package com.chainatlas.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;
import com.chainatlas.analysis.Flag;
import com.chainatlas.analysis.Verdict;
import com.chainatlas.chain.Stage;

/**
 * The chain map as a picture for the report, drawn with Java2D: one column per stage (上游 → 中游 → 下游),
 * each parent segment a group with its leaf segments as boxes coloured by verdict and labelled with name,
 * verdict and flags, and a legend. Text in a CJK font found on the machine (WenQuanYi Zen Hei), else a
 * logical font.
 */
final class ChainMapPicture {

    static final Map<Verdict, Color> FILL = new EnumMap<>(Map.of(
            Verdict.MISSING, new Color(0xF8D7D7), Verdict.WEAK, new Color(0xFCE8C8),
            Verdict.PRESENT, new Color(0xE4ECF5), Verdict.STRONG, new Color(0xD3EFD9)));
    static final Map<Verdict, Color> EDGE = new EnumMap<>(Map.of(
            Verdict.MISSING, new Color(0xC0392B), Verdict.WEAK, new Color(0xD68910),
            Verdict.PRESENT, new Color(0x5D7FA3), Verdict.STRONG, new Color(0x1E8449)));

    private static final String[] CJK_FONTS = {"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"};
    private static final Font BASE = loadFont();

    private static final int COLUMN = 330;
    private static final int GAP = 46;
    private static final int MARGIN = 24;
    private static final int BOX = 30;
    private static final int TITLE = 44;

    private ChainMapPicture() {
    }

    /** The first CJK font file present, else the logical SansSerif (which may lack CJK glyphs). */
    static Font loadFont() {
        for (String path : CJK_FONTS) {
            File f = new File(path);
            if (f.canRead()) {
                try {
                    return Font.createFont(Font.TRUETYPE_FONT, f);
                } catch (Exception e) {
                    // try the next one
                }
            }
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }

    static String fontName() {
        return BASE.getFontName();
    }

    /** One group of a column: a parent segment (or null for top-level leaves) and its leaves. */
    private record Group(SegmentDiagnosis parent, List<SegmentDiagnosis> leaves) {
    }

    /** PNG bytes of the map. */
    static byte[] png(Diagnosis d) {
        Map<Stage, List<Group>> columns = columns(d);
        int height = 0;
        for (List<Group> groups : columns.values()) {
            height = Math.max(height, columnHeight(groups));
        }
        int width = 2 * MARGIN + 3 * COLUMN + 2 * GAP;
        int total = MARGIN + TITLE + height + 70;
        BufferedImage img = new BufferedImage(width, total, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, total);
            int x = MARGIN;
            for (Stage stage : Stage.values()) {
                drawColumn(g, stage, columns.get(stage), x, MARGIN);
                if (stage != Stage.DOWNSTREAM) {
                    arrow(g, x + COLUMN + 8, MARGIN + 16, x + COLUMN + GAP - 8);
                }
                x += COLUMN + GAP;
            }
            legend(g, MARGIN, MARGIN + TITLE + height + 24);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Pixel size of the picture, for placing it in the document. */
    static int[] size(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(png));
            return new int[]{img.getWidth(), img.getHeight()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Stage, List<Group>> columns(Diagnosis d) {
        Map<String, SegmentDiagnosis> byId = new LinkedHashMap<>();
        d.segments().forEach(s -> byId.put(s.segmentId(), s));
        Map<Stage, List<Group>> columns = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            columns.put(s, new ArrayList<>());
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (SegmentDiagnosis s : d.segments()) {
            if (!s.leaf()) {
                continue;
            }
            SegmentDiagnosis parent = s.parentId() == null ? null : byId.get(s.parentId());
            String key = parent == null ? "leaf:" + s.segmentId() : parent.segmentId();
            Group group = groups.get(key);
            if (group == null) {
                group = new Group(parent, new ArrayList<>());
                groups.put(key, group);
                columns.get(s.stage() == null ? Stage.MIDSTREAM : s.stage()).add(group);
            }
            group.leaves().add(s);
        }
        return columns;
    }

    private static int columnHeight(List<Group> groups) {
        int h = 0;
        for (Group gr : groups) {
            h += (gr.parent() == null ? 0 : 26) + gr.leaves().size() * (BOX + 6) + 14;
        }
        return h;
    }

    private static void drawColumn(Graphics2D g, Stage stage, List<Group> groups, int x, int y) {
        g.setFont(BASE.deriveFont(Font.BOLD, 18f));
        g.setColor(new Color(0x2C3E50));
        g.fillRoundRect(x, y, COLUMN, 32, 8, 8);
        g.setColor(Color.WHITE);
        centred(g, stage.zh(), x, y, COLUMN, 32);
        int cy = y + TITLE;
        for (Group gr : groups) {
            int top = cy;
            if (gr.parent() != null) {
                g.setFont(BASE.deriveFont(Font.BOLD, 14f));
                g.setColor(new Color(0x34495E));
                g.drawString(fit(g, gr.parent().name(), COLUMN - 16), x + 8, cy + 18);
                cy += 26;
            }
            for (SegmentDiagnosis s : gr.leaves()) {
                box(g, s, x + (gr.parent() == null ? 0 : 10), cy, COLUMN - (gr.parent() == null ? 0 : 20));
                cy += BOX + 6;
            }
            if (gr.parent() != null) {
                g.setColor(new Color(0xBFC9D4));
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{4f, 3f}, 0f));
                g.drawRoundRect(x, top, COLUMN, cy - top + 2, 10, 10);
                g.setStroke(new BasicStroke(1f));
            }
            cy += 14;
        }
    }

    private static void box(Graphics2D g, SegmentDiagnosis s, int x, int y, int w) {
        Verdict v = s.verdict();
        g.setColor(FILL.get(v));
        g.fillRoundRect(x, y, w, BOX, 8, 8);
        g.setColor(EDGE.get(v));
        g.setStroke(new BasicStroke(s.key() ? 2.5f : 1.2f));
        g.drawRoundRect(x, y, w, BOX, 8, 8);
        g.setStroke(new BasicStroke(1f));
        StringBuilder tail = new StringBuilder(v.zh());
        for (Flag f : s.flags()) {
            tail.append(" · ").append(DiagnosisDocx.flag(f));
        }
        g.setFont(BASE.deriveFont(Font.BOLD, 12f));
        FontMetrics tm = g.getFontMetrics();
        int tailWidth = tm.stringWidth(tail.toString());
        g.drawString(tail.toString(), x + w - tailWidth - 8, y + 20);
        g.setFont(BASE.deriveFont(Font.PLAIN, 13f));
        g.setColor(new Color(0x1B2631));
        String name = (s.key() ? "★ " : "") + s.name();
        g.drawString(fit(g, name, w - tailWidth - 24), x + 8, y + 20);
    }

    private static void legend(Graphics2D g, int x, int y) {
        g.setFont(BASE.deriveFont(Font.PLAIN, 13f));
        int cx = x;
        for (Verdict v : Verdict.values()) {
            g.setColor(FILL.get(v));
            g.fillRoundRect(cx, y, 28, 18, 6, 6);
            g.setColor(EDGE.get(v));
            g.drawRoundRect(cx, y, 28, 18, 6, 6);
            g.setColor(new Color(0x1B2631));
            String label = v.zh() + "（" + v.actionZh() + "）";
            g.drawString(label, cx + 34, y + 14);
            cx += 34 + g.getFontMetrics().stringWidth(label) + 24;
        }
        g.drawString("★ 关键环节（粗边框）   标记: 延链 = 与优势环节相邻的空白/薄弱环节；供给集中 = 全国供给集中或流向瓶颈；卡脖子 = 供给集中且主要靠外地供给",
                x, y + 42);
    }

    private static void arrow(Graphics2D g, int x1, int y, int x2) {
        g.setColor(new Color(0x7F8C8D));
        g.setStroke(new BasicStroke(3f));
        g.drawLine(x1, y, x2 - 6, y);
        g.fillPolygon(new int[]{x2, x2 - 10, x2 - 10}, new int[]{y, y - 7, y + 7}, 3);
        g.setStroke(new BasicStroke(1f));
    }

    private static void centred(Graphics2D g, String text, int x, int y, int w, int h) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, x + (w - m.stringWidth(text)) / 2, y + (h - m.getHeight()) / 2 + m.getAscent());
    }

    /** The text, cut with "…" to fit the width. */
    private static String fit(Graphics2D g, String text, int width) {
        FontMetrics m = g.getFontMetrics();
        if (m.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && m.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
