package com.chainatlas.assignment;

/**
 * One product name or business-scope item of a firm, with its weight: the revenue share where known
 * (an unknown share is an equal share, never zero).
 */
public record Phrase(String text, double weight) {

    public Phrase {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("phrase text is blank");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("phrase weight must be positive: " + weight);
        }
    }
}
