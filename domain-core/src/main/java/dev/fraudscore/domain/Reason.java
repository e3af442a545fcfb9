package dev.fraudscore.domain;

import java.util.Objects;

/**
 * One reason behind a decision: a stable code for machines, a sentence for people, and a weight in [0, 1]
 * saying how much it counted. Weights travel as float32 between services, so a weight holds float precision
 * with the float's shortest decimal (0.2, not 0.20000000298023224) wherever it was made: an answer is the same
 * whether the policy ran in another process or in this one.
 */
public record Reason(String code, String text, double weight) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        weight = Double.parseDouble(Float.toString((float) weight));
    }
}
