package dev.fraudscore.domain;

/** Business label of a transaction; {@code UNCERTAIN} when there was no score to judge by. */
public enum Label {
    NOT_FRAUD, SUSPICIOUS, HIGHLY_SUSPICIOUS, UNCERTAIN
}
