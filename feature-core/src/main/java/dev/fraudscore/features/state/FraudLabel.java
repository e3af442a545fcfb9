package dev.fraudscore.features.state;

/** What a transaction turned out to be, once someone reported it (chargeback, customer claim, review). */
public enum FraudLabel {
    FRAUD,
    GENUINE
}
