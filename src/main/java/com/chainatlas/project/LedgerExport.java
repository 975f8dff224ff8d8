package com.chainatlas.project;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.chainatlas.ingest.table.TableWriter;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.ClockConfiguration;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger as an .xlsx in the shape a 台账 has: one row per project, every stage date a column, 责任人 and
 * 责任单位; unknown investment stays an empty cell. The headers are those of the import format {@code projects}, so
 * an edited export imports back (the 【参考】 columns are for reading and ignored on import).
 */
@Component
class LedgerExport {

    /** Import-format headers, in the order of {@code ImportFormats.PROJECTS} (checked by the round-trip test). */
    static final List<String> HEADERS = List.of("项目编号", "项目名称", "目标企业", "企业名称", "企业所在区划代码", "产业链", "环节",
            "落地区划代码", "园区", "计划投资(亿元)", "实际投资(亿元)", "增资扩产", "新增投资(亿元)", "阶段", "谋划日期", "洽谈日期",
            "签约日期", "开工日期", "建设日期", "投产日期", "达产日期", "状态", "状态原因", "责任人", "责任单位", "下一步", "下一步日期");
    static final List<String> REFERENCE = List.of("【参考】落地地区", "【参考】环节名称", "【参考】计入投资(亿元)", "【参考】最近更新");
    static final int MAX_ROWS = 100_000;

    private final ProjectStore store;
    private final LedgerSettingsStore settings;
    private final Clock clock;

    LedgerExport(ProjectStore store, LedgerSettingsStore settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    void write(ProjectFilter filter, String filterText, OutputStream out) throws IOException {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        int stale = settings.current().updateStaleDays();
        long total = store.count(filter, today, stale);
        if (total > MAX_ROWS) {
            throw ApiProblem.badRequest("符合条件的项目有 " + total + " 个，超过单次导出上限 " + MAX_ROWS + "；请缩小范围后再导出",
                    "too many projects for one export: " + total);
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        try (TableWriter w = TableWriter.xlsx(out, "项目台账")) {
            List<Object> header = new ArrayList<>(HEADERS);
            header.addAll(REFERENCE);
            w.row(header);
            store.forEach(filter, today, stale, p -> {
                List<Object> row = new ArrayList<>();
                row.add(p.id());
                row.add(p.name());
                row.add(p.uscc());
                row.add(p.uscc() == null ? p.enterpriseName() : null);
                row.add(p.enterpriseRegionCode());
                row.add(p.chainId());
                row.add(p.segmentIds().isEmpty() ? null : String.join(";", p.segmentIds()));
                row.add(p.regionCode());
                row.add(p.zoneName());
                row.add(p.plannedInvestmentYi());
                row.add(p.actualInvestmentYi());
                row.add(p.expansion());
                row.add(p.addedInvestmentYi());
                row.add(p.stage().zh());
                for (ProjectStage s : ProjectStage.values()) {
                    row.add(p.stageDates().get(s));
                }
                row.add(p.status().zh());
                row.add(p.statusReason());
                row.add(p.responsible());
                row.add(p.department());
                row.add(p.nextAction());
                row.add(p.nextActionDate());
                row.add(p.regionName());
                row.add(p.segmentNames().isEmpty() ? null : String.join(";", p.segmentNames().stream()
                        .map(n -> n == null ? "?" : n).toList()));
                row.add(p.countedInvestmentYi());
                row.add(p.updatedAt() == null ? null
                        : LocalDateTime.ofInstant(p.updatedAt(), ClockConfiguration.OFFICE_ZONE).format(time));
                try {
                    w.row(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.notes("说明", List.of(
                    List.of("内容", "项目台账：每行一个项目，各阶段日期各占一列"),
                    List.of("筛选条件", filterText.isEmpty() ? "全部项目" : filterText),
                    List.of("项目数", total),
                    List.of("导出时间", LocalDateTime.now(clock).format(time) + "（北京时间）"),
                    List.of("投资额", "单位亿元；空白表示未知（不是 0）。增资/扩产项目只计新增投资，见【参考】计入投资"),
                    List.of("阶段", "谋划 → 洽谈 → 签约 → 开工 → 建设 → 投产 → 达产；另有状态 暂缓、终止（须写原因）"),
                    List.of("再导入", "修改后可按“项目台账 (projects)”格式导入：有项目编号按编号更新，否则按 项目名称 + 落地区划代码 匹配；"
                            + "每项变更记入项目历史。【参考】列导入时忽略")));
        }
    }
}
