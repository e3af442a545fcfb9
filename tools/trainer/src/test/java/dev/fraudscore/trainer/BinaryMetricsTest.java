package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fraudscore.trainer.BinaryMetrics.Confusion;
import dev.fraudscore.trainer.BinaryMetrics.PrPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

    // ranked: 0.9 fraud, 0.8 genuine, 0.7 fraud, 0.6 genuine, 0.5 genuine, 0.4 fraud
    private static final float[] SCORES = {0.6f, 0.9f, 0.4f, 0.8f, 0.7f, 0.5f};
    private static final float[] LABELS = {0f, 1f, 1f, 0f, 1f, 0f};

    @Test
    void averagePrecisionIsTheMeanPrecisionAtEachFraudRow() {
        // (1 + 2/3 + 3/6) / 3
        assertThat(BinaryMetrics.averagePrecision(SCORES, LABELS)).isCloseTo(13.0 / 18, within(1e-12));
    }

    @Test
    void rocAucIsTheShareOfCorrectlyOrderedPairs() {
        // fraud 0.9 beats 3 genuine rows, 0.7 beats 2, 0.4 beats none: 5 of 9 pairs
        assertThat(BinaryMetrics.rocAuc(SCORES, LABELS)).isCloseTo(5.0 / 9, within(1e-12));
    }

    @Test
    void tiesCountHalfAndFormOneCurvePoint() {
        float[] scores = {0.5f, 0.5f, 0.2f};
        float[] labels = {1f, 0f, 0f};
        assertThat(BinaryMetrics.rocAuc(scores, labels)).isCloseTo(0.75, within(1e-12));
        List<PrPoint> curve = BinaryMetrics.prCurve(scores, labels);
        assertThat(curve).hasSize(2);
        assertThat(curve.get(0).precision()).isEqualTo(0.5);
        assertThat(BinaryMetrics.averagePrecision(scores, labels)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void perfectRankingScoresOne() {
        float[] scores = {0.1f, 0.9f, 0.2f, 0.8f};
        float[] labels = {0f, 1f, 0f, 1f};
        assertThat(BinaryMetrics.rocAuc(scores, labels)).isEqualTo(1.0);
        assertThat(BinaryMetrics.averagePrecision(scores, labels)).isEqualTo(1.0);
        assertThat(BinaryMetrics.recallAtFpr(scores, labels, 0.0)).isEqualTo(1.0);
    }

    @Test
    void thresholdAtFprAllowsAtMostThatShareOfGenuineRows() {
        float zeroFp = BinaryMetrics.thresholdAtFpr(SCORES, LABELS, 0.0);
        assertThat(zeroFp).isGreaterThan(0.8f).isLessThan(0.9f);
        assertThat(BinaryMetrics.confusion(SCORES, LABELS, zeroFp).falsePositives()).isZero();
        float oneFp = BinaryMetrics.thresholdAtFpr(SCORES, LABELS, 0.34);
        Confusion c = BinaryMetrics.confusion(SCORES, LABELS, oneFp);
        assertThat(c.falsePositives()).isEqualTo(1);
        assertThat(c.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(BinaryMetrics.recallAtFpr(SCORES, LABELS, 0.34)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void confusionCountsRowsAtOrAboveTheThresholdAsFlagged() {
        Confusion c = BinaryMetrics.confusion(SCORES, LABELS, 0.7f);
        assertThat(c.truePositives()).isEqualTo(2);
        assertThat(c.falsePositives()).isEqualTo(1);
        assertThat(c.trueNegatives()).isEqualTo(2);
        assertThat(c.falseNegatives()).isEqualTo(1);
        assertThat(c.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.falsePositiveRate()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void refusesOneClassInput() {
        assertThatThrownBy(() -> BinaryMetrics.rocAuc(new float[] {0.1f, 0.2f}, new float[] {0f, 0f}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both fraud and genuine rows");
    }
}
