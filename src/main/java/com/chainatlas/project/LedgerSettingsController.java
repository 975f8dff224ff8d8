package com.chainatlas.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.security.AuditAction;
import com.chainatlas.security.AuditLog;
import com.chainatlas.security.AuditOutcome;
import com.chainatlas.security.CurrentAccount;
import com.chainatlas.security.Role;
import com.chainatlas.system.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 系统设置 of the ledger: everyone signed in reads them, only an ADMIN changes them. A change is audited
 * ({@code SETTINGS_CHANGED}, before → after) and advances the ledger version, so rates and alerts follow at once.
 */
@RestController
class LedgerSettingsController {

    /** What the settings page shows: the values in force, the configured defaults, and each field's range. */
    record SettingsView(LedgerSettings settings, LedgerSettings defaults, List<LedgerSettingsStore.Field> fields,
                        long ledgerVersion) {
    }

    private final LedgerSettingsStore store;
    private final AuditLog audit;

    LedgerSettingsController(LedgerSettingsStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @GetMapping("/api/settings/ledger")
    SettingsView get() {
        LedgerState s = store.state();
        return new SettingsView(s.settings(), store.defaults(), LedgerSettingsStore.FIELDS, s.version());
    }

    /** Changes the fields given (absent ones are kept); each must be a whole number in its range. */
    @PutMapping("/api/settings/ledger")
    SettingsView put(@RequestBody(required = false) Map<String, Object> body) {
        if (CurrentAccount.get().map(a -> a.role() != Role.ADMIN).orElse(true)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "只有管理员可以修改系统设置", "Only an ADMIN may change settings");
        }
        LedgerSettings before = store.current();
        LedgerSettings after = LedgerSettingsStore.merge(before, validate(body));
        Map<String, Integer> b = LedgerSettingsStore.asMap(before);
        Map<String, Integer> a = LedgerSettingsStore.asMap(after);
        StringBuilder detail = new StringBuilder();
        for (LedgerSettingsStore.Field f : LedgerSettingsStore.FIELDS) {
            if (!b.get(f.key()).equals(a.get(f.key()))) {
                detail.append(detail.isEmpty() ? "" : "; ").append(f.zh()).append(' ')
                        .append(b.get(f.key())).append(" → ").append(a.get(f.key()));
            }
        }
        if (!detail.isEmpty()) {
            store.save(after, CurrentAccount.username());
            audit.record(AuditAction.SETTINGS_CHANGED, "ledger", detail.toString(), AuditOutcome.OK);
        }
        return get();
    }

    static Map<String, Integer> validate(Map<String, Object> body) {
        if (body == null || body.isEmpty()) {
            throw ApiProblem.badRequest("请求体不能为空", "request body is required");
        }
        Map<String, LedgerSettingsStore.Field> byKey = new LinkedHashMap<>();
        LedgerSettingsStore.FIELDS.forEach(f -> byKey.put(f.key(), f));
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            LedgerSettingsStore.Field f = byKey.get(e.getKey());
            if (f == null) {
                String k = e.getKey().length() > 40 ? e.getKey().substring(0, 40) + "…" : e.getKey();
                throw ApiProblem.badRequest("未知的设置项: " + k, "unknown setting: " + k);
            }
            Object v = e.getValue();
            if (!(v instanceof Integer || v instanceof Long) ) {
                throw ApiProblem.badRequest(f.zh() + "须为整数", f.key() + " must be a whole number");
            }
            long n = ((Number) v).longValue();
            if (n < f.min() || n > f.max()) {
                throw ApiProblem.badRequest(f.zh() + "须在 " + f.min() + " 到 " + f.max() + " 之间（收到 " + n + "）",
                        f.key() + " must be between " + f.min() + " and " + f.max());
            }
            out.put(f.key(), (int) n);
        }
        return out;
    }
}
