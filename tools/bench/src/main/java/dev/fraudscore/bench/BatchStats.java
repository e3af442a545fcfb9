package dev.fraudscore.bench;

/**
 * What predict-service's batcher did between two scrapes of its metrics (the {@code BatchListener} histograms):
 * how many forward passes, how many rows each held, how long requests queued and a pass took, on average.
 */
record BatchStats(long batches, double meanRows, double meanQueueMicros, double meanInferenceMicros, long dropped) {

    static final String ROWS = "fraudscore_predict_batch_rows";
    static final String QUEUE = "fraudscore_predict_queue_time_seconds";
    static final String INFERENCE = "fraudscore_predict_inference_time_seconds";
    static final String DROPPED = "fraudscore_predict_dropped_total";

    static BatchStats between(PrometheusText before, PrometheusText after) {
        double batches = delta(before, after, ROWS + "_count");
        double queued = delta(before, after, QUEUE + "_count");
        return new BatchStats(Math.round(batches),
                ratio(delta(before, after, ROWS + "_sum"), batches),
                ratio(delta(before, after, QUEUE + "_sum") * 1e6, queued),
                ratio(delta(before, after, INFERENCE + "_sum") * 1e6, delta(before, after, INFERENCE + "_count")),
                Math.round(delta(before, after, DROPPED)));
    }

    private static double delta(PrometheusText before, PrometheusText after, String metric) {
        return after.sum(metric) - before.sum(metric);
    }

    private static double ratio(double total, double count) {
        return count == 0 ? 0 : total / count;
    }
}
