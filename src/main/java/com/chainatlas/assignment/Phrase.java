package com.chainatlas.assignment;

/**
 * One product name or business-scope item of a firm, with its weight: the revenue share where known
 * (an unknown share is an equal share, never zero). {@code fromName}: the phrase is the enterprise's name, which
 * may support a proposal but never make it 确定 on its own.
 */
public record Phrase(String text, double weight, boolean fromName) {

    public Phrase(String text, double weight) {
        this(text, weight, false);
    }

    public Phrase {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("phrase text is blank");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("phrase weight must be positive: " + weight);
        }
    }
}
