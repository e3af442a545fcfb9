package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void spacesRequestsEvenlyAtTheRate() {
        ArrivalSchedule schedule = new ArrivalSchedule(200, Duration.ofSeconds(1), Duration.ofSeconds(2));

        assertThat(schedule.offsetNanos(0)).isZero();
        assertThat(schedule.offsetNanos(1)).isEqualTo(5_000_000);
        assertThat(schedule.offsetNanos(200)).isEqualTo(1_000_000_000);
        assertThat(schedule.total()).isEqualTo(600);
    }

    @Test
    void keepsAFractionalRateWithoutDrift() {
        ArrivalSchedule schedule = new ArrivalSchedule(3, Duration.ZERO, Duration.ofSeconds(10));

        // 333,333,333.33 ns apart: rounding each offset, not adding rounded gaps, keeps request 30 at 10 s exactly
        assertThat(schedule.offsetNanos(1)).isEqualTo(333_333_333);
        assertThat(schedule.offsetNanos(2)).isEqualTo(666_666_667);
        assertThat(schedule.offsetNanos(30)).isEqualTo(10_000_000_000L);
        assertThat(schedule.total()).isEqualTo(30);
    }

    @Test
    void putsTheWarmUpBeforeTheMeasuredWindow() {
        ArrivalSchedule schedule = new ArrivalSchedule(100, Duration.ofSeconds(2), Duration.ofSeconds(3));

        assertThat(schedule.measured(199)).isFalse();
        assertThat(schedule.measured(200)).isTrue();
        assertThat(schedule.measured(499)).isTrue();
        assertThat(schedule.measured(500)).isFalse();
    }

    @Test
    void refusesARateOrWindowThatCannotRun() {
        assertThatThrownBy(() -> new ArrivalSchedule(0, Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("rate must be above 0");
        assertThatThrownBy(() -> new ArrivalSchedule(10, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("measured window above 0");
    }
}
