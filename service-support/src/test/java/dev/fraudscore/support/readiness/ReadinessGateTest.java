package dev.fraudscore.support.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class ReadinessGateTest {

    private final ReadinessGate gate = new ReadinessGate("warm-up", "warming up the request path",
            "model", "the model is still loading");

    @Test
    void readyOnlyWhenEveryConditionIsAndSaysWhatItWaitsFor() {
        assertThat(gate.isReady()).isFalse();
        assertThat(gate.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(gate.health().getDetails()).containsEntry("model", "the model is still loading");

        gate.ready("warm-up");
        assertThat(gate.isReady()).isFalse();
        assertThat(gate.isReady("warm-up")).isTrue();
        assertThat(gate.isReady("model")).isFalse();
        assertThat(gate.health().getDetails()).doesNotContainKey("warm-up");

        gate.ready("model", Map.of("model", "fraud-mlp/3"));
        assertThat(gate.isReady()).isTrue();
        assertThat(gate.health().getStatus()).isEqualTo(Status.UP);
        assertThat(gate.health().getDetails()).containsEntry("model", "fraud-mlp/3");
    }

    @Test
    void listenersHearTheCurrentStateAndEachChangeOnce() {
        List<Boolean> heard = new ArrayList<>();
        gate.onChange(heard::add);
        gate.ready("warm-up");
        gate.ready("model");
        gate.ready("model");
        gate.notReady("model", "the model failed its warm-up");

        assertThat(heard).containsExactly(false, true, false);
        assertThat(gate.health().getDetails()).containsEntry("model", "the model failed its warm-up");
    }

    @Test
    void anUnknownConditionIsAProgrammingError() {
        assertThatThrownBy(() -> gate.ready("redis")).hasMessageContaining("known: [warm-up, model]");
        assertThatThrownBy(() -> gate.isReady("redis")).hasMessageContaining("known: [warm-up, model]");
        assertThatThrownBy(() -> new ReadinessGate("lonely")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void awaitingReturnsWhenTheConditionsAreReadyOrTheTimeIsUp() throws Exception {
        CompletableFuture<Boolean> model = CompletableFuture.supplyAsync(() -> await("model", Duration.ofMinutes(1)));
        CompletableFuture<Boolean> all = CompletableFuture.supplyAsync(() -> await(null, Duration.ofMinutes(1)));

        gate.ready("model");
        assertThat(model.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(all).isNotDone();
        assertThat(gate.awaitReady(Duration.ofMillis(50))).isFalse();

        gate.ready("warm-up");
        assertThat(all.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(gate.awaitReady(Duration.ZERO)).isTrue();
    }

    private boolean await(String condition, Duration timeout) {
        try {
            return condition == null ? gate.awaitReady(timeout) : gate.awaitReady(condition, timeout);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
