package dev.fraudscore.predictservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.predictservice.FakeServedModel;
import dev.fraudscore.predictservice.TestManifests;
import org.junit.jupiter.api.Test;

class PredictorTest {

    private final ModelSlot slot = new ModelSlot();
    private final FakeServedModel model = new FakeServedModel(TestManifests.fraudV1("fraud-mlp", "2"), 0.25f);
    private final Predictor predictor = new Predictor(slot, new RequestValidator(8));

    @Test
    void scoresValidRowsWithTheServedModel() {
        slot.ready(model);
        Prediction prediction = predictor.predict(TestManifests.fraudV1(), TestManifests.rows(3, 1));
        assertThat(prediction.model().version()).isEqualTo("2");
        assertThat(prediction.scores()).containsExactly(0.25f, 0.25f, 0.25f);
    }

    @Test
    void neverFeedsTheModelRowsOfAnotherFeatureSet() {
        slot.ready(model);
        assertThatThrownBy(() -> predictor.predict(new FeatureSetId("fraud", 1, "0000000000000000"),
                TestManifests.rows(3, 1))).isInstanceOf(PredictionException.class);
        assertThat(model.batchSizes()).isEmpty();
    }

    @Test
    void refusesBeforeAModelIsReady() {
        assertThatThrownBy(() -> predictor.predict(TestManifests.fraudV1(), TestManifests.rows(1, 1)))
                .isInstanceOfSatisfying(PredictionException.class,
                        e -> assertThat(e.kind()).isEqualTo(PredictionException.Kind.MODEL_UNAVAILABLE));
        assertThatThrownBy(predictor::current).hasMessage("the model is still loading");
    }
}
