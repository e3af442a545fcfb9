package dev.fraudscore.bench;

import java.time.Instant;
import java.util.Map;

/**
 * One measured window of an open-loop run, as {@code .run/bench/latest.json} holds it (members in snake_case).
 *
 * @param mode            "decomposed", "embedded", "hop" or the front ("gateway", "nginx")
 * @param target          what was driven, in words
 * @param targetRate      the offered rate, requests/s
 * @param achievedRate    answers (degraded ones included) per second of the measured window
 * @param requests        requests meant for the measured window; all were sent
 * @param errors          requests of the window that got no answer: a status other than 200, a failure, or none in time
 * @param degraded        answers with {@code "degraded": true}
 * @param cpuMsPerRequest CPU milliseconds per request of each process over the window, the load generator's
 *                        ({@code load-generator}) and their {@code total}
 * @param senderLateMaxMs how late the load generator sent a request of the window at worst, ms: above a few ms
 *                        it did not keep up, and the latencies hold some of its own delay
 * @param otherCores      CPU of every other process of the host over the window, in cores (2.0 = both cores all the
 *                        time): how quiet the host was
 * @param perSecond       the whole run second by second, warm-up included ({@link Timeline})
 */
record ChainResult(String mode, String target, double targetRate, double achievedRate, double durationS,
        double warmupS, int cards, LatencyMs latencyMs, long requests, long errors, Map<String, Long> errorKinds,
        long degraded, Map<String, Double> cpuMsPerRequest, double senderLateMaxMs, double otherCores, String measuredAt, String loadAverageBefore,
        String loadAverageAfter, String host, Timeline.Series perSecond) {

    /** Latency from each request's intended send time to its answer, in milliseconds. */
    record LatencyMs(double p50, double p99, double p999, double max) {

        static LatencyMs of(Latencies micros) {
            return new LatencyMs(round(micros.p50Micros() / 1000), round(micros.p99Micros() / 1000),
                    round(micros.p999Micros() / 1000), round(micros.maxMicros() / 1000));
        }
    }

    /** What the run was and where, beside its numbers. */
    record Setting(String mode, String target, double targetRate, double warmupS, int cards, String loadAverageBefore,
            String host) {
    }

    /** @param busyMillis CPU milliseconds the whole host spent busy over the window ({@code /proc/stat}) */
    static ChainResult of(Setting setting, OpenLoopRun.Windows windows, Map<String, Double> cpuMsPerRequest,
            long busyMillis, String loadAverageAfter, Instant measuredAt) {
        LoadWindow.Summary summary = windows.measured().summary();
        long degraded = summary.versions().getOrDefault(LoadTarget.Outcome.DEGRADED.kind(), 0L);
        Map<String, Long> errorKinds = new java.util.TreeMap<>(summary.failures());
        if (windows.unanswered() > 0) {
            errorKinds.merge("no answer in time", windows.unanswered(), Long::sum);
        }
        Map<String, Double> cpu = new java.util.LinkedHashMap<>();
        cpuMsPerRequest.forEach((name, millis) -> cpu.put(name, round(millis)));
        return new ChainResult(setting.mode(), setting.target(), setting.targetRate(), round(summary.throughput()),
                round(summary.seconds()), setting.warmupS(), setting.cards(), LatencyMs.of(summary.latency()),
                windows.sentMeasured(), summary.failed() + windows.unanswered(), errorKinds, degraded, cpu,
                round(windows.senderLateMaxNanos() / 1e6), round(otherCores(busyMillis, cpuMsPerRequest.getOrDefault(CpuAttribution.TOTAL, 0.0)
                        * windows.sentMeasured(), summary.seconds())), measuredAt.toString(), setting.loadAverageBefore(), loadAverageAfter, setting.host(),
                windows.timeline().series());
    }

    /** The host's busy time less what the named processes used, in cores; a few ticks below 0 read as 0. */
    static double otherCores(long busyMillis, double attributedMillis, double seconds) {
        return seconds <= 0 ? 0 : Math.max(0, (busyMillis - attributedMillis) / 1000 / seconds);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
