package dev.fraudscore.features;

import java.time.Duration;

/** The windows every history store keeps; both the serving and the training store read them from here. */
public final class HistoryWindows {

    public static final Duration SHORT = Duration.ofHours(1);
    public static final Duration LONG = Duration.ofHours(24);
    /** How long a card remembers the merchants it paid. */
    public static final Duration MERCHANT_MEMORY = Duration.ofDays(90);

    private HistoryWindows() {
    }
}
