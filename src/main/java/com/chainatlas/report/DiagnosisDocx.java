package com.chainatlas.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import com.chainatlas.analysis.DiagnosisModel.ChainFigures;
import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.ExtendCandidate;
import com.chainatlas.analysis.DiagnosisModel.Reason;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;
import com.chainatlas.analysis.DiagnosisModel.SegmentFigures;
import com.chainatlas.analysis.Flag;
import com.chainatlas.analysis.Verdict;
import com.chainatlas.innovation.Pairing;
import com.chainatlas.targeting.TargetModel.TargetRow;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Writes the 诊断报告 as a Word document (POI XWPF; opens in Word and WPS): title, chain, region, date and data
 * version; summary figures; the chain map picture; the verdict table with reasons; 延链 candidates; top targets
 * with reasons; R&D pairing; and what was unknown. A figure nobody gave is written 未知, never 0.
 */
final class DiagnosisDocx {

    private static final String FONT = "宋体";
    private static final String HEADING_FONT = "黑体";
    /** A4 portrait, 2 cm margins: text width in twentieths of a point. */
    private static final int PAGE_W = 11906;
    private static final int PAGE_H = 16838;
    private static final int MARGIN = 1134;
    private static final int TEXT_W = PAGE_W - 2 * MARGIN;

    private final XWPFDocument doc = new XWPFDocument();

    private DiagnosisDocx() {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_W));
        size.setH(BigInteger.valueOf(PAGE_H));
        CTPageMar mar = sect.addNewPgMar();
        for (var m : List.of("top", "bottom", "left", "right")) {
            BigInteger v = BigInteger.valueOf(MARGIN);
            switch (m) {
                case "top" -> mar.setTop(v);
                case "bottom" -> mar.setBottom(v);
                case "left" -> mar.setLeft(v);
                default -> mar.setRight(v);
            }
        }
    }

    static void write(ReportContent c, OutputStream out) throws IOException {
        DiagnosisDocx w = new DiagnosisDocx();
        try (w.doc) {
            w.build(c);
            w.doc.write(out);
        }
    }

    private void build(ReportContent c) throws IOException {
        Diagnosis d = c.diagnosis();
        String chain = d.chainName() == null ? d.chainId() : d.chainName();
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        run(title, chain + "产业链诊断报告", HEADING_FONT, 22, true);
        XWPFParagraph sub = doc.createParagraph();
        sub.setAlignment(ParagraphAlignment.CENTER);
        run(sub, d.region().fullName() + (d.zone() == null ? "" : " · " + d.zone()), FONT, 14, false);
        XWPFParagraph meta = doc.createParagraph();
        meta.setAlignment(ParagraphAlignment.CENTER);
        run(meta, "生成日期 " + DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").format(c.generatedAt()) + "（北京时间）　数据快照版本 "
                + d.snapshot().version() + "（构建于 " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(
                d.snapshot().builtAt().atZone(c.generatedAt().getZone())) + "）", FONT, 10, false);
        if (c.sampleData()) {
            XWPFParagraph note = doc.createParagraph();
            note.setAlignment(ParagraphAlignment.CENTER);
            run(note, "注意: 本链为系统生成的示例数据，仅供演示，不代表真实情况", FONT, 10, true).setColor("C0392B");
        }

        summary(d);
        heading("二、产业链图谱（按诊断结论着色）");
        byte[] png = ChainMapPicture.png(d);
        int[] px = ChainMapPicture.size(png);
        double widthPt = TEXT_W / 20.0;
        double heightPt = widthPt * px[1] / px[0];
        XWPFParagraph pic = doc.createParagraph();
        pic.setAlignment(ParagraphAlignment.CENTER);
        try {
            pic.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, "chain-map.png",
                    Units.toEMU(widthPt), Units.toEMU(heightPt));
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        verdicts(d);
        extend(d);
        targets(c);
        pairing(c);
        unknowns(c);
    }

    private void summary(Diagnosis d) {
        heading("一、概况");
        ChainFigures f = d.figures();
        Double localRevenue = number(f.localRevenue());
        Double localShare = f.sourcing() == null ? null : f.sourcing().localShare();
        Double localShareByAmount = f.sourcing() == null ? null : f.sourcing().localShareByAmount();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("指标", "数值", "说明"));
        rows.add(List.of("环节完整度", pct(f.completeness()), f.coveredLeafSegments() + " / " + f.leafSegments() + " 个末级环节有本地企业"));
        rows.add(List.of("关键环节加权完整度", pct(f.completenessKeyWeighted()), "关键环节权重加倍"));
        rows.add(List.of("本地企业数", f.localEnterprises() + " 家", "全国 " + f.nationalEnterprises() + " 家"));
        rows.add(List.of("本地营业收入", money(localRevenue), localRevenue == null ? "本地企业均未提供营收" : "只合计已知营收"));
        rows.add(List.of("本地配套率（按关系数）", pct(localShare), f.sourcing() == null ? "无供需关系数据"
                : "本地企业的 " + f.sourcing().relations() + " 条采购关系中，本地供给 " + f.sourcing().localRelations() + " 条"));
        rows.add(List.of("本地配套率（按金额）", pct(localShareByAmount), f.sourcing() == null || f.sourcing().relationsWithAmount() == 0
                ? "采购金额未知" : f.sourcing().relationsWithAmount() + " 条关系有金额"));
        // No counts at all means the diagnosis did not classify segments: say unknown rather than print zeros.
        String counts = f.verdictCounts() == null ? "未知" : java.util.Arrays.stream(Verdict.values())
                .map(v -> v.zh() + " " + f.verdictCounts().getOrDefault(v, 0))
                .collect(Collectors.joining("，"));
        rows.add(List.of("环节结论分布", counts, "末级环节"));
        List<SegmentDiagnosis> leaders = d.segments().stream().filter(SegmentDiagnosis::leaf)
                .filter(s -> s.figures() != null && s.figures().lqByCount() != null)
                .sorted(Comparator.comparing((SegmentDiagnosis s) -> s.figures().lqByCount()).reversed()).limit(5).toList();
        rows.add(List.of("区位熵（LQ）领先环节", leaders.isEmpty() ? "未知" : leaders.stream()
                .map(s -> s.name() + " " + fixed(s.figures().lqByCount(), 2)).collect(Collectors.joining("、")),
                "按企业数计算；LQ > 1 表示本地比重高于全国"));
        table(rows, new int[]{24, 30, 46});
    }

    private void verdicts(Diagnosis d) {
        heading("三、环节诊断");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("环节", "阶段", "结论", "标记", "本地企业", "LQ", "理由"));
        for (SegmentDiagnosis s : d.segments()) {
            if (!s.leaf()) {
                continue;
            }
            SegmentFigures f = s.figures();
            rows.add(List.of((s.key() ? "★" : "") + s.name(), s.stage() == null ? "" : s.stage().zh(),
                    s.verdictZh() + "（" + s.actionZh() + "）",
                    s.flags().stream().map(DiagnosisDocx::flag).collect(Collectors.joining("、")),
                    f == null ? "未知" : f.localEnterprises() + " 家",
                    f == null || f.lqByCount() == null ? "—" : fixed(f.lqByCount(), 2),
                    s.reasons().stream().map(Reason::zh).filter(Objects::nonNull).collect(Collectors.joining("；"))));
        }
        table(rows, new int[]{13, 7, 14, 9, 8, 8, 41});
        note("★ 为关键环节。标记: 延链 = 与优势环节相邻的空白/薄弱环节；供给集中 = 全国供给集中在少数企业或一省，或为流向瓶颈；"
                + "卡脖子 = 供给集中且本地主要靠外地供给。LQ 为按企业数计算的区位熵，“—”表示无法计算。");
    }

    /** 延链 candidates in the report. */
    static final int EXTEND_ROWS = 15;

    private void extend(Diagnosis d) {
        heading("四、延链方向");
        if (d.extendCandidates() == null || d.extendCandidates().isEmpty()) {
            note("本次诊断没有延链候选环节。");
            return;
        }
        if (d.extendRanking() != null) {
            note(d.extendRanking().noteZh());
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("序号", "环节", "结论", "依据"));
        // the model makes every missing or weak leaf a candidate: the first ones are what a meeting reads
        for (ExtendCandidate e : d.extendCandidates().stream().limit(EXTEND_ROWS).toList()) {
            rows.add(List.of(String.valueOf(e.rank()), (e.key() ? "★" : "") + e.name(), e.verdict().zh(),
                    e.reasonZh()));
        }
        table(rows, new int[]{7, 18, 9, 66});
    }

    private void targets(ReportContent c) {
        heading("五、重点招商对象（前 " + c.targets().size() + " 家）");
        if (c.targets().isEmpty()) {
            note("没有需要补链、强链或延链的环节，或这些环节在外地没有企业。");
            return;
        }
        note("评分预设: " + c.presetText() + "；共 " + c.targetTotal() + " 家候选，完整清单可在系统中导出。");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("排名", "企业", "所在地", "环节", "方向", "总分", "入选理由"));
        for (TargetRow r : c.targets()) {
            rows.add(List.of(String.valueOf(r.rank()), r.name(), r.regionName(), r.segmentName(), r.purposeZh(),
                    fixed(r.score(), 1), r.reasonText()));
        }
        table(rows, new int[]{6, 20, 14, 11, 6, 7, 36});
    }

    private void pairing(ReportContent c) {
        heading("六、研发配对（空白、薄弱环节的研发机构）");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("环节", "研发机构", "所在地", "区位", "配对理由"));
        if (c.pairing() != null) {
            for (Pairing.SegmentPairing sp : c.pairing().segments()) {
                for (Pairing.PairedInstitution i : sp.institutions()) {
                    rows.add(List.of(sp.segment().name(), i.name(), i.regionName() == null ? "" : i.regionName(),
                            i.tier().label(), i.reason()));
                }
            }
        }
        if (rows.size() == 1) {
            note("空白、薄弱环节没有可配对的研发机构（或没有空白、薄弱环节）。");
            return;
        }
        table(rows, new int[]{14, 24, 14, 10, 38});
        if (c.pairing() != null) {
            note(c.pairing().scoreRule());
        }
    }

    private void unknowns(ReportContent c) {
        heading("七、关于未知数据");
        for (String line : c.unknownNotes()) {
            bullet(line);
        }
    }

    // --- building blocks -------------------------------------------------------------------------------------

    private void heading(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(240);
        p.setSpacingAfter(120);
        // keep a heading on the page of what it heads (the map picture, the first table rows)
        (p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr()).addNewKeepNext();
        run(p, text, HEADING_FONT, 14, true);
    }

    private void note(String text) {
        XWPFParagraph p = doc.createParagraph();
        run(p, text, FONT, 9, false).setColor("555555");
    }

    private void bullet(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationLeft(240);
        run(p, "• " + text, FONT, 10.5, false);
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        r.setBold(bold);
        return r;
    }

    /** A bordered table with a bold, repeated header row; {@code percent} are the column widths in % of the text width. */
    private void table(List<List<String>> rows, int[] percent) {
        XWPFTable t = doc.createTable(rows.size(), percent.length);
        CTTblWidth tw = t.getCTTbl().getTblPr().isSetTblW() ? t.getCTTbl().getTblPr().getTblW() : t.getCTTbl().getTblPr().addNewTblW();
        tw.setType(STTblWidth.DXA);
        tw.setW(BigInteger.valueOf(TEXT_W));
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = t.getRow(r);
            if (r == 0) {
                row.setRepeatHeader(true);
            }
            row.setCantSplitRow(true);
            for (int col = 0; col < percent.length; col++) {
                XWPFTableCell cell = row.getCell(col);
                cell.setWidth(String.valueOf(TEXT_W * percent[col] / 100));
                if (r == 0) {
                    cell.setColor("DCE3EA");
                }
                XWPFParagraph p = cell.getParagraphs().get(0);
                String text = col < rows.get(r).size() ? rows.get(r).get(col) : "";
                run(p, text == null ? "" : text, FONT, 9, r == 0);
            }
        }
        doc.createParagraph();
    }

    /** A flag's label; CRITICAL reads 供给集中 so it is not confused with 关键环节 (the ★ key segments). */
    static String flag(Flag f) {
        return f == Flag.CRITICAL ? "供给集中" : f.zh();
    }

    static Double number(Number n) {
        return n == null ? null : n.doubleValue();
    }

    static String pct(Double x) {
        return x == null ? "未知" : String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }

    static String fixed(Double x, int digits) {
        return x == null ? "未知" : String.format(Locale.ROOT, "%." + digits + "f", x);
    }

    /** 万元 in words: 12.3 亿元 or 850 万元; unknown stays 未知. */
    static String money(Double wan) {
        if (wan == null) {
            return "未知";
        }
        return wan >= 10_000 ? String.format(Locale.ROOT, "%.1f 亿元", wan / 10_000) : String.format(Locale.ROOT, "%.0f 万元", wan);
    }
}
