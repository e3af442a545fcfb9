package dev.fraudscore.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backfill}: a feature set's state as of a cut-off into Redis. Runs Spark {@code local[*]} unless a master
 * is given ({@code spark-submit --master ...} sets one).
 */
@Command(name = "backfill", mixinStandardHelpOptions = true, version = "fraudscore backfill 0.1.0",
        description = "Computes a feature set's state (every card and merchant) as of a cut-off from a labelled"
                + " history and switches it into the Redis feature-service serves from.")
public final class BackfillCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "The labelled history.")
    Path input;

    @Option(names = "--input-format", defaultValue = "handbook", description = "handbook (the Fraud Detection"
            + " Handbook's CSV), simulator (its JSON Lines) or parquet (the Handbook's columns); default"
            + " ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--feature-set", defaultValue = "fraud_v2", description = "A set that declares its state"
            + " (default ${DEFAULT-VALUE}).")
    String featureSet;

    @Option(names = "--cutoff", required = true, description = "The state stands just before this instant: RFC"
            + " 3339 (2018-08-01T00:00:00Z) or a date (its start, UTC).")
    String cutoff;

    @Option(names = "--redis", defaultValue = "redis://127.0.0.1:6379", description = "Default ${DEFAULT-VALUE}.")
    String redis;

    @Option(names = "--key-prefix", defaultValue = "fs:", description = "feature-service's key prefix (default"
            + " ${DEFAULT-VALUE}).")
    String keyPrefix;

    @Option(names = "--tx-cache-ttl", defaultValue = "24h", description = "feature-service's tx-cache-ttl: the"
            + " retry cache is written for the transactions this long before the cut-off (default ${DEFAULT-VALUE};"
            + " 90m, 24h, 2d or ISO-8601).")
    String txCacheTtl;

    @Option(names = "--master", defaultValue = "local[*]", description = "Spark master when none is configured"
            + " (default ${DEFAULT-VALUE}).")
    String master;

    @Override
    public Integer call() {
        Backfill.declaredSet(featureSet); // refuse fraud_v1, or a file that is not there, before Spark starts
        if (!Files.exists(input)) {
            throw new BackfillException("--input: " + input + " does not exist");
        }
        Backfill.Request request = new Backfill.Request(input, format(), featureSet, Cutoff.parse(cutoff), redis,
                keyPrefix, Cutoff.duration("--tx-cache-ttl", txCacheTtl));
        SparkSession spark = session(master);
        try {
            Backfill.Result r = new Backfill(spark).run(request);
            System.out.printf(Locale.ROOT, "backfilled %s as of %s into %s (prefix %s)%n", featureSet,
                    request.cutoff(), redis, keyPrefix);
            System.out.printf(Locale.ROOT, "  rows read %,d, before the cut-off %,d%n", r.rowsRead(),
                    r.rowsBeforeCutoff());
            System.out.printf(Locale.ROOT, "  entities written: %,d cards, %,d merchants, %,d label records;"
                    + " %,d keys switched in (%,d expired before the switch), %,d old keys removed, EXEC %d ms%n",
                    r.written().cards(), r.written().merchants(), r.written().labelRecords(),
                    r.switched().renamed(), r.switched().expiredBeforeSwitch(), r.switched().removed(),
                    r.switched().execMillis());
            System.out.printf(Locale.ROOT, "  %.1f s (reading and checking %.1f s, folding and staging %.1f s, switch"
                    + " %.1f s), %,.0f transactions/s%n", r.seconds(), r.readSeconds(), r.stageSeconds(),
                    r.seconds() - r.readSeconds() - r.stageSeconds(), r.transactionsPerSecond());
        } finally {
            spark.stop();
        }
        return 0;
    }

    private HistoryFormat format() {
        try {
            return HistoryFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BackfillException("--input-format must be handbook, simulator or parquet, got '" + format + "'");
        }
    }

    /** Spark as configured (spark-submit), else {@code master} on this machine, quiet and without a UI. */
    static SparkSession session(String master) {
        SparkConf conf = new SparkConf().setAppName("fraudscore-backfill")
                .setIfMissing("spark.master", master)
                .set("spark.sql.session.timeZone", "UTC");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false")
                    .setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    public static void main(String[] args) {
        // what spark-submit's launcher sets besides the Add-Opens of the manifest, for java -jar
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        CommandLine cli = new CommandLine(new BackfillCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("backfill failed: " + rootMessage(e));
            return 1;
        });
        System.exit(cli.execute(args));
    }

    /** Spark wraps a task's exception in its own; the person wants the sentence the task threw. */
    static String rootMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BackfillException) {
                return t.getMessage();
            }
        }
        return e.getMessage();
    }
}
