package dev.fraudscore.predictservice.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.predictservice.HandClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A remote-backed version that failed is loaded again on a backoff that starts at the poll period. */
class RemoteRetriesTest {

    private static final String REF = "fraud-mlp/3";

    private final HandClock clock = HandClock.frozen();
    private final RemoteRetries retries = new RemoteRetries(clock);

    @Test
    void theFirstRetryIsOnePollPeriodAfterTheFailureAndEachFurtherOneTwiceAsLate() {
        retries.firstAfter(Duration.ofSeconds(5));

        retries.failed(REF);
        assertDueAfter(Duration.ofSeconds(5));
        retries.failed(REF);
        assertDueAfter(Duration.ofSeconds(10));
        retries.failed(REF);
        assertDueAfter(Duration.ofSeconds(20));
        retries.failed(REF);
        assertDueAfter(Duration.ofSeconds(40));
        retries.failed(REF);
        assertDueAfter(RemoteRetries.LONGEST);
        retries.failed(REF);
        assertDueAfter(RemoteRetries.LONGEST);
    }

    @Test
    void aSuccessStartsTheBackoffOver() {
        retries.firstAfter(Duration.ofSeconds(5));
        retries.failed(REF);
        retries.failed(REF);

        retries.forget(REF);
        assertThat(retries.due(REF)).isFalse();
        retries.failed(REF);
        assertDueAfter(Duration.ofSeconds(5));
    }

    @Test
    void aPollPeriodLongerThanTheLongestWaitIsTheWait() {
        retries.firstAfter(Duration.ofMinutes(3));

        retries.failed(REF);
        assertDueAfter(Duration.ofMinutes(3));
        retries.failed(REF);
        assertDueAfter(Duration.ofMinutes(3));
    }

    @Test
    void aVersionThatNeverFailedIsNotDue() {
        assertThat(retries.due(REF)).isFalse();
    }

    private void assertDueAfter(Duration wait) {
        clock.advance(wait.minusMillis(1));
        assertThat(retries.due(REF)).as("due before %s", wait).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(retries.due(REF)).as("due after %s", wait).isTrue();
    }
}
