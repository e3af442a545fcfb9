package dev.fraudscore.businessapi.domain;

/** Business label of a transaction. */
public enum Label {
    NOT_FRAUD, SUSPICIOUS, HIGHLY_SUSPICIOUS, UNCERTAIN
}
