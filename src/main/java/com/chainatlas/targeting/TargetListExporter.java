package com.chainatlas.targeting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.chainatlas.ingest.table.TableWriter;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.targeting.TargetModel.LocalPartner;
import com.chainatlas.targeting.TargetModel.TargetRow;

import org.springframework.stereotype.Component;

/**
 * Writes a saved target list as .xlsx or .csv: one row per target with each score part, the reasons in
 * words, the local partners, and empty contact columns for the team to fill in on their visits.
 */
@Component
class TargetListExporter {

    static final List<String> HEADER = List.of("排名", "企业名称", "统一社会信用代码", "省份", "城市", "区县", "环节",
            "招商方向", "总分", "规模分", "质量分", "创新分", "本地关联分", "预测关联分", "区位分", "环节优先分",
            "入选理由", "本地合作企业", "预计可供货本地企业", "年营收(万元)", "员工数", "资质标签", "专利数",
            "联系人", "联系电话", "拜访记录");

    private final TargetListStore store;
    private final RegionCatalog regions;

    TargetListExporter(TargetListStore store, RegionCatalog regions) {
        this.store = store;
        this.regions = regions;
    }

    void write(TargetListStore.SavedList list, String ext, OutputStream out) throws IOException {
        try (TableWriter w = TableWriter.of(ext, out, "招商清单")) {
            w.row(HEADER);
            store.forEachItem(list.id(), row -> {
                try {
                    w.row(cells(row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if ("xlsx".equals(ext)) {
                w.sheet("说明");
                w.row(List.of("清单名称", list.name()));
                w.row(List.of("产业链", list.chainId()));
                w.row(List.of("地区", regions.fullName(list.regionCode())));
                w.row(List.of("评分预设", list.preset()));
                w.row(List.of("生成时间", list.refreshedAt().toString()));
                w.row(List.of("数据快照版本", list.snapshotVersion()));
                w.row(List.of("评分说明", "总分 = 各分项之和；每个分项 = 权重 × 0–1 的评级，评级规则见系统文档"));
            }
        }
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
        c.add(r.revenue());
        c.add(r.employees());
        c.add(String.join("、", r.tags()));
        c.add(r.patents());
        c.add("");
        c.add("");
        c.add("");
        return c;
    }

    private String name(String code) {
        return regions.find(code).map(Region::name).orElse("");
    }
}
