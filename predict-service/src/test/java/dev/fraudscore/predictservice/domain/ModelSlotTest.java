package dev.fraudscore.predictservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.predictservice.FakeServedModel;
import dev.fraudscore.predictservice.TestManifests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSlotTest {

    private final ModelSlot slot = new ModelSlot();
    private final FakeServedModel model = new FakeServedModel(TestManifests.fraudV1("fraud-mlp", "1"), 0.5f);

    @Test
    void refusesWhileLoading() {
        assertThat(slot.isReady()).isFalse();
        assertThatThrownBy(slot::require).isInstanceOfSatisfying(PredictionException.class, e -> {
            assertThat(e.kind()).isEqualTo(PredictionException.Kind.MODEL_UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo("the model is still loading");
        });
    }

    @Test
    void servesTheModelOnceReady() {
        assertThat(slot.ready(model)).isTrue();
        assertThat(slot.isReady()).isTrue();
        assertThat(slot.require()).isSameAs(model);
    }

    @Test
    void refusesWithTheSentenceOfAnUnavailableModel() {
        slot.unavailable("no model version found in /m for fraud-mlp");
        assertThatThrownBy(slot::require).hasMessage("no model version found in /m for fraud-mlp");
    }

    @Test
    void tellsListenersTheCurrentStateThenEveryChangeInOrder() {
        List<Class<?>> seen = new ArrayList<>();
        slot.onChange(state -> seen.add(state.getClass()));
        slot.ready(model);
        slot.close();
        assertThat(seen).containsExactly(ModelSlot.Loading.class, ModelSlot.Ready.class, ModelSlot.Unavailable.class);
    }

    @Test
    void closeReleasesTheModelAndRefusesLaterLoads() {
        slot.ready(model);
        slot.close();
        assertThat(model.closed()).isTrue();
        assertThatThrownBy(slot::require).hasMessage("predict-service is shutting down");

        FakeServedModel late = new FakeServedModel(TestManifests.fraudV1("fraud-mlp", "2"), 0.5f);
        assertThat(slot.ready(late)).isFalse();
        slot.unavailable("ignored after close");
        assertThatThrownBy(slot::require).hasMessage("predict-service is shutting down");
    }
}
