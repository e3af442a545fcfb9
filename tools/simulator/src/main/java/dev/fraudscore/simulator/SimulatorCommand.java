package dev.fraudscore.simulator;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulator --seed 42 --cards 1000 --days 30 --out tx.jsonl}: writes labelled transactions as JSON Lines. */
@Command(name = "simulator", mixinStandardHelpOptions = true, version = "fraudscore simulator 0.1.0",
        description = "Generates labelled payment transactions with injected fraud patterns, as JSON Lines.")
public final class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same output (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cards", defaultValue = "1000", description = "Number of cards (default ${DEFAULT-VALUE}).")
    int cards;

    @Option(names = "--days", defaultValue = "30", description = "Number of simulated days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--start", description = "First instant of day 0, RFC 3339 (default 2025-01-06T00:00:00Z).")
    Instant start = SimulationConfig.DEFAULT_START;

    @Option(names = "--out", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() throws Exception {
        SimulationConfig config = new SimulationConfig(seed, cards, days, start, FraudRates.DEFAULT);
        List<LabelledTransaction> transactions = Simulator.generate(config);
        if (out == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            JsonLines.write(transactions, w);
        } else {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                JsonLines.write(transactions, w);
            }
        }
        printSummary(transactions, System.err);
        return 0;
    }

    private static void printSummary(List<LabelledTransaction> transactions, PrintStream err) {
        Map<String, Long> byPattern = new TreeMap<>();
        long fraud = 0;
        for (LabelledTransaction t : transactions) {
            if (t.fraud()) {
                fraud++;
                byPattern.merge(t.pattern().label(), 1L, Long::sum);
            }
        }
        err.printf("%d transactions, %d fraudulent (%.2f %%): %s%n", transactions.size(), fraud,
                100.0 * fraud / Math.max(1, transactions.size()), byPattern);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorCommand()).execute(args));
    }
}
