package dev.fraudscore.postprocess.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.contracts.common.v1.ModelRef;
import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.DecideResponse;
import dev.fraudscore.contracts.postprocess.v1.Unavailable;
import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Reason;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.postprocess.domain.DecideInput;
import dev.fraudscore.postprocess.domain.ModelKey;
import dev.fraudscore.postprocess.domain.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecideMappingTest {

    @Test
    void aScoredRequestCarriesScoreModelAndFeatures() {
        DecideInput input = DecideMapping.toInput(DecideRequest.newBuilder()
                .setScore(0.25f)
                .setModel(ModelRef.newBuilder().setName("fraud-mlp").setVersion("4"))
                .putFeatures("cross_border", 1f)
                .build());

        assertThat(input).isEqualTo(new DecideInput(0.25f, ReasonCode.SCORE_MISSING, new ModelKey("fraud-mlp", "4"),
                Map.of("cross_border", 1f), null));
    }

    @Test
    void theModelsSuggestedThresholdsAreCarriedWhenTheyAreValidBands() {
        DecideRequest.Builder request = DecideRequest.newBuilder().setScore(0.3f);

        assertThat(DecideMapping.toInput(request.build()).suggested()).isNull();
        assertThat(DecideMapping.toInput(request.setModelThresholds(bands(0.289f, 0.85f)).build()).suggested())
                .isEqualTo(new Thresholds(0.289f, 0.85f));
        assertThat(DecideMapping.toInput(request.setModelThresholds(bands(0.9f, 0.5f)).build()).suggested()).isNull();
    }

    private static dev.fraudscore.contracts.common.v1.Thresholds bands(float review, float decline) {
        return dev.fraudscore.contracts.common.v1.Thresholds.newBuilder().setReview(review).setDecline(decline).build();
    }

    @Test
    void anAbsentScoreIsNullEvenThoughProtoDefaultsItToZero() {
        DecideInput input = DecideMapping.toInput(DecideRequest.newBuilder()
                .setUnavailable(Unavailable.UNAVAILABLE_FEATURES_UNAVAILABLE).build());

        assertThat(input.score()).isNull();
        assertThat(input.unavailable()).isEqualTo(ReasonCode.FEATURES_UNAVAILABLE);
        assertThat(input.model()).isEqualTo(ModelKey.NONE);
    }

    @Test
    void aVerdictBecomesAResponse() {
        DecideResponse response = DecideMapping.toResponse(new Verdict(Label.SUSPICIOUS, Decision.REVIEW,
                List.of(new Reason("A", "a text", 0.5)), "v9"));

        assertThat(response.getLabel()).isEqualTo(dev.fraudscore.contracts.postprocess.v1.Label.LABEL_SUSPICIOUS);
        assertThat(response.getDecision()).isEqualTo(dev.fraudscore.contracts.postprocess.v1.Decision.DECISION_REVIEW);
        assertThat(response.getPolicyVersion()).isEqualTo("v9");
        assertThat(response.getReasons(0).getCode()).isEqualTo("A");
        assertThat(response.getReasons(0).getText()).isEqualTo("a text");
        assertThat(response.getReasons(0).getWeight()).isEqualTo(0.5f);
    }
}
