package com.chainatlas.project.lead;

import java.time.Instant;
import java.time.LocalDate;

/** One contact-log entry of a lead: a visit, call or meeting, what was said and the next step agreed. */
public record Contact(String id, String leadId, LocalDate date, ContactKind kind, String kindZh, String who,
                      String summary, String nextStep, LocalDate nextStepDate, Instant recordedAt, String recordedBy) {
}
