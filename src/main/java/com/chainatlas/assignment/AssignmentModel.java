package com.chainatlas.assignment;

import java.time.Instant;
import java.util.List;

import com.chainatlas.system.PageResult;

/** The records of the 挂链 API (docs/assignment.md). */
public final class AssignmentModel {

    private AssignmentModel() {
    }

    /** A proposed segment with its score (0–1, higher is better). */
    public record Option(String segmentId, String segmentName, double score) {
    }

    /** An assigned firm near the proposed one, with its cosine similarity (0–1). */
    public record NearFirm(String uscc, String name, double similarity) {
    }

    /**
     * One unassigned enterprise's proposal. {@code options} is empty when its text shares no word with the
     * chain's assigned firms or segment names (then {@code confidence} is REVIEW and a person must choose).
     */
    public record Suggestion(String uscc, String name, String regionCode, boolean provisional, Confidence confidence,
                             String confidenceLabel, String reason, double margin, List<Option> options,
                             List<String> matchedTerms, List<NearFirm> nearestFirms) {
    }

    /** The settings a batch was computed with ({@code industryWeight}: of the registered industry 所属行业, 0 = unused). */
    public record MethodInfo(double sureMargin, int minFirms, int neighbours, double knnBlend, double industryWeight) {
    }

    /** A computed batch's summary and one page of it. */
    public record BatchPage(String batchId, String chain, String region, Instant createdAt, int trainingFirms,
                            int segments, int total, int sure, int review, int noMatch, MethodInfo method,
                            PageResult<Suggestion> page) {
    }

    /** One accepted assignment. */
    public record Accepted(String uscc, String segmentId) {
    }

    /** Body of POST /api/assignment/accept. */
    public record AcceptRequest(List<Accepted> items) {
    }

    /** Body of POST /api/assignment/reject: the enterprises whose proposals the reviewer rejected. */
    public record RejectRequest(List<String> usccs) {
    }

    /** What a reject recorded: {@code recorded} new rejections, {@code alreadyRejected} that existed. */
    public record RejectResult(int requested, long recorded, long alreadyRejected, String chain) {
    }

    /** What an accept wrote: {@code written} new links, {@code alreadyAssigned} that existed (left as they were). */
    public record AcceptResult(int requested, long written, long alreadyAssigned, List<String> chains) {
    }
}
