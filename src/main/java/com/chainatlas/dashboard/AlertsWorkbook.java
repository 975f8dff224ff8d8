package com.chainatlas.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.chainatlas.dashboard.DashboardModel.Alert;
import com.chainatlas.ingest.table.TableWriter;
import com.chainatlas.project.LedgerSettings;

/** The alerts as an .xlsx for the weekly meeting (预警清单), printed like the other exports, with a 说明 sheet. */
final class AlertsWorkbook {

    static final List<String> HEADER = List.of("序号", "预警类型", "对象", "名称", "地区", "责任人", "责任部门",
            "应完成日期", "逾期天数", "说明");

    private AlertsWorkbook() {
    }

    static void write(List<Alert> alerts, String regionName, String chainId, Instant at, ZoneId zone,
                      LedgerSettings s, OutputStream out) throws IOException {
        try (TableWriter w = TableWriter.xlsx(out, "预警清单")) {
            w.row(HEADER);
            int i = 1;
            for (Alert a : alerts) {
                List<Object> row = new ArrayList<>();
                row.add(i++);
                row.add(a.kindZh());
                row.add(LedgerAlerts.LEAD.equals(a.subjectType()) ? "线索" : "项目");
                row.add(a.name());
                row.add(a.regionCode());
                row.add(a.responsible());
                row.add(a.department());
                row.add(a.dueDate());
                row.add(a.daysOverdue());
                row.add(a.messageZh());
                w.row(row);
            }
            w.notes("说明", List.of(
                    List.of("地区", regionName),
                    List.of("产业链", chainId == null ? "全部" : chainId),
                    List.of("生成时间", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(zone)) + "（北京时间）"),
                    List.of("预警条数", String.valueOf(alerts.size())),
                    List.of("预警规则", "签约满 " + s.startWithinMonths() + " 个月未开工；开工满 " + s.productionWithinMonths()
                            + " 个月未投产；投产满 " + s.capacityWithinMonths() + " 个月未达产；下一步计划日期已过；台账超过 "
                            + s.updateStaleDays() + " 天未更新；线索超过 " + s.leadStaleDays() + " 天未跟进。到期次日起预警。"),
                    List.of("不预警", "暂缓、终止的项目，已转为项目或已放弃的线索"),
                    List.of("空白单元格", "空白表示未填写（如责任部门），不是 0")));
        }
    }
}
