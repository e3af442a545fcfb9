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
                "after GC MiB", "growth MiB", "heap committed MiB", "RSS less heap+metaspace MiB", "s/cycle",
                "RSS at cycle 1 and every 10th MiB");
        for (MemoryRun r : results) {
            long nativeFirst = MemoryRun.outsideHeapKiB(r.rssFirstLoadAfterGcKiB(), r.jvmFirstLoad());
            long nativeLast = MemoryRun.outsideHeapKiB(r.rssLastCycleAfterGcKiB(), r.jvmLastCycle());
            table.row(r.run(), r.cycles(), mib(r.rssFirstLoadKiB()), mib(r.rssFirstLoadAfterGcKiB()), mib(r.rssLastCycleKiB()),
                    mib(r.rssLastCycleAfterGcKiB()), mib(r.rssLastCycleAfterGcKiB() - r.rssFirstLoadAfterGcKiB()),
                    mib(r.jvmFirstLoad().heapCommittedKiB()) + " -> " + mib(r.jvmLastCycle().heapCommittedKiB()),
                    mib(nativeFirst) + " -> " + mib(nativeLast), Numbers.f2(r.secondsPerCycle()),
                    sampled(r.rssAfterEachLoadKiB()));
        }
        System.out.println(table.render());
        // the issue sets no target: the numbers are reported, not judged; a leak shows as growth that keeps
        // scaling with --cycles (try 600), a plateau as allocator and JIT warm-up
        System.out.println("RSS after the first load " + Numbers.range(results, r -> r.rssFirstLoadAfterGcKiB() / 1024.0,
                Numbers::f0) + " MiB, after " + cycles + " cycles " + Numbers.range(results,
                r -> r.rssLastCycleAfterGcKiB() / 1024.0, Numbers::f0) + " MiB (after a full GC); committed heap "
                + Numbers.range(results, r -> r.jvmFirstLoad().heapCommittedKiB() / 1024.0, Numbers::f0) + " -> "
                + Numbers.range(results, r -> r.jvmLastCycle().heapCommittedKiB() / 1024.0, Numbers::f0) + " MiB");
        bench.write("memory", Map.of("cycles", cycles, "requestsPerCycle", requests, "runs", runs), results, List.of());
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
