package dev.fraudscore.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

    @Test
    void logsTheFirstThenCountsTheRestOfThePeriod() {
        LogThrottle throttle = new LogThrottle("test", Duration.ofHours(1));

        assertThat(throttle.next()).hasValue(0);
        for (int i = 0; i < 99; i++) {
            assertThat(throttle.next()).isEmpty();
        }
        assertThat(throttle.suffix(99)).isEqualTo("(99 more not logged since the last line; at most one line every 3600 s)");
    }

    @Test
    void theNextPeriodsLineCarriesTheCountOfTheLastPeriod() throws InterruptedException {
        LogThrottle throttle = new LogThrottle("test", Duration.ofMillis(200));
        throttle.next();
        throttle.next();
        throttle.next();

        Thread.sleep(400);

        assertThat(throttle.next()).isEqualTo(OptionalLong.of(2));
    }
}
