package dev.fraudscore.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private final Thresholds thresholds = new Thresholds(0.3f, 0.8f);

    @Test
    void aScoreExactlyAtAThresholdFallsInTheUpperBand() {
        assertThat(thresholds.labelFor(0.2999f)).isEqualTo(Label.NOT_FRAUD);
        assertThat(thresholds.labelFor(0.3f)).isEqualTo(Label.SUSPICIOUS);
        assertThat(thresholds.labelFor(0.7999f)).isEqualTo(Label.SUSPICIOUS);
        assertThat(thresholds.labelFor(0.8f)).isEqualTo(Label.HIGHLY_SUSPICIOUS);
    }

    @Test
    void reviewMustLieBelowDeclineInsideTheUnitInterval() {
        assertThatThrownBy(() -> new Thresholds(0.8f, 0.3f)).hasMessageContaining("review < decline");
        assertThatThrownBy(() -> new Thresholds(-0.1f, 0.3f)).hasMessageContaining("review is -0.1");
        assertThatThrownBy(() -> new Thresholds(0.1f, Float.NaN)).hasMessageContaining("decline is NaN");
    }

    @Test
    void eachScoredLabelLeadsToItsDecision() {
        assertThat(Decision.forLabel(Label.NOT_FRAUD)).isEqualTo(Decision.APPROVE);
        assertThat(Decision.forLabel(Label.SUSPICIOUS)).isEqualTo(Decision.REVIEW);
        assertThat(Decision.forLabel(Label.HIGHLY_SUSPICIOUS)).isEqualTo(Decision.DECLINE);
        assertThatThrownBy(() -> Decision.forLabel(Label.UNCERTAIN)).hasMessageContaining("fail mode");
    }
}
