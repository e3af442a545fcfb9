package dev.fraudscore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The canary split of routing.yaml, measured over many distinct routing keys. */
@Command(name = "canary", mixinStandardHelpOptions = true,
        description = "routing.yaml with canary {version: 2, percent: P}: one Predict call per distinct routing key, "
                + "the share answered by version 2, and whether each key keeps its version on a second call.")
final class CanaryBench extends Benchmark {

    @Option(names = "--keys", description = "Distinct routing keys (default ${DEFAULT-VALUE}).")
    int keys = 10_000;

    @Option(names = "--percent", description = "Canary share in routing.yaml (default ${DEFAULT-VALUE}).")
    double percent = 10;

    @Option(names = "--runs", description = "Runs, each with other keys on a fresh server (default ${DEFAULT-VALUE}).")
    int runs = 2;

    @Override
    void run(Workbench bench) {
        System.out.printf("canary: routing.yaml canary {version: 2, percent: %s} over %d distinct keys; %d run(s)%n",
                percent, keys, runs);
        List<CanaryRun> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            results.add(CanaryRun.measure(bench, run, keys, percent));
        }
        TextTable table = new TextTable("run", "keys", "configured %", "canary answers", "canary share %",
                "keys that changed version");
        results.forEach(r -> table.row(r.run(), r.keys(), Numbers.f1(r.configuredPercent()), r.canaryAnswers(),
                Numbers.f2(r.canaryShare()), r.changedVersion()));
        System.out.println(table.render());
        // 99 % of runs fall within 2.58 standard deviations of a binomial share when the hash spreads keys evenly
        double p = percent / 100;
        double band = 100 * 2.58 * Math.sqrt(p * (1 - p) / keys);
        boolean met = results.stream().allMatch(r -> Math.abs(r.canaryShare() - percent) <= band && r.changedVersion() == 0);
        Goal goal = new Goal("canary share within the binomial 99 % band of " + Numbers.f1(percent) + " % (+/- "
                + Numbers.f2(band) + " points) and every key keeps its version",
                Numbers.range(results, CanaryRun::canaryShare, Numbers::f2) + " %; keys that changed version: "
                        + results.stream().mapToLong(CanaryRun::changedVersion).sum(), met);
        bench.write("canary", Map.of("keys", keys, "percent", percent, "runs", runs), results, List.of(goal));
    }
}
