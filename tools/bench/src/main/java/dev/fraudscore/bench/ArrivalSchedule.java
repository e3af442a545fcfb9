package dev.fraudscore.bench;

import java.time.Duration;

/**
 * When each request of an open-loop load is meant to leave: request {@code n} at {@code n / rate} seconds after
 * the start, whatever happened to the ones before. A warm-up comes first and is not measured; the measured window
 * follows it at the same rate, so the system never sees a pause between the two.
 */
record ArrivalSchedule(double rate, Duration warmup, Duration measured) {

    ArrivalSchedule {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("the rate must be above 0 requests/s, not " + rate);
        }
        if (warmup.isNegative() || measured.isNegative() || measured.isZero()) {
            throw new IllegalArgumentException("the warm-up must be 0 or more and the measured window above 0, not "
                    + warmup + " and " + measured);
        }
    }

    /** Nanoseconds from the start at which request {@code n} (0, 1, ...) is meant to leave. */
    long offsetNanos(long n) {
        return Math.round(n * 1e9 / rate);
    }

    long measureStartNanos() {
        return warmup.toNanos();
    }

    long endNanos() {
        return warmup.toNanos() + measured.toNanos();
    }

    /** Whether request {@code n} belongs to the measured window (else to the warm-up, or to no window: past the end). */
    boolean measured(long n) {
        long offset = offsetNanos(n);
        return offset >= measureStartNanos() && offset < endNanos();
    }

    /** How many requests the schedule sends in all (warm-up and measured window). */
    long total() {
        long n = (long) Math.floor(endNanos() * rate / 1e9);
        // rounding in offsetNanos may put the last one just inside or outside the end
        while (offsetNanos(n) < endNanos()) {
            n++;
        }
        while (n > 0 && offsetNanos(n - 1) >= endNanos()) {
            n--;
        }
        return n;
    }
}
