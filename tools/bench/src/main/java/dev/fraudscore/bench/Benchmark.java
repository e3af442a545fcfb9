package dev.fraudscore.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A benchmark subcommand: the common options, and a run on a workbench that {@code all} can share. */
abstract class Benchmark implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Override
    public Integer call() {
        try (Workbench bench = Workbench.open(common)) {
            run(bench);
        }
        return 0;
    }

    abstract void run(Workbench bench);
}
