package dev.fraudscore.businessapi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestDeadlineTest {

    private final Instant arrival = Instant.parse("2026-11-22T10:00:00Z");
    private final MutableClock clock = new MutableClock(arrival);
    private final RequestDeadline deadline = RequestDeadline.startingAt(arrival, Duration.ofMillis(300), clock);

    @Test
    void aFreshRequestIsBoundByTheCallTimeout() {
        assertThat(deadline.remaining()).isEqualTo(Duration.ofMillis(300));
        assertThat(deadline.budgetFor(Duration.ofMillis(100), Duration.ofMillis(40))).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void lateInTheRequestTheDeadlineMinusTheReserveBinds() {
        clock.advance(Duration.ofMillis(200));

        assertThat(deadline.remaining()).isEqualTo(Duration.ofMillis(100));
        assertThat(deadline.budgetFor(Duration.ofMillis(100), Duration.ofMillis(40))).isEqualTo(Duration.ofMillis(60));
        assertThat(deadline.budgetFor(Duration.ofMillis(50), Duration.ZERO)).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void nothingIsLeftOnceTheReserveIsReached() {
        clock.advance(Duration.ofMillis(265));

        assertThat(deadline.budgetFor(Duration.ofMillis(100), Duration.ofMillis(40))).isEqualTo(Duration.ZERO);
        assertThat(deadline.budgetFor(Duration.ofMillis(100), Duration.ZERO)).isEqualTo(Duration.ofMillis(35));
    }

    @Test
    void aSpentDeadlineNeverGoesNegative() {
        clock.advance(Duration.ofSeconds(1));

        assertThat(deadline.remaining()).isEqualTo(Duration.ZERO);
        assertThat(deadline.budgetFor(Duration.ofMillis(100), Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(deadline.expiresAt()).isEqualTo(arrival.plusMillis(300));
    }
}
