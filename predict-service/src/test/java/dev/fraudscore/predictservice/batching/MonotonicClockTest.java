package dev.fraudscore.predictservice.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MonotonicClockTest {

    private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void advancesByTheElapsedNanosFromItsOrigin() {
        AtomicLong nanos = new AtomicLong(-5_000);
        MonotonicClock clock = new MonotonicClock(ORIGIN, nanos::get);
        nanos.addAndGet(1_500);
        assertThat(clock.instant()).isEqualTo(ORIGIN.plusNanos(1_500));
    }

    @Test
    void aClockInAnotherZoneKeepsTheSameTime() {
        AtomicLong nanos = new AtomicLong();
        MonotonicClock clock = new MonotonicClock(ORIGIN, nanos::get);
        nanos.set(42);
        var paris = clock.withZone(ZoneId.of("Europe/Paris"));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(paris.instant()).isEqualTo(clock.instant()).isEqualTo(ORIGIN.plusNanos(42));
    }
}
