package dev.fraudscore.simulator;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulator --seed 42 --cards 1000 --days 30 --out tx.jsonl}: writes labelled transactions as JSON Lines;
 * {@code simulator --profile handbook --out tx.csv}: the Fraud Detection Handbook's data set, in its CSV layout.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true, version = "fraudscore simulator 0.1.0",
        description = "Generates labelled payment transactions with injected fraud patterns: as JSON Lines, or with"
                + " --profile handbook as the Fraud Detection Handbook's generator does, in its CSV layout.")
public final class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same output (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--profile", defaultValue = "default", description = "default (our patterns, JSON Lines) or"
            + " handbook (the Handbook's generator and scenarios, its CSV layout); default ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--cards", description = "Number of cards, or the Handbook's customers (default 1000; 5000 with"
            + " --profile handbook).")
    Integer cards;

    @Option(names = "--terminals", defaultValue = "10000", description = "Terminals of --profile handbook (default"
            + " ${DEFAULT-VALUE}).")
    int terminals;

    @Option(names = "--days", description = "Number of simulated days (default 30; 183 with --profile handbook).")
    Integer days;

    @Option(names = "--start", description = "First instant of day 0, RFC 3339 (default 2025-01-06T00:00:00Z;"
            + " 2018-04-01T00:00:00Z with --profile handbook).")
    Instant start;

    @Option(names = "--out", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() throws Exception {
        boolean handbook = switch (profile) {
            case "default" -> false;
            case "handbook" -> true;
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "--profile must be default or handbook, got '" + profile + "'");
        };
        List<LabelledTransaction> transactions;
        Instant first;
        if (handbook) {
            // the Handbook counts days from midnight
            first = (start != null ? start.atOffset(ZoneOffset.UTC).toLocalDate() : HandbookProfile.DEFAULT_START)
                    .atStartOfDay().toInstant(ZoneOffset.UTC);
            transactions = HandbookProfile.generate(seed, cards != null ? cards : HandbookProfile.DEFAULT_CUSTOMERS,
                    terminals, days != null ? days : HandbookProfile.DEFAULT_DAYS,
                    first.atOffset(ZoneOffset.UTC).toLocalDate());
        } else {
            first = start != null ? start : SimulationConfig.DEFAULT_START;
            transactions = Simulator.generate(new SimulationConfig(seed, cards != null ? cards : 1000,
                    days != null ? days : 30, first, FraudRates.DEFAULT));
        }
        try (Writer w = out == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            if (handbook) {
                HandbookCsv.write(transactions, first, w);
            } else {
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
