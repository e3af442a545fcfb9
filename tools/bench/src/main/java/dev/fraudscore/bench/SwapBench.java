package dev.fraudscore.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Hot reload under load: how long a new version takes to serve, and how many calls fail meanwhile. */
@Command(name = "swap", mixinStandardHelpOptions = true,
        description = "Under a closed-loop load, writes new versions into the repository (a copy of version 1 under a "
                + "dot name in the model folder, renamed to the next number) and measures until answers carry each one.")
final class SwapBench extends Benchmark {

    @Option(names = "--swaps", description = "New versions per run (default ${DEFAULT-VALUE}).")
    int swaps = 3;

    @Option(names = "--runs", description = "Runs, each on a fresh server (default ${DEFAULT-VALUE}).")
    int runs = 2;

    @Option(names = "--concurrency", description = "Calls in flight during the swaps (default ${DEFAULT-VALUE}).")
    int concurrency = 32;

    @Option(names = "--poll-period", description = "fraudscore.predict.poll-period of the server, e.g. 1s "
            + "(default: the service's own).")
    String pollPeriod;

    @Option(names = "--settle-seconds", description = "Load before the first swap and after each, plus up to as much "
            + "again drawn at random so that swaps do not fall in step with the polling (default ${DEFAULT-VALUE}).")
    int settleSeconds = 5;

    @Override
    void run(Workbench bench) {
        List<String> arguments = pollPeriod == null ? List.of() : List.of("--fraudscore.predict.poll-period=" + pollPeriod);
        System.out.printf("swap: %d calls in flight; %d new version(s) per run, %d run(s); poll period %s%n", concurrency,
                swaps, runs, pollPeriod == null ? "of the service (application.yaml)" : pollPeriod);
        SwapRun.Plan plan = new SwapRun.Plan(swaps, concurrency, Duration.ofSeconds(settleSeconds),
                Duration.ofSeconds(settleSeconds), Duration.ofMinutes(2), arguments);
        List<SwapRun> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            results.addAll(SwapRun.measure(bench, run, plan));
        }
        TextTable table = new TextTable("run", "new version", "first answer ms", "all answers ms", "gap ms", "calls", "failed",
                "failures", "p99 ms in window");
        for (SwapRun s : results) {
            table.row(s.run(), s.swap() == 0 ? "(before)" : s.version(), s.swap() == 0 ? "" : Numbers.f0(s.firstAnswerMillis()),
                    s.swap() == 0 ? "" : Numbers.f0(s.allAnswersMillis()), s.swap() == 0 ? "" : Numbers.f0(s.gapMillis()),
                    s.answered() + s.failed(), s.failed(),
                    s.failures().isEmpty() ? "" : s.failures(), Numbers.f2(s.p99MillisDuringSwap()));
        }
        System.out.println(table.render());
        List<SwapRun> swapsOnly = results.stream().filter(s -> s.swap() > 0).toList();
        long failed = swapsOnly.stream().mapToLong(SwapRun::failed).sum();
        Goal goal = new Goal("0 failed calls while a new version replaces the old one under load",
                failed + " failed in " + swapsOnly.size() + " swaps; new version answering after "
                        + Numbers.range(swapsOnly, SwapRun::firstAnswerMillis, Numbers::f0) + " ms, all answers after "
                        + Numbers.range(swapsOnly, SwapRun::allAnswersMillis, Numbers::f0) + " ms",
                failed == 0);
        bench.write("swap", Map.of("swaps", swaps, "runs", runs, "concurrency", concurrency, "pollPeriod",
                pollPeriod == null ? "service default" : pollPeriod, "settleSeconds", settleSeconds), results, List.of(goal));
    }
}
