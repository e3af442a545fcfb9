package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fraudscore.simulator.FraudPattern;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SingleFeaturesTest {

    @Test
    void scoresEachFeatureAloneInItsBetterDirectionStrongestFirst() {
        // column 0 separates the classes when low, column 1 is noise, column 2 separates them when high
        float[][] rows = {{0, 5, 9}, {1, 1, 8}, {7, 4, 1}, {8, 2, 2}, {9, 3, 0}};
        float[] labels = {1, 1, 0, 0, 0};
        LabelledRows data = new LabelledRows(rows, labels, new long[5], new FraudPattern[5]);

        Map<String, Double> ap = SingleFeatures.averagePrecision(List.of("low_is_fraud", "noise", "high_is_fraud"),
                data);

        assertThat(ap.get("low_is_fraud")).isCloseTo(1.0, within(1e-9));
        assertThat(ap.get("high_is_fraud")).isCloseTo(1.0, within(1e-9));
        assertThat(ap.get("noise")).isLessThan(1.0);
        assertThat(ap.keySet()).last().isEqualTo("noise");
    }
}
