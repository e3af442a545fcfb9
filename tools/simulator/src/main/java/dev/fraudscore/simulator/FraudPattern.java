package dev.fraudscore.simulator;

/** Why a simulated transaction exists: normal spending, or one of the injected fraud patterns. */
public enum FraudPattern {
    NONE("none"),
    /** Many small e-commerce payments within minutes at unfamiliar merchants, probing a stolen card. */
    CARD_TESTING("card_testing"),
    /** A payment far above the card's habits at a merchant it never used. */
    HIGH_AMOUNT_NEW_MERCHANT("high_amount_new_merchant"),
    /** Payments at hours the cardholder sleeps, often abroad. */
    NIGHT_TIME("night_time"),
    /** Payments from far away shortly after a genuine payment at home. */
    ACCOUNT_TAKEOVER("account_takeover"),
    /** Card-not-present payments with cards whose data leaked at a breached merchant. */
    COMPROMISED_MERCHANT("compromised_merchant");

    private final String label;

    FraudPattern(String label) {
        this.label = label;
    }

    /** The name written to the data set, e.g. {@code card_testing}. */
    public String label() {
        return label;
    }

    public boolean isFraud() {
        return this != NONE;
    }
}
