package dev.fraudscore.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Throughput and latency at saturation, with and without batching, one row per request. */
@Command(name = "saturation", mixinStandardHelpOptions = true,
        description = "Closed-loop load of one-row Predict calls at saturation, for each batching choice; a fresh "
                + "predict-service per run, runs interleaved so that noise spreads over every choice.")
final class SaturationBench extends Benchmark {

    @Option(names = "--batching", split = ",", description = "Batching choices, maxBatchSize[/maxQueueDelay] "
            + "(default ${DEFAULT-VALUE}); 1 is without batching.")
    List<String> batching = new ArrayList<>(List.of("1", "32"));

    @Option(names = "--concurrency", description = "Calls in flight (default ${DEFAULT-VALUE}).")
    int concurrency = 128;

    @Option(names = "--warmup-seconds", description = "Load before measuring, for the JIT (default ${DEFAULT-VALUE}).")
    int warmupSeconds = 15;

    @Option(names = "--seconds", description = "Measured window of each run (default ${DEFAULT-VALUE}).")
    int seconds = 20;

    @Option(names = "--runs", description = "Runs of each choice (default ${DEFAULT-VALUE}).")
    int runs = 2;

    @Option(names = "--profile", description = "Also record predict-service with JFR over the window; prints hot methods.")
    boolean profile;

    @Override
    void run(Workbench bench) {
        List<BatchingChoice> choices = batching.stream().map(BatchingChoice::parse).toList();
        SaturationRun.Plan plan = new SaturationRun.Plan(concurrency, Duration.ofSeconds(warmupSeconds),
                Duration.ofSeconds(seconds), profile);
        System.out.printf("saturation: %d calls in flight, one row each, %d s warm-up + %d s measured, %d run(s) of %s%n",
                concurrency, warmupSeconds, seconds, runs, choices.stream().map(BatchingChoice::describe).toList());
        List<SaturationRun> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            for (BatchingChoice choice : choices) {
                SaturationRun result = SaturationRun.measure(bench, choice, run, plan);
                results.add(result);
                System.out.println(SaturationReport.line(result));
            }
        }
        System.out.println(SaturationReport.table(results));
        bench.write("saturation", Map.of("batching", batching, "concurrency", concurrency, "warmupSeconds", warmupSeconds,
                "seconds", seconds, "runs", runs, "rowsPerRequest", 1), results, SaturationReport.goals(results));
    }
}
