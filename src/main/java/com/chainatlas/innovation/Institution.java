package com.chainatlas.innovation;

import java.util.List;

/**
 * 研发机构: university, key lab, engineering centre or research institute.
 *
 * @param type          UNIVERSITY (高校), KEY_LAB (重点实验室), ENGINEERING_CENTER (工程研究中心), INSTITUTE (科研院所)
 * @param level         NATIONAL (国家级), PROVINCIAL (省级), MUNICIPAL (市级)
 * @param strength      1..5, the team's judgement of research strength
 * @param technologyIds technologies it RESEARCHES
 * @param segmentIds    segments it RESEARCHES directly
 */
public record Institution(String id, String name, String type, String level, String regionCode, int strength,
                          List<String> technologyIds, List<String> segmentIds, boolean sample) {

    public Institution {
        technologyIds = technologyIds == null ? List.of() : List.copyOf(technologyIds);
        segmentIds = segmentIds == null ? List.of() : List.copyOf(segmentIds);
    }

    /** Institution–enterprise cooperation (产学研, COOPERATES_WITH). */
    public record Cooperation(String institutionId, String uscc, String kind, Integer since) {
    }
}
