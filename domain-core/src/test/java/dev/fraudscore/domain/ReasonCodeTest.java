package dev.fraudscore.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReasonCodeTest {

    private final Thresholds thresholds = new Thresholds(0.289f, 0.85f);

    @Test
    void aScoreReasonNamesTheBandItsThresholdAndTheScore() {
        Reason high = ReasonCode.forScore(0.93f, thresholds);
        assertThat(high.code()).isEqualTo("MODEL_SCORE_HIGH");
        assertThat(high.text()).isEqualTo("The model scored this transaction 0.93, at or above the decline threshold 0.85");
        assertThat(high.weight()).as("a float weight keeps its shortest decimal").isEqualTo(0.93);
        assertThat(new Reason("X", "x", 0.2f).weight()).isEqualTo(0.2);

        Reason elevated = ReasonCode.forScore(0.289f, thresholds);
        assertThat(elevated.code()).isEqualTo("MODEL_SCORE_ELEVATED");
        assertThat(elevated.text()).endsWith("review threshold 0.289");
    }

    @Test
    void aScoreBelowReviewNeedsNoReason() {
        assertThat(ReasonCode.forScore(0.2889f, thresholds)).isNull();
    }

    @Test
    void aFailSafeReasonSaysWhichDecisionWasTakenInstead() {
        Reason reason = ReasonCode.MODEL_UNAVAILABLE.failSafe(Decision.REVIEW);
        assertThat(reason.code()).isEqualTo("MODEL_UNAVAILABLE");
        assertThat(reason.text()).endsWith("; the decision follows the fail mode REVIEW.");
        assertThat(reason.weight()).isEqualTo(1.0);
        assertThatThrownBy(() -> ReasonCode.MODEL_SCORE_HIGH.failSafe(Decision.REVIEW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void numbersInTextsAreShortAndFreeOfFloatNoise() {
        assertThat(ReasonNumbers.probability(0.5f)).isEqualTo("0.50");
        assertThat(ReasonNumbers.probability(0.85041f)).isEqualTo("0.8504");
        assertThat(ReasonNumbers.plain(7f)).isEqualTo("7");
        assertThat(ReasonNumbers.plain(5.2345f)).isEqualTo("5.23");
        assertThat(ReasonCode.isReserved("SCORE_MISSING")).isTrue();
        assertThat(ReasonCode.isReserved("HIGH_VELOCITY")).isFalse();
    }
}
