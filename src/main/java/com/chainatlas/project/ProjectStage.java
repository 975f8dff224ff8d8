package com.chainatlas.project;

/**
 * The stages of an investment project as offices count them (三个一批: 签约 → 开工 → 投产, then 达产).
 * Declared in order: a project moves forward only with a stage date not before the previous one.
 */
public enum ProjectStage {
    PLANNING("谋划"),
    NEGOTIATING("洽谈"),
    SIGNED("签约"),
    STARTED("开工"),
    BUILDING("建设"),
    IN_PRODUCTION("投产"),
    AT_CAPACITY("达产");

    private final String zh;

    ProjectStage(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** True when this stage comes at or after {@code other} in the stage order. */
    public boolean atLeast(ProjectStage other) {
        return compareTo(other) >= 0;
    }
}
