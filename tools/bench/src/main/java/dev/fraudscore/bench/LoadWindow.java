package dev.fraudscore.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * The answers that completed during one stretch of a load, recorded from many threads at once: latencies of
 * the successful ones, failures by gRPC status, and for each model version that answered, when it first and
 * last did. The open-loop benchmark keys answers by their kind instead of a version ("answered", "degraded").
 */
final class LoadWindow {

    /** Latencies up to a minute are recorded exactly to 3 significant digits; a call has a shorter deadline. */
    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final long startNanos;
    private final ConcurrentHistogram latencies = new ConcurrentHistogram(HIGHEST_NANOS, 3);
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, VersionSeen> versions = new ConcurrentHashMap<>();
    private volatile long endNanos;

    LoadWindow(long startNanos) {
        this.startNanos = startNanos;
    }

    void answered(String version, long sentNanos, long doneNanos) {
        latencies.recordValue(Math.min(doneNanos - sentNanos, HIGHEST_NANOS));
        versions.computeIfAbsent(version, v -> new VersionSeen()).saw(doneNanos);
    }

    void failed(String status) {
        failures.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    void close(long nowNanos) {
        endNanos = nowNanos;
    }

    long startNanos() {
        return startNanos;
    }

    /** When {@code version} first answered in this window, or -1 if it did not. */
    long firstAnswerNanos(String version) {
        VersionSeen seen = versions.get(version);
        return seen == null ? -1 : seen.first.get();
    }

    /** When a version other than {@code version} last answered in this window, or -1 if none did. */
    long lastAnswerOfOthersNanos(String version) {
        return versions.entrySet().stream().filter(e -> !e.getKey().equals(version))
                .mapToLong(e -> e.getValue().last.get()).max().orElse(-1);
    }

    Summary summary() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        double seconds = (end - startNanos) / 1e9;
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach((status, count) -> failed.put(status, count.sum()));
        Map<String, Long> byVersion = new TreeMap<>();
        versions.forEach((version, seen) -> byVersion.put(version, seen.count.sum()));
        long ok = latencies.getTotalCount();
        return new Summary(seconds, ok, ok / seconds, failed.values().stream().mapToLong(Long::longValue).sum(), failed,
                byVersion, Latencies.of(latencies.copy()));
    }

    /** @param throughput successful answers per second */
    record Summary(double seconds, long ok, double throughput, long failed, Map<String, Long> failures,
            Map<String, Long> versions, Latencies latency) {
    }

    private static final class VersionSeen {
        final LongAdder count = new LongAdder();
        final LongAccumulator first = new LongAccumulator(Math::min, Long.MAX_VALUE);
        final LongAccumulator last = new LongAccumulator(Math::max, Long.MIN_VALUE);

        void saw(long nanos) {
            count.increment();
            first.accumulate(nanos);
            last.accumulate(nanos);
        }
    }
}
