package dev.fraudscore.businessapi.pipeline;

import java.util.Locale;

/** What became of a {@code POST /fraud-feedback}, for {@code fraudscore_api_feedback_total{outcome}}. */
public enum FeedbackOutcome {
    ACCEPTED,
    INVALID,
    UNKNOWN_TRANSACTION,
    CONFLICT,
    UNAVAILABLE,
    FAILED;

    /** The metric tag's value: {@code unknown_transaction}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
