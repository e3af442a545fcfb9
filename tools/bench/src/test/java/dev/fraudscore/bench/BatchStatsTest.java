package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BatchStatsTest {

    @Test
    void averagesWhatTheBatcherDidBetweenTwoScrapes() {
        PrometheusText before = scrape(10, 100, 40, 0.004, 10, 0.002, 1);
        // 20 more batches of 300 rows in all; 300 more requests queued 0.3 s in all; 20 passes took 0.01 s
        PrometheusText after = scrape(30, 400, 340, 0.304, 30, 0.012, 3);

        BatchStats stats = BatchStats.between(before, after);

        assertThat(stats.batches()).isEqualTo(20);
        assertThat(stats.meanRows()).isEqualTo(15.0);
        assertThat(stats.meanQueueMicros()).isCloseTo(1000, within(1e-6));
        assertThat(stats.meanInferenceMicros()).isCloseTo(500, within(1e-6));
        assertThat(stats.dropped()).isEqualTo(2);
    }

    @Test
    void answersZerosWhenNothingRan() {
        BatchStats stats = BatchStats.between(PrometheusText.EMPTY, PrometheusText.EMPTY);

        assertThat(stats).isEqualTo(new BatchStats(0, 0, 0, 0, 0));
    }

    private static PrometheusText scrape(long batches, double rows, long queued, double queueSeconds, long passes,
            double inferenceSeconds, long dropped) {
        String labels = "{model=\"fraud-mlp\",version=\"1\"}";
        return new PrometheusText(String.join("\n",
                BatchStats.ROWS + "_count" + labels + " " + batches,
                BatchStats.ROWS + "_sum" + labels + " " + rows,
                BatchStats.QUEUE + "_count" + labels + " " + queued,
                BatchStats.QUEUE + "_sum" + labels + " " + queueSeconds,
                BatchStats.INFERENCE + "_count" + labels + " " + passes,
                BatchStats.INFERENCE + "_sum" + labels + " " + inferenceSeconds,
                BatchStats.DROPPED + "{model=\"fraud-mlp\",version=\"1\",why=\"deadline\"} " + dropped));
    }
}
