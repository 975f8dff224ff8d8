package com.chainatlas.signal;

import java.time.LocalDate;
import java.util.List;

import com.chainatlas.system.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "signals", description = "扩张信号: an enterprise's dated expansion events and their recency-weighted strength")
class EnterpriseEventsController {

    /** One event as the 扩张动态 list shows it; {@code weight} is what it adds today (strength × decay). */
    record EventView(String id, String kind, String kindZh, LocalDate date, Double amount, String place,
                     String placeName, String title, String source, String words, double weight) {
    }

    /** The events (newest first, at most {@link ExpansionSignals#PER_ENTERPRISE}) and the signal they make today. */
    record EnterpriseEvents(String uscc, LocalDate today, double halfLifeDays, double rating, String reasonText,
                            List<EventView> events) {
    }

    private final ExpansionSignals signals;
    private final Neo4jClient neo4j;

    EnterpriseEventsController(ExpansionSignals signals, Neo4jClient neo4j) {
        this.signals = signals;
        this.neo4j = neo4j;
    }

    @GetMapping("/api/enterprises/{uscc}/events")
    @Operation(summary = "An enterprise's expansion events (扩张动态), newest first, with the signal rating they make today")
    @Transactional(readOnly = true)
    EnterpriseEvents events(@PathVariable String uscc) {
        if (uscc.length() > 100) {
            throw ApiProblem.badRequest("统一社会信用代码过长", "uscc is too long");
        }
        if (!neo4j.query("MATCH (e:Enterprise {uscc: $uscc}) RETURN count(e) > 0")
                .bind(uscc).to("uscc").fetchAs(Boolean.class).one().orElse(false)) {
            throw ApiProblem.notFound("企业", "Enterprise", uscc);
        }
        List<ExpansionEvent> events = signals.eventsOf(uscc);
        LocalDate today = signals.today();
        SignalScoring s = signals.scoring();
        ExpansionSignals.Signal signal = signals.signal(events);
        return new EnterpriseEvents(uscc, today, s.halfLifeDays(), signal.rating(), signal.text(), events.stream()
                .map(e -> new EventView(e.id(), e.kind().name(), e.kind().zh, e.date(), e.amount(), e.place(),
                        signals.placeName(e.place()), e.title(), e.source(), SignalScoring.words(e, signals::placeName),
                        Math.round(s.contribution(e, today) * 1000) / 1000.0)).toList());
    }
}
