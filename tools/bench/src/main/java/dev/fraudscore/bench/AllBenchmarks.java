package dev.fraudscore.bench;

import picocli.CommandLine.Command;

/** Every benchmark with its defaults, sharing one trained model. */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = "saturation, overhead, swap, memory and canary, each with its defaults (about 12 minutes).")
final class AllBenchmarks extends Benchmark {

    @Override
    void run(Workbench bench) {
        new SaturationBench().run(bench);
        new OverheadBench().run(bench);
        new SwapBench().run(bench);
        new MemoryBench().run(bench);
        new CanaryBench().run(bench);
    }
}
