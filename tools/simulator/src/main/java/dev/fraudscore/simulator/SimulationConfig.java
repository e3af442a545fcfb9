package dev.fraudscore.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What to simulate: the same config always yields the same transactions.
 *
 * @param start the first instant of day 0 (UTC); fixed by default so runs are reproducible
 */
public record SimulationConfig(long seed, int cards, int days, Instant start, FraudRates rates) {

    public static final Instant DEFAULT_START = Instant.parse("2025-01-06T00:00:00Z");

    public SimulationConfig {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(rates, "rates");
        if (cards < 1) {
            throw new IllegalArgumentException("the simulation needs at least one card, got " + cards);
        }
        if (days < 1) {
            throw new IllegalArgumentException("the simulation needs at least one day, got " + days);
        }
    }

    public static SimulationConfig of(long seed, int cards, int days) {
        return new SimulationConfig(seed, cards, days, DEFAULT_START, FraudRates.DEFAULT);
    }

    public Instant end() {
        return start.plus(Duration.ofDays(days));
    }
}
