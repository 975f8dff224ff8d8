package com.chainatlas.targeting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Weights of the target score's parts; a part's value is its weight × a 0..1 rating, so the score is
 * out of the weights' sum (100 for the presets). Named presets are what the UI offers.
 */
public record TargetWeights(double scale, double quality, double innovation, double ties, double predicted,
                            double proximity, double priority, double signals) {

    /** 均衡 (default). */
    public static final TargetWeights BALANCED = new TargetWeights(20, 15, 15, 15, 10, 5, 10, 10);
    /** 龙头优先: leaders first. */
    public static final TargetWeights LEADERS = new TargetWeights(35, 20, 10, 10, 5, 5, 10, 5);
    /** 关系优先: ties to local firms first (以商招商). */
    public static final TargetWeights TIES = new TargetWeights(15, 10, 5, 30, 20, 10, 5, 5);
    /** 创新优先: innovation first. */
    public static final TargetWeights INNOVATION = new TargetWeights(15, 20, 30, 10, 5, 5, 10, 5);
    /** 扩张优先: firms with fresh expansion signals (扩张信号) first — they are choosing where to invest now. */
    public static final TargetWeights EXPANDING = new TargetWeights(15, 10, 10, 10, 10, 5, 10, 30);

    public TargetWeights {
        for (double w : new double[]{scale, quality, innovation, ties, predicted, proximity, priority, signals}) {
            if (!(w >= 0) || w > 1000) {
                throw new IllegalArgumentException("weights must be between 0 and 1000");
            }
        }
        if (scale + quality + innovation + ties + predicted + proximity + priority + signals <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
    }

    /** Weights without the 扩张信号 part (as before signals existed; custom weights of 7 numbers). */
    public TargetWeights(double scale, double quality, double innovation, double ties, double predicted,
                         double proximity, double priority) {
        this(scale, quality, innovation, ties, predicted, proximity, priority, 0);
    }

    /** Presets by key, with their Chinese names, in display order. */
    public static Map<String, Preset> presets() {
        Map<String, Preset> m = new LinkedHashMap<>();
        m.put("balanced", new Preset("balanced", "均衡", BALANCED));
        m.put("leaders", new Preset("leaders", "龙头优先", LEADERS));
        m.put("ties", new Preset("ties", "关系优先", TIES));
        m.put("innovation", new Preset("innovation", "创新优先", INNOVATION));
        m.put("expanding", new Preset("expanding", "扩张优先", EXPANDING));
        return m;
    }

    public record Preset(String key, String name, TargetWeights weights) {
    }
}
