package dev.fraudscore.bench;

import java.util.Arrays;

/**
 * The tool's entry point: {@code chain ...} is the open-loop benchmark of the running system
 * ({@code ./fraudscore bench}), anything else predict-service's benchmarks ({@code ./fraudscore bench-predict}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("chain")) {
            System.exit(ChainBench.execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        BenchCommand.main(args);
    }
}
