package dev.fraudscore.postprocess.domain;

/** The business reading of a score. */
public enum Label {
    NOT_FRAUD,
    SUSPICIOUS,
    HIGHLY_SUSPICIOUS,
    /** No score could be computed; the decision comes from the policy's fail mode. */
    UNCERTAIN
}
