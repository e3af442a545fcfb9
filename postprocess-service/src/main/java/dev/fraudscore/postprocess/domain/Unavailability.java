package dev.fraudscore.postprocess.domain;

/** Why a score is absent, as the caller reported it. */
public enum Unavailability {
    /** The caller gave no reason (a score should then be present). */
    NOT_STATED,
    FEATURES_UNAVAILABLE,
    MODEL_UNAVAILABLE
}
