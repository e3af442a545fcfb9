package dev.fraudscore.postprocess.domain;

/** What the caller should do with the transaction. */
public enum Decision {
    APPROVE,
    REVIEW,
    DECLINE
}
