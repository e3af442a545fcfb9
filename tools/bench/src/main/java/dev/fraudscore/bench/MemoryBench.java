package dev.fraudscore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Resident memory after many load/unload cycles against after the first load. */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "UnloadModel/LoadModel cycles of version 1 over gRPC, with Predict calls after each load; VmRSS of "
                + "predict-service from /proc after the first load and after the last cycle.")
final class MemoryBench extends Benchmark {

    @Option(names = "--cycles", description = "Unload/load cycles (default ${DEFAULT-VALUE}).")
    int cycles = 50;

    @Option(names = "--requests", description = "Predict calls after each load (default ${DEFAULT-VALUE}).")
    int requests = 200;

    @Option(names = "--runs", description = "Runs, each on a fresh server (default ${DEFAULT-VALUE}).")
    int runs = 2;

    @Override
    void run(Workbench bench) {
        System.out.printf("memory: %d unload/load cycles of %s/1 with %d Predict calls after each load; %d run(s)%n",
                cycles, bench.model(), requests, runs);
        List<MemoryRun> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            results.add(MemoryRun.measure(bench, run, new MemoryRun.Plan(cycles, requests)));
        }
        TextTable table = new TextTable("run", "cycles", "RSS first load MiB", "after GC MiB", "RSS after last cycle MiB",
                "after GC MiB", "growth after GC MiB", "s/cycle", "RSS at cycle 1 and every 10th MiB");
        for (MemoryRun r : results) {
            table.row(r.run(), r.cycles(), mib(r.rssFirstLoadKiB()), mib(r.rssFirstLoadAfterGcKiB()), mib(r.rssLastCycleKiB()),
                    mib(r.rssLastCycleAfterGcKiB()), mib(r.rssLastCycleAfterGcKiB() - r.rssFirstLoadAfterGcKiB()),
                    Numbers.f2(r.secondsPerCycle()), sampled(r.rssAfterEachLoadKiB()));
        }
        System.out.println(table.render());
        // a leak of native memory per load (a model not closed) would grow with the cycles; 5 % covers heap sizing
        double worst = results.stream().mapToDouble(r -> (double) r.rssLastCycleAfterGcKiB() / r.rssFirstLoadAfterGcKiB())
                .max().orElse(Double.NaN);
        Goal goal = new Goal("resident memory after " + cycles + " load/unload cycles within 5 % of that after the first load"
                + " (after a full GC)", "RSS " + Numbers.range(results, r -> r.rssFirstLoadAfterGcKiB() / 1024.0, Numbers::f0)
                + " MiB after the first load, " + Numbers.range(results, r -> r.rssLastCycleAfterGcKiB() / 1024.0, Numbers::f0)
                + " MiB after the last cycle (x" + Numbers.f2(worst) + " at worst)", worst <= 1.05);
        bench.write("memory", Map.of("cycles", cycles, "requestsPerCycle", requests, "runs", runs), results, List.of(goal));
    }

    private static String mib(long kib) {
        return Numbers.f0(kib / 1024.0);
    }

    private static String sampled(List<Long> series) {
        List<String> points = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            if (i == 0 || (i + 1) % 10 == 0) {
                points.add(mib(series.get(i)));
            }
        }
        return String.join(",", points);
    }
}
