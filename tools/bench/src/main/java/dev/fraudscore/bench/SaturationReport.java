package dev.fraudscore.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The saturation runs as a table, and the goal: 3x the throughput with batching at the same p99. */
final class SaturationReport {

    private SaturationReport() {
    }

    static String line(SaturationRun r) {
        return "  " + r.batching().describe() + ", run " + r.run() + ": " + Numbers.f0(r.load().throughput()) + " req/s, p50 "
                + Numbers.f2(r.load().latency().p50Micros() / 1000) + " ms, p99 "
                + Numbers.f2(r.load().latency().p99Micros() / 1000) + " ms, " + r.load().failed() + " failed; server "
                + Numbers.f0(r.serverCpuMicrosPerRequest()) + " us CPU/request, mean batch "
                + Numbers.f1(r.batches().meanRows()) + " rows; server threads " + r.serverThreads()
                + (r.profile() == null ? "" : System.lineSeparator() + "  JFR, " + r.profile().samples()
                + " Java samples; % with the library on the stack: " + r.profile().onStack() + System.lineSeparator()
                + "  % by top frame: " + r.profile().topFrames());
    }

    static String table(List<SaturationRun> runs) {
        TextTable table = new TextTable("batching", "run", "req/s", "p50 ms", "p99 ms", "p99.9 ms", "failed",
                "server CPU us/req", "loader CPU us/req", "server cores", "other cores", "rows/batch", "queue us", "inference us",
                "load avg before");
        for (SaturationRun r : runs) {
            var latency = r.load().latency();
            table.row(r.batching().describe(), r.run(), Numbers.f0(r.load().throughput()), Numbers.f2(latency.p50Micros() / 1000),
                    Numbers.f2(latency.p99Micros() / 1000), Numbers.f2(latency.p999Micros() / 1000), r.load().failed(),
                    Numbers.f0(r.serverCpuMicrosPerRequest()), Numbers.f0(r.loaderCpuMicrosPerRequest()),
                    Numbers.f2(r.serverCoresUsed()), Numbers.f2(r.otherCoresUsed()), Numbers.f1(r.batches().meanRows()),
                    Numbers.f0(r.batches().meanQueueMicros()), Numbers.f0(r.batches().meanInferenceMicros()),
                    r.loadAverageBefore());
        }
        return table.render();
    }

    /** For each batching choice against the unbatched one: mean throughput ratio >= 3, mean p99 no higher. */
    static List<Goal> goals(List<SaturationRun> runs) {
        Map<BatchingChoice, List<SaturationRun>> byChoice = new LinkedHashMap<>();
        runs.forEach(r -> byChoice.computeIfAbsent(r.batching(), b -> new ArrayList<>()).add(r));
        List<SaturationRun> unbatched = byChoice.entrySet().stream().filter(e -> !e.getKey().batches())
                .map(Map.Entry::getValue).findFirst().orElse(List.of());
        List<Goal> goals = new ArrayList<>();
        if (unbatched.isEmpty()) {
            return goals;
        }
        double baseThroughput = Numbers.mean(unbatched, r -> r.load().throughput());
        double baseP99 = Numbers.mean(unbatched, r -> r.load().latency().p99Micros());
        byChoice.forEach((choice, sample) -> {
            if (sample == unbatched) {
                return;
            }
            double ratio = Numbers.mean(sample, r -> r.load().throughput()) / baseThroughput;
            double p99 = Numbers.mean(sample, r -> r.load().latency().p99Micros());
            goals.add(new Goal("with batching (" + choice.describe() + ") >= 3x the throughput of maxBatchSize 1 at the same p99",
                    "x" + Numbers.f2(ratio) + " (" + Numbers.range(sample, r -> r.load().throughput(), Numbers::f0)
                            + " vs " + Numbers.range(unbatched, r -> r.load().throughput(), Numbers::f0)
                            + " req/s); p99 " + Numbers.range(sample, r -> r.load().latency().p99Micros() / 1000, Numbers::f2)
                            + " vs " + Numbers.range(unbatched, r -> r.load().latency().p99Micros() / 1000, Numbers::f2)
                            + " ms", ratio >= 3 && p99 <= baseP99));
        });
        return goals;
    }
}
