package dev.fraudscore.support.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GrpcSelfWarmupTest {

    private final ReadinessGate gate = new ReadinessGate("warm-up", "warming up", "model", "loading");

    @Test
    void warmsThePortOnAThreadOfItsOwnAndOpensTheConditionAfterwards() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> seen = new AtomicReference<>();
        GrpcSelfWarmup warmup = new GrpcSelfWarmup(gate, "test-warmup", channel -> {
            seen.set(Thread.currentThread().getName() + " " + channel.authority());
            waitFor(release);
        });

        warmup.start(9092);

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.get() != null);
        assertThat(seen.get()).isEqualTo("test-warmup 127.0.0.1:9092");
        assertThat(gate.isReady("warm-up")).isFalse();
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.isReady("warm-up"));
        assertThat(gate.isReady("model")).isFalse();
    }

    @Test
    void aWarmUpThatFailsStillOpensTheCondition() {
        new GrpcSelfWarmup(gate, "test-warmup", channel -> {
            throw new IllegalStateException("the model is gone");
        }).start(9092);

        await().atMost(Duration.ofSeconds(5)).until(() -> gate.isReady("warm-up"));
    }

    @Test
    void anInProcessServerHasNoPortToWarmAndOpensTheConditionAtOnce() {
        new GrpcSelfWarmup(gate, "test-warmup", channel -> {
            throw new AssertionError("nothing to warm");
        }).start(0);

        assertThat(gate.isReady("warm-up")).isTrue();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
