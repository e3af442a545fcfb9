package dev.fraudscore.bench;

import org.HdrHistogram.AbstractHistogram;

/** Percentiles of a latency histogram recorded in nanoseconds, in microseconds. */
record Latencies(long count, double p50Micros, double p90Micros, double p99Micros, double p999Micros,
        double maxMicros, double meanMicros) {

    static Latencies of(AbstractHistogram nanos) {
        return new Latencies(nanos.getTotalCount(), micros(nanos.getValueAtPercentile(50)),
                micros(nanos.getValueAtPercentile(90)), micros(nanos.getValueAtPercentile(99)),
                micros(nanos.getValueAtPercentile(99.9)), micros(nanos.getMaxValue()), nanos.getMean() / 1000);
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
