package dev.fraudscore.predictservice.batching;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * A clock that never goes back: the wall-clock instant read once, advanced by {@link System#nanoTime()}.
 * A step of the system clock (NTP) can then neither stall the batch queue nor make a wait negative.
 * Deadlines given to a {@link DynamicBatcher} must be read from the same instance.
 */
public final class MonotonicClock extends Clock {

    private final Instant origin;
    private final long originNanos;
    private final LongSupplier nanoTime;
    private final ZoneId zone;

    public MonotonicClock() {
        this(Instant.now(), System::nanoTime);
    }

    MonotonicClock(Instant origin, LongSupplier nanoTime) {
        this(origin, nanoTime.getAsLong(), nanoTime, ZoneOffset.UTC);
    }

    private MonotonicClock(Instant origin, long originNanos, LongSupplier nanoTime, ZoneId zone) {
        this.origin = origin;
        this.originNanos = originNanos;
        this.nanoTime = nanoTime;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(nanoTime.getAsLong() - originNanos);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MonotonicClock(origin, originNanos, nanoTime, newZone);
    }
}
