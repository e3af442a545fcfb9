package dev.fraudscore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serving overhead at low load: predict-service end to end against the raw forward pass, same run. */
@Command(name = "overhead", mixinStandardHelpOptions = true,
        description = "One caller, sequential, one row: p50 of Predict over gRPC against the raw DJL forward pass "
                + "(LoadedModel.score) in this JVM, interleaved in rounds; a fresh predict-service per run.")
final class OverheadBench extends Benchmark {

    static final double GOAL_MICROS = 150;

    @Option(names = "--warmup-requests", description = "Calls of each kind before measuring (default ${DEFAULT-VALUE}).")
    int warmupRequests = 5_000;

    @Option(names = "--requests", description = "Calls of each kind per round (default ${DEFAULT-VALUE}).")
    int requests = 2_000;

    @Option(names = "--rounds", description = "Rounds (default ${DEFAULT-VALUE}).")
    int rounds = 5;

    @Option(names = "--runs", description = "Runs, each on a fresh server (default ${DEFAULT-VALUE}).")
    int runs = 2;

    @Override
    void run(Workbench bench) {
        System.out.printf("overhead: one caller, sequential; %d warm-up calls, then %d rounds of %d Predict calls, %d raw "
                + "forward passes and %d GetModelMetadata calls; %d run(s)%n", warmupRequests, rounds, requests, requests,
                requests / 4, runs);
        OverheadRun.Plan plan = new OverheadRun.Plan(warmupRequests, requests, rounds);
        List<OverheadRun> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            results.add(OverheadRun.measure(bench, run, plan));
        }
        TextTable table = new TextTable("run", "Predict p50 us", "Predict p99 us", "raw forward p50 us",
                "raw forward p99 us", "overhead p50 us", "metadata RTT p50 us", "server queue us", "server inference us",
                "rows/batch", "load avg before");
        for (OverheadRun r : results) {
            table.row(r.run(), Numbers.f0(r.predictOverGrpc().p50Micros()), Numbers.f0(r.predictOverGrpc().p99Micros()),
                    Numbers.f0(r.rawForwardPass().p50Micros()), Numbers.f0(r.rawForwardPass().p99Micros()),
                    Numbers.f0(r.overheadP50Micros()), Numbers.f0(r.metadataRoundTrip().p50Micros()),
                    Numbers.f0(r.batches().meanQueueMicros()), Numbers.f0(r.batches().meanInferenceMicros()),
                    Numbers.f1(r.batches().meanRows()), r.loadAverageBefore());
        }
        System.out.println(table.render());
        double worst = results.stream().mapToDouble(OverheadRun::overheadP50Micros).max().orElse(Double.NaN);
        Goal goal = new Goal("p50 serving overhead (Predict over gRPC - raw forward pass) <= " + Numbers.f0(GOAL_MICROS) + " us",
                Numbers.range(results, OverheadRun::overheadP50Micros, Numbers::f0) + " us over " + results.size()
                        + " run(s) (Predict p50 " + Numbers.range(results, r -> r.predictOverGrpc().p50Micros(), Numbers::f0)
                        + " us, raw " + Numbers.range(results, r -> r.rawForwardPass().p50Micros(), Numbers::f0) + " us)",
                worst <= GOAL_MICROS);
        bench.write("overhead", Map.of("warmupRequests", warmupRequests, "requestsPerRound", requests, "rounds", rounds,
                "runs", runs, "rowsPerRequest", 1), results, List.of(goal));
    }
}
