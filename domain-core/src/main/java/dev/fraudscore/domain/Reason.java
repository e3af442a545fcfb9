package dev.fraudscore.domain;

import java.util.Objects;

/**
 * One reason behind a decision: a stable code for machines, a sentence for people, and a weight in [0, 1]
 * saying how much it counted.
 */
public record Reason(String code, String text, double weight) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
