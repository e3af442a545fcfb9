package dev.fraudscore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What became of a run's requests second by second, warm-up included: whole answers, degraded answers, errors and
 * the slowest answer of the requests meant to leave in each second. Totals hide a stretch of degraded answers
 * after a restart, or a collapse and its recovery; this shows when they happened.
 */
final class Timeline {

    private static final long SECOND_NANOS = 1_000_000_000L;

    private final long startNanos;
    private final double startEpochS;
    private final AtomicLongArray whole;
    private final AtomicLongArray degraded;
    private final AtomicLongArray errors;
    private final AtomicLongArray maxNanos;

    /**
     * @param startNanos  the run's start on its ticker
     * @param startEpochS the same instant on the wall clock, in seconds since the epoch
     * @param seconds     how many seconds the run's requests are meant to leave over
     */
    Timeline(long startNanos, double startEpochS, int seconds) {
        this.startNanos = startNanos;
        this.startEpochS = startEpochS;
        whole = new AtomicLongArray(seconds);
        degraded = new AtomicLongArray(seconds);
        errors = new AtomicLongArray(seconds);
        maxNanos = new AtomicLongArray(seconds);
    }

    void answered(long intendedNanos, boolean wasDegraded, long latencyNanos) {
        int second = secondOf(intendedNanos);
        (wasDegraded ? degraded : whole).incrementAndGet(second);
        maxNanos.accumulateAndGet(second, latencyNanos, Math::max);
    }

    void failed(long intendedNanos) {
        errors.incrementAndGet(secondOf(intendedNanos));
    }

    /** As {@code .run/bench/latest.json} holds it: the wall-clock start and one entry a second. */
    Series series() {
        List<Second> seconds = new ArrayList<>(whole.length());
        for (int i = 0; i < whole.length(); i++) {
            seconds.add(new Second(i, whole.get(i), degraded.get(i), errors.get(i),
                    Math.round(maxNanos.get(i) / 1e3) / 1e3));
        }
        return new Series(startEpochS, seconds);
    }

    private int secondOf(long intendedNanos) {
        return (int) Math.min(whole.length() - 1, Math.max(0, (intendedNanos - startNanos) / SECOND_NANOS));
    }

    /** @param startEpochS when second 0 began, in seconds since the epoch (to line up with other clocks) */
    record Series(double startEpochS, List<Second> seconds) {
    }

    /** The requests meant to leave in second {@code second} of the run, and the slowest answer among them. */
    record Second(int second, long whole, long degraded, long errors, double maxMs) {
    }
}
