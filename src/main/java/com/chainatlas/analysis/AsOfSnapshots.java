package com.chainatlas.analysis;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.chainatlas.system.ApiProblem;

import org.springframework.stereotype.Component;

/**
 * As-of views of the chains' snapshots (截至日期), derived in memory by {@link AsOfView} and kept per (chain, snapshot
 * version, date) in a small LRU: a compare of two dates, its paging and the target list of the same date derive each
 * view once. A new snapshot version (an import) gives new keys; the old views age out.
 */
@Component
public class AsOfSnapshots {

    static final int ENTRIES = 12;

    private record Key(String chainId, long version, LocalDate date, LocalDate requested) {
    }

    private final Clock clock;
    private final Map<Key, CompletableFuture<ChainSnapshot>> views = Collections.synchronizedMap(
            new LinkedHashMap<>(ENTRIES, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<ChainSnapshot>> eldest) {
                    return size() > ENTRIES;
                }
            });

    AsOfSnapshots(Clock clock) {
        this.clock = clock;
    }

    /**
     * A query parameter {@code asOf}: null or blank is "all data" (null); otherwise an ISO date YYYY-MM-DD, else a 400
     * problem in Chinese.
     */
    public static LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                // falls through: e.g. 2021-02-30
            }
        }
        String shown = t.length() > 20 ? t.substring(0, 20) + "…" : t;
        throw ApiProblem.badRequest("截至日期须为 YYYY-MM-DD 格式的有效日期（如 2020-12-31）: " + shown,
                "asOf must be a valid date YYYY-MM-DD (e.g. 2020-12-31): " + shown);
    }

    /** Today in the office zone; a later date asked for is read as today. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The snapshot itself for a null date, else its view as of {@code asked} (a future date counts as today). */
    public ChainSnapshot at(ChainSnapshot base, LocalDate asked) {
        if (asked == null) {
            return base;
        }
        LocalDate today = today();
        LocalDate date = asked.isAfter(today) ? today : asked;
        LocalDate requested = asked.isAfter(today) ? asked : null;
        Key key = new Key(base.chainId(), base.version(), date, requested);
        CompletableFuture<ChainSnapshot> mine = new CompletableFuture<>();
        CompletableFuture<ChainSnapshot> existing = views.putIfAbsent(key, mine);
        ChainSnapshot view;
        if (existing != null) {
            try {
                view = existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        } else {
            try {
                view = AsOfView.of(base, date, requested);
                mine.complete(view);
            } catch (RuntimeException | Error e) {
                views.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        return view;
    }

    int cached() {
        return views.size();
    }
}
