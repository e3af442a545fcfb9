package dev.fraudscore.businessapi.domain;

/** What the caller should do with the payment; also the configured fail mode. */
public enum Decision {
    APPROVE, REVIEW, DECLINE
}
