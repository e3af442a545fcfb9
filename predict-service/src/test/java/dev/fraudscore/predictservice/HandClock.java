package dev.fraudscore.predictservice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A clock that runs with real time, or stands still, and that a test can move forward. */
public final class HandClock extends Clock {

    private final Instant origin = Instant.parse("2026-01-01T00:00:00Z");
    private final LongSupplier ticking;
    private final AtomicLong moved = new AtomicLong();

    private HandClock(LongSupplier ticking) {
        this.ticking = ticking;
    }

    public static HandClock realTime() {
        long start = System.nanoTime();
        return new HandClock(() -> System.nanoTime() - start);
    }

    public static HandClock frozen() {
        return new HandClock(() -> 0);
    }

    public void advance(Duration duration) {
        moved.addAndGet(duration.toNanos());
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(ticking.getAsLong() + moved.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
