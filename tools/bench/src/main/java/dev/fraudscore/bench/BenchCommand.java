package dev.fraudscore.bench;

import dev.fraudscore.model.MlpNetwork;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar bench-exec.jar <benchmark>}: measures predict-service over its gRPC contract, started as a
 * JVM of its own on a model repository this tool prepares; prints a table and writes {@code predict-<name>.json}.
 */
@Command(name = "bench-predict", mixinStandardHelpOptions = true, version = "fraudscore bench 0.1.0",
        description = "Benchmarks predict-service: saturation with and without batching, serving overhead at low "
                + "load, hot swap of a new version, memory over load/unload cycles, the canary split.",
        subcommands = {SaturationBench.class, OverheadBench.class, SwapBench.class, MemoryBench.class,
                CanaryBench.class, AllBenchmarks.class})
public final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 2;
    }

    public static void main(String[] args) {
        // DJL never downloads; the in-process forward pass uses one PyTorch thread, as predict-service does
        System.setProperty("ai.djl.offline", "true");
        MlpNetwork.preferSingleThread();
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
        }
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("bench-predict " + commandLine.getCommandName() + " failed: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
