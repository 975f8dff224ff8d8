package com.chainatlas.targeting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.chainatlas.chain.ChainService;
import com.chainatlas.ingest.table.TableWriter;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.targeting.TargetModel.LocalPartner;
import com.chainatlas.targeting.TargetModel.TargetQuery;
import com.chainatlas.targeting.TargetModel.TargetRow;

import org.springframework.stereotype.Component;

/**
 * Writes a target list (a saved one, or a ranking straight from the query) as .xlsx or .csv: one row per
 * target with each score part, the reasons in words, the local partners, and empty contact columns for the
 * team to fill in on their visits. A figure nobody gave is an empty cell, never 0. The .xlsx carries a 说明
 * sheet in Chinese: chain and region names, the preset and its weights, the filters, Beijing time, the data
 * version and how the score is made.
 */
@Component
class TargetListExporter {

    static final List<String> HEADER = List.of("排名", "企业名称", "统一社会信用代码", "省份", "城市", "区县", "环节",
            "招商方向", "总分", "规模分", "质量分", "创新分", "本地关联分", "预测关联分", "区位分", "环节优先分",
            "入选理由", "本地合作企业", "预计可供货本地企业", "年营收(万元)", "员工数", "资质标签", "专利数",
            "扩张信号分", "扩张信号", "联系人", "联系电话", "拜访记录");

    static final String SCORE_RULES = "总分 = 各分项之和，每个分项 = 权重 × 0–1 的评级。规模: 营收（占 70%）与员工数（占 30%）"
            + "的对数相对本次候选中最大者；某项未知时不计入，由已知一项单独评级，都未知则为 0 并在入选理由中注明。"
            + "质量: 最高资质（500强 1、上市 0.8、专精特新小巨人 0.8、专精特新 0.5、高新技术企业 0.3）每多一项加 0.1。"
            + "创新: 专利数对数（70%，未知时不计入）与研发机构合作数（最多 3 家，30%）。本地关联: 与本地企业已有供需关系，每家 1/3。"
            + "预测关联: 链路预测得分相对最高者。区位: 同省 1、邻省 0.6、其他 0.4 ×（1 − 省会距离/3000 公里）。"
            + "环节优先: 补链 1、强链 0.7、延链 0.5、自选 0.6，关键环节加 0.2。"
            + "扩张信号: 企业近期扩张事件（融资、扩产/新建项目 1，对外投资 0.8，新设分支机构 0.7，中标 0.5，招聘 0.4，专利授权 0.3；"
            + "金额已知时按对数另加至多 0.5，10 亿元加满，金额未知不加也不扣）按新近程度衰减（每过半衰期减半）后相加，满 2 为满分；"
            + "没有事件的企业此项为 0，不作扣分。同分时营收已知且较大者在前，营收未知者排在已知者之后。";

    /** What the list is, for the 说明 sheet. {@code name} is null for a ranking exported straight from a query. */
    record Meta(String name, String author, String chainId, String chainName, String regionCode, String preset,
                TargetWeights weights, TargetQuery query, long snapshotVersion, int total, Instant generatedAt) {
    }

    private final RegionCatalog regions;
    private final ChainService chains;
    private final com.chainatlas.signal.ExpansionSignals signals;

    TargetListExporter(RegionCatalog regions, ChainService chains, com.chainatlas.signal.ExpansionSignals signals) {
        this.regions = regions;
        this.chains = chains;
        this.signals = signals;
    }

    /** The chain's name, or its id when the chain has gone since. */
    String chainName(String chainId) {
        try {
            return chains.chain(chainId).name();
        } catch (RuntimeException e) {
            return chainId;
        }
    }

    /** Writes the header, every row {@code rows} hands over (in rank order), and the 说明 sheet. */
    void write(Meta meta, Consumer<Consumer<TargetRow>> rows, String ext, OutputStream out) throws IOException {
        try (TableWriter w = TableWriter.streaming(ext, out, "招商清单", "说明")) {
            w.row(HEADER);
            try {
                rows.accept(row -> {
                    try {
                        w.row(cells(row));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            w.notes("说明", notes(meta));
        }
    }

    private List<List<String>> notes(Meta m) {
        List<List<String>> n = new ArrayList<>();
        if (m.name() != null) {
            n.add(List.of("清单名称", m.name()));
            n.add(List.of("创建人", m.author() == null ? "" : m.author()));
        } else {
            n.add(List.of("清单", "按查询条件即时导出（未保存）"));
        }
        n.add(List.of("产业链", m.chainName() == null || m.chainName().equals(m.chainId()) ? m.chainId() : m.chainName()));
        n.add(List.of("地区", regions.fullName(m.regionCode())));
        n.add(List.of("评分预设", presetText(m.preset(), m.weights())));
        n.add(List.of("筛选条件", filters(m.query())));
        n.add(List.of("候选企业数", String.valueOf(m.total())));
        n.add(List.of("生成时间", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(m.generatedAt().atZone(
                com.chainatlas.ingest.ExportService.ZONE)) + "（北京时间）"));
        n.add(List.of("数据快照版本", m.snapshotVersion() + "（分析快照，每次导入数据后递增）"));
        n.add(List.of("空白单元格", "空白表示未知（没有人提供该数值），不是 0"));
        n.add(List.of("评分说明", SCORE_RULES));
        n.add(List.of("扩张信号半衰期", num(signals.scoring().halfLifeDays()) + " 天（设置 chainatlas.targeting.signal-half-life-days）"));
        return n;
    }

    /** "均衡（规模 25、质量 15、…）"; a custom weighting is 自定义. */
    static String presetText(String preset, TargetWeights w) {
        TargetWeights.Preset p = preset == null ? null : TargetWeights.presets().get(preset);
        String name = p == null ? "自定义权重" : p.name();
        return name + "（规模 " + num(w.scale()) + "、质量 " + num(w.quality()) + "、创新 " + num(w.innovation())
                + "、本地关联 " + num(w.ties()) + "、预测关联 " + num(w.predicted()) + "、区位 " + num(w.proximity())
                + "、环节优先 " + num(w.priority()) + "、扩张信号 " + num(w.signals()) + "）";
    }

    private String filters(TargetQuery q) {
        if (q == null) {
            return "无";
        }
        List<String> f = new ArrayList<>();
        if (q.zone() != null && !q.zone().isBlank()) {
            f.add("开发区 " + q.zone());
        }
        if (!q.segments().isEmpty()) {
            f.add("自选环节 " + String.join("、", q.segments()));
        } else {
            f.add("环节: 诊断为缺失、薄弱或延链方向的环节");
        }
        if (!q.includeProvinces().isEmpty()) {
            f.add("只看 " + q.includeProvinces().stream().map(this::name).collect(Collectors.joining("、")));
        }
        if (!q.excludeProvinces().isEmpty()) {
            f.add("排除 " + q.excludeProvinces().stream().map(this::name).collect(Collectors.joining("、")));
        }
        if (q.sizeBand() != null) {
            f.add("规模 " + switch (q.sizeBand()) {
                case "LARGE" -> "大型（营收 ≥ 4 亿）";
                case "MEDIUM" -> "中型（2,000 万–4 亿）";
                case "SMALL" -> "小型（< 2,000 万）";
                default -> "营收未知";
            });
        }
        if (!q.tags().isEmpty()) {
            f.add("资质 " + String.join("、", q.tags()));
        }
        if (q.minScore() != null) {
            f.add("总分 ≥ " + num(q.minScore()));
        }
        return String.join("；", f);
    }

    private static String num(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%.2f", x);
    }

    private List<Object> cells(TargetRow r) {
        String code = r.regionCode();
        List<Object> c = new ArrayList<>();
        c.add(r.rank());
        c.add(r.name());
        c.add(r.uscc());
        c.add(name(code.substring(0, 2) + "0000"));
        c.add(code.endsWith("0000") ? "" : name(code.substring(0, 4) + "00"));
        c.add(code.endsWith("00") ? "" : name(code));
        c.add(r.segmentName());
        c.add(r.purposeZh());
        c.add(r.score());
        c.add(r.parts().scale());
        c.add(r.parts().quality());
        c.add(r.parts().innovation());
        c.add(r.parts().ties());
        c.add(r.parts().predicted());
        c.add(r.parts().proximity());
        c.add(r.parts().priority());
        c.add(r.reasonText());
        c.add(r.localPartners().stream().map(p -> p.relationZh() + " " + p.name()).distinct().collect(Collectors.joining("；")));
        c.add(r.predictedPartners().stream().map(LocalPartner::name).collect(Collectors.joining("；")));
        c.add(r.revenue());   // null: unknown, an empty cell
        c.add(r.employees());
        c.add(String.join("、", r.tags()));
        c.add(r.patents());
        c.add(r.parts().signals());
        c.add(r.signalText()); // null: no expansion event, an empty cell
        c.add("");
        c.add("");
        c.add("");
        return c;
    }

    private String name(String code) {
        return regions.find(code).map(Region::name).orElse("");
    }
}
