package dev.fraudscore.simulator;

import java.util.EnumSet;
import java.util.Set;

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
    COMPROMISED_MERCHANT("compromised_merchant"),
    /**
     * Phished card details used as the holder would: a few web payments over a day or two, at the holder's waking
     * hours, from the holder's country, for amounts in the holder's range; only the merchants are new.
     */
    HABIT_MIMICRY("habit_mimicry"),
    /** Handbook scenario 1: any payment above 220 EUR. */
    HANDBOOK_LARGE_AMOUNT("handbook_large_amount"),
    /** Handbook scenario 2: every payment at a terminal in the 28 days after it was compromised. */
    HANDBOOK_COMPROMISED_TERMINAL("handbook_compromised_terminal"),
    /** Handbook scenario 3: a third of a customer's payments, five times the amount, in the 14 days after the leak. */
    HANDBOOK_COMPROMISED_CUSTOMER("handbook_compromised_customer"),
    /** Fraud read from a labelled file that does not say which scenario produced it. */
    REPORTED("reported");

    private final String label;

    FraudPattern(String label) {
        this.label = label;
    }

    /** The name written to the data set, e.g. {@code card_testing}. */
    public String label() {
        return label;
    }

    /** The patterns the default profile injects (the others come from the Handbook profile or from files). */
    public static Set<FraudPattern> defaultProfile() {
        return EnumSet.range(NONE, HABIT_MIMICRY);
    }

    public boolean isFraud() {
        return this != NONE;
    }
}
