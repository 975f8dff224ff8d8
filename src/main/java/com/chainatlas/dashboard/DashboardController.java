package com.chainatlas.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.chainatlas.dashboard.DashboardModel.Alert;
import com.chainatlas.dashboard.DashboardModel.Dashboard;
import com.chainatlas.dashboard.DashboardModel.Gaps;
import com.chainatlas.dashboard.DashboardModel.Rates;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.security.CurrentAccount;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The 领导驾驶舱 API: dashboard, rates, alerts (also as .xlsx) and the gaps being filled. */
@RestController
class DashboardController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DashboardService service;
    private final RegionCatalog regions;
    private final Clock clock;

    DashboardController(DashboardService service, RegionCatalog regions, Clock clock) {
        this.service = service;
        this.regions = regions;
        this.clock = clock;
    }

    /** The region asked for, inside the signed-in account's scope (its own region when none was asked for; else 403). */
    private static String scoped(String region) {
        return CurrentAccount.scope().narrow(region);
    }

    @GetMapping("/api/dashboard")
    Dashboard dashboard(@RequestParam(required = false) String region, @RequestParam(required = false) String chain,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return service.dashboard(scoped(region), chain, from, to);
    }

    @GetMapping("/api/projects/rates")
    Rates rates(@RequestParam(required = false) String region, @RequestParam(required = false) String chain,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return service.rates(scoped(region), chain, from, to);
    }

    @GetMapping("/api/projects/alerts")
    List<Alert> alerts(@RequestParam(required = false) String region, @RequestParam(required = false) String chain,
                       @RequestParam(required = false) String kind) {
        return service.alerts(scoped(region), chain, kind);
    }

    /** Built in memory before answering, so a failure is a problem JSON and never half a file. */
    @GetMapping("/api/projects/alerts.xlsx")
    ResponseEntity<byte[]> alertsXlsx(@RequestParam(required = false) String region,
                                      @RequestParam(required = false) String chain,
                                      @RequestParam(required = false) String kind) throws IOException {
        region = scoped(region);
        List<Alert> alerts = service.alerts(region, chain, kind);
        String code = region.strip();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AlertsWorkbook.write(alerts, regions.fullName(code), chain == null || chain.isBlank() ? null : chain.strip(),
                clock.instant(), clock.getZone(), service.settings(), out);
        String name = "预警清单-" + regions.find(code).map(r -> r.name()).orElse(code) + "-" + LocalDate.now(clock) + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"alerts.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(out.toByteArray());
    }

    @GetMapping("/api/ledger/gaps")
    Gaps gaps(@RequestParam(required = false) String chain, @RequestParam(required = false) String region) {
        return service.gaps(chain, scoped(region));
    }
}
