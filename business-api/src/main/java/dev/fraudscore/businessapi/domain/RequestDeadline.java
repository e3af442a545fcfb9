package dev.fraudscore.businessapi.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The end-to-end deadline of one request, measured from its arrival. Each downstream call gets the
 * smaller of its own timeout and what is left of the deadline, minus time kept back for later steps.
 */
public final class RequestDeadline {

    private final Clock clock;
    private final Instant expiresAt;

    private RequestDeadline(Clock clock, Instant expiresAt) {
        this.clock = clock;
        this.expiresAt = expiresAt;
    }

    public static RequestDeadline startingAt(Instant arrival, Duration budget, Clock clock) {
        return new RequestDeadline(clock, arrival.plus(budget));
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** Time left, never negative. */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * @param callTimeout the downstream's own timeout
     * @param reserve     time kept back for the steps after this call
     * @return how long this call may take; zero when nothing is left (the call should be skipped)
     */
    public Duration budgetFor(Duration callTimeout, Duration reserve) {
        Duration available = remaining().minus(reserve);
        if (available.isNegative()) {
            return Duration.ZERO;
        }
        return available.compareTo(callTimeout) < 0 ? available : callTimeout;
    }
}
