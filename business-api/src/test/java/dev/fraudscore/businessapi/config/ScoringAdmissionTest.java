package dev.fraudscore.businessapi.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limiter.AbstractLimiter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The limit on requests scored at once, driven in waves of requests on a clock moved by hand. */
class ScoringAdmissionTest {

    private long now;

    private AbstractLimiter<Void> limiter(boolean adaptive) {
        return ScoringAdmission.limiter(new ApiProperties.Admission(64, 8, adaptive), () -> now);
    }

    /** As many requests at once as the limit lets in, each answered after {@code answer}; then a pause. */
    private void wave(AbstractLimiter<Void> limiter, int requests, Duration answer) {
        List<Limiter.Listener> admitted = IntStream.range(0, requests)
                .mapToObj(i -> limiter.acquire(null)).flatMap(Optional::stream).toList();
        now += answer.toNanos();
        admitted.forEach(Limiter.Listener::onSuccess);
        now += Duration.ofMillis(500).toNanos();
    }

    private void waves(AbstractLimiter<Void> limiter, int count, Duration answer) {
        for (int i = 0; i < count; i++) {
            wave(limiter, limiter.getLimit(), answer);
        }
    }

    @Test
    void fallsWhileAnswersSlowDownWithManyInFlightAndClimbsBackAsTheySpeedUp() {
        AbstractLimiter<Void> limiter = limiter(true);
        waves(limiter, 30, Duration.ofMillis(5));
        assertThat(limiter.getLimit()).as("answers as fast as usual").isEqualTo(64);

        waves(limiter, 30, Duration.ofMillis(200));
        int fallen = limiter.getLimit();
        assertThat(fallen).as("answers forty times slower: they queue").isLessThan(32).isGreaterThanOrEqualTo(8);

        waves(limiter, 60, Duration.ofMillis(5));
        assertThat(limiter.getLimit()).as("fast again for half a minute").isGreaterThan(fallen + 10);
    }

    @Test
    void staysAtTheCeilingWhileFewAreInFlightHoweverLongTheyTake() {
        AbstractLimiter<Void> limiter = limiter(true);
        for (int i = 0; i < 30; i++) {
            wave(limiter, 10, Duration.ofMillis(5 + 10 * i));
        }
        assertThat(limiter.getLimit()).isEqualTo(64);
    }

    @Test
    void aFixedLimitNeverMoves() {
        AbstractLimiter<Void> limiter = limiter(false);
        waves(limiter, 30, Duration.ofMillis(200));
        assertThat(limiter.getLimit()).isEqualTo(64);
        List<Limiter.Listener> full = IntStream.range(0, 64).mapToObj(i -> limiter.acquire(null).orElseThrow()).toList();
        assertThat(limiter.acquire(null)).as("the 65th").isEmpty();
        full.forEach(Limiter.Listener::onIgnore);
    }
}
