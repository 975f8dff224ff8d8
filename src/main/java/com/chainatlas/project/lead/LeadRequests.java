package com.chainatlas.project.lead;

/** Request bodies of the lead API (dates as ISO strings, enums as names, so a bad value gets a Chinese message). */
final class LeadRequests {

    private LeadRequests() {
    }

    record NewLead(String enterpriseName, String uscc, String enterpriseRegionCode, String regionCode, String chainId,
                   String segmentId, String source, String responsible, String department, String nextAction,
                   String nextActionDate, String note, String targetListId) {
    }

    record FromTarget(String chain, String region, String uscc, String segmentId, String responsible, String department,
                      String targetListId) {
    }

    record NewContact(String date, String kind, String who, String summary, String nextStep, String nextStepDate) {
    }
}
