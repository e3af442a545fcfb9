package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final PrometheusText TEXT = new PrometheusText("""
            # HELP fraudscore_predict_batch_rows \s
            # TYPE fraudscore_predict_batch_rows histogram
            fraudscore_predict_batch_rows_count{model="fraud-mlp",version="1"} 10
            fraudscore_predict_batch_rows_count{model="fraud-mlp",version="2"} 5
            fraudscore_predict_batch_rows_count_extra{model="fraud-mlp",version="1"} 99
            fraudscore_predict_batch_rows_sum{model="fraud-mlp",version="1"} 120.0
            process_uptime_seconds 12.5
            """);

    @Test
    void sumsEverySeriesOfTheMetric() {
        assertThat(TEXT.sum("fraudscore_predict_batch_rows_count")).isEqualTo(15);
    }

    @Test
    void keepsOnlyTheSeriesWithTheGivenLabels() {
        assertThat(TEXT.sum("fraudscore_predict_batch_rows_count", "version=\"2\"")).isEqualTo(5);
    }

    @Test
    void readsAMetricWithoutLabelsAndAnswersZeroForAnAbsentOne() {
        assertThat(TEXT.sum("process_uptime_seconds")).isEqualTo(12.5);
        assertThat(TEXT.sum("fraudscore_predict_queue_time_seconds_sum")).isZero();
    }
}
