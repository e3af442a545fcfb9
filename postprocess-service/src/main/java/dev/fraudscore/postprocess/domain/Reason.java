package dev.fraudscore.postprocess.domain;

import java.util.Objects;

/** One reason behind a decision: a stable code for machines, a sentence for people, a relative weight. */
public record Reason(String code, String text, float weight) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
