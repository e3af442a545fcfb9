package dev.fraudscore.bench;

import dev.fraudscore.features.FeatureSetId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./fraudscore bench}: the running system (started by {@code ./fraudscore up}, decomposed or embedded)
 * driven at a constant arrival rate through its public port, open loop, with the CPU each process spent per
 * request; or one internal service alone over gRPC ({@code --hop}); or the gateway and nginx side by side in
 * front of the same business-api ({@code --front nginx}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 120,
        version = "fraudscore bench 0.1.0",
        description = {"Drives the running system (./fraudscore up [--embedded]) at a constant arrival rate, open loop: "
                + "request n leaves at n/rate seconds whatever the answers before it do, and its latency counts from "
                + "that intended time. Every request is a new transaction on one of --cards cards. A warm-up at the "
                + "same rate comes first and is not measured. CPU per request of each process (from /proc, over the "
                + "measured window only) includes the load generator's own.",
                "Writes .run/bench/latest.json; --sweep writes sweep.json and sweep.png; --hop writes hop-<name>.json; "
                        + "--front writes front.json."})
final class ChainBench implements Callable<Integer> {

    @Option(names = "--rate", description = "Offered requests per second (default ${DEFAULT-VALUE}).")
    double rate = 200;

    @Option(names = "--duration", converter = DurationOption.class, description = "Measured window: 30, 30s, 2m "
            + "(default 30s).")
    Duration duration = Duration.ofSeconds(30);

    @Option(names = "--warmup", converter = DurationOption.class, description = "Load before each measured window, "
            + "not measured (default 15s; 0 for none).")
    Duration warmup = Duration.ofSeconds(15);

    @Option(names = "--cards", description = "Distinct cards the transactions are spread over (default ${DEFAULT-VALUE}).")
    int cards = 2_000;

    @Option(names = "--mode", description = "decomposed or embedded: the deployment that must be running (default: the "
            + "one that runs, from .run/pids). Only a label and a check: ./fraudscore up [--embedded] chooses.")
    String mode;

    @Option(names = "--sweep", split = ",", paramLabel = "RATE", description = "Rates to measure one after the other "
            + "(e.g. 100,300,500,1000,1500), each after its own warm-up; plots p50/p99/p99.9 against the rate to "
            + ".run/bench/sweep.png.")
    List<Double> sweep = new ArrayList<>();

    @Option(names = "--hop", description = "Drive one internal service alone over its gRPC contract: feature "
            + "(GetFeatures, port 9091), predict (Predict of one row, 9092) or postprocess (Decide, 9093).")
    String hop;

    @Option(names = "--hop-port", description = "The service's gRPC port, when not the one ./fraudscore up gives it.")
    Integer hopPort;

    @Option(names = "--feature-set", description = "With --hop feature: the set GetFeatures asks for, fraud_v1 or "
            + "fraud_v2 (default ${DEFAULT-VALUE}).")
    String featureSet = "fraud_v1";

    @Option(names = "--front", description = "nginx: start nginx on a free port in front of business-api (with the "
            + "headers the gateway adds) and measure the gateway and nginx alternately, --rounds times each.")
    String front;

    @Option(names = "--rounds", description = "With --front: measured windows per front (default ${DEFAULT-VALUE}).")
    int rounds = 2;

    @Option(names = "--url", description = "The public port (default ${DEFAULT-VALUE}).")
    String url = "http://127.0.0.1:8080";

    @Option(names = "--business-api", description = "With --front: business-api's host:port for nginx (default "
            + "${DEFAULT-VALUE}).")
    String businessApi = "127.0.0.1:8090";

    @Option(names = "--api-key", description = "The caller's API key (default: the development key).")
    String apiKey = "fsk_dev_local_only";

    @Option(names = "--caller", description = "With --front: the caller name nginx forwards as X-Caller for that key, "
            + "as the gateway's configuration names it (default ${DEFAULT-VALUE}).")
    String caller = "dev";

    @Option(names = "--connections", description = "Most HTTP connections open at once; past them requests wait for one "
            + "(their latency still counts from their intended time) (default ${DEFAULT-VALUE}).")
    int connections = 512;

    @Option(names = "--timeout", converter = DurationOption.class, description = "A request without an answer after "
            + "this is an error (default 5s: longer than the gateway's own 2 s, so that its 504 is what is counted).")
    Duration timeout = Duration.ofSeconds(5);

    @Option(names = "--run-dir", description = "Where ./fraudscore keeps pids/ (default ${DEFAULT-VALUE}).")
    Path runDir = Path.of(".run");

    @Option(names = "--out", description = "Where results go (default ${DEFAULT-VALUE}).")
    Path out = Path.of(".run", "bench");

    @Option(names = "--redis", description = "Redis host:port, to find its pid when ./fraudscore did not start it "
            + "(default: FRAUDSCORE_REDIS_HOST:FRAUDSCORE_REDIS_PORT, else ${DEFAULT-VALUE}).")
    String redis = System.getenv().getOrDefault("FRAUDSCORE_REDIS_HOST", "127.0.0.1") + ":"
            + System.getenv().getOrDefault("FRAUDSCORE_REDIS_PORT", "6379");

    @Option(names = "--nginx", description = "With --front: the nginx binary (default ${DEFAULT-VALUE}).")
    String nginx = "nginx";

    @Option(names = "--nginx-template", description = "With --front: nginx's configuration template (default "
            + "${DEFAULT-VALUE}).")
    Path nginxTemplate = Path.of("tools", "bench", "nginx", "front.conf.template");

    private final String runId = "bench-" + Long.toString(System.currentTimeMillis(), 36);
    private int runs;

    static int execute(String... args) {
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            // a timed-out request is counted as an error of its window; a warning per connection adds nothing
            System.setProperty("org.slf4j.simpleLogger.log.reactor.netty", "error");
        }
        CommandLine cli = new CommandLine(new ChainBench());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("bench failed: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    /** Refuses options that do not go together, with a sentence; called before anything runs. */
    void validate() {
        int kinds = (sweep.isEmpty() ? 0 : 1) + (hop == null ? 0 : 1) + (front == null ? 0 : 1);
        if (kinds > 1) {
            throw new IllegalArgumentException("--sweep, --hop and --front are separate benchmarks: give one at a time");
        }
        if (mode != null && !List.of("decomposed", "embedded").contains(mode)) {
            throw new IllegalArgumentException("--mode is decomposed or embedded, not '" + mode + "'");
        }
        if (front != null && !front.equals("nginx")) {
            throw new IllegalArgumentException("--front takes nginx (the gateway is always the other side), not '"
                    + front + "'");
        }
        if (FeatureSetId.parse(featureSet).isEmpty()) {
            throw new IllegalArgumentException("--feature-set must name a set like fraud_v2, not '" + featureSet + "'");
        }
        if (hop != null) {
            HopTarget.Hop.parse(hop);
        }
        if (cards < 1 || rounds < 1 || connections < 1) {
            throw new IllegalArgumentException("--cards, --rounds and --connections must be at least 1");
        }
        sweep.forEach(r -> new ArrivalSchedule(r, warmup, duration));
        new ArrivalSchedule(rate, warmup, duration);
    }

    @Override
    public Integer call() {
        validate();
        HostInfo host = HostInfo.read();
        System.out.println("host: " + host.describe());
        String[] redisAddress = redis.split(":", 2);
        Map<String, Long> pids = ChainProcesses.discover(runDir.resolve("pids"), redisAddress[0],
                Integer.parseInt(redisAddress[1]));
        System.out.println("processes: " + pids + " and this load generator (pid " + ProcessHandle.current().pid() + ")");
        ChainMeasurement measurement = new ChainMeasurement(pids, drainWithin());
        if (hop != null) {
            HopTarget.Hop which = HopTarget.Hop.parse(hop);
            try (HopTarget target = HopTarget.open(which, "127.0.0.1", hopPort == null ? which.defaultPort : hopPort,
                    payments(), timeout, FeatureSetId.parse(featureSet).orElseThrow())) {
                ChainResult result = measure(measurement, target, "hop-" + which.name().toLowerCase(Locale.ROOT), rate);
                print(List.of(result), out.resolve("hop-" + which.name().toLowerCase(Locale.ROOT) + ".json"), result);
            }
            return 0;
        }
        String running = checkedMode(pids);
        if (front != null) {
            new FrontComparison(this, measurement, pids).run();
        } else if (!sweep.isEmpty()) {
            List<ChainResult> results = new ArrayList<>();
            for (double sweepRate : sweep) {
                results.add(measurePublic(measurement, running, url, sweepRate));
            }
            print(results, out.resolve("sweep.json"), new Sweep(results));
            Path plot = SweepPlot.write(out.resolve("sweep.png"), SweepPlot.chart(results,
                    "POST /fraud-score, " + running + ", open loop, " + duration.toSeconds() + " s per rate"));
            System.out.println("plot: " + plot);
        } else {
            ChainResult result = measurePublic(measurement, running, url, rate);
            print(List.of(result), out.resolve("latest.json"), result);
        }
        return 0;
    }

    /** The sweep's file: one result per rate. */
    record Sweep(List<ChainResult> runs) {
    }

    ChainResult measurePublic(ChainMeasurement measurement, String label, String baseUrl, double offered) {
        try (HttpScoreTarget target = new HttpScoreTarget(baseUrl, Map.of("X-API-Key", apiKey), payments(), connections,
                timeout)) {
            return measure(measurement, target, label, offered);
        }
    }

    private ChainResult measure(ChainMeasurement measurement, LoadTarget target, String label, double offered) {
        System.out.printf("%s: %s at %s req/s, %d s warm-up + %d s measured...%n", label, target.describe(),
                Numbers.f0(offered), warmup.toSeconds(), duration.toSeconds());
        ChainResult result = measurement.measure(target, new ArrivalSchedule(offered, warmup, duration), label, cards);
        System.out.printf("  achieved %s req/s, p50 %s ms, p99 %s ms, p99.9 %s ms, %d errors, %d degraded, CPU %s ms/req%n",
                Numbers.f1(result.achievedRate()), Numbers.f2(result.latencyMs().p50()),
                Numbers.f2(result.latencyMs().p99()), Numbers.f2(result.latencyMs().p999()), result.errors(),
                result.degraded(), Numbers.f2(result.cpuMsPerRequest().get(CpuAttribution.TOTAL)));
        return result;
    }

    void print(List<ChainResult> results, Path file, Object written) {
        System.out.println();
        System.out.print(ChainReport.table(results));
        System.out.println("result: " + ResultFile.write(file, written, ResultFile.SNAKE_JSON));
    }

    private String checkedMode(Map<String, Long> pids) {
        String running = ChainProcesses.runningMode(pids);
        if (running.isEmpty()) {
            throw new IllegalStateException("nothing runs: no live pid in " + runDir.resolve("pids")
                    + "; start the system with ./fraudscore up (or up --embedded)");
        }
        if (mode != null && !mode.equals(running)) {
            throw new IllegalStateException("--mode " + mode + " asked, but the " + running + " deployment runs; "
                    + "./fraudscore down, then ./fraudscore up" + (mode.equals("embedded") ? " --embedded" : ""));
        }
        if (front != null && !running.equals("decomposed")) {
            throw new IllegalStateException("--front needs the decomposed deployment (gateway and business-api)");
        }
        return running;
    }

    /** A request may wait up to the timeout for a connection, then up to the timeout for its answer. */
    Duration drainWithin() {
        return timeout.multipliedBy(2).plusSeconds(1);
    }

    /** Payments of a run of their own, so that no two runs of this invocation share a transaction id. */
    SyntheticPayments payments() {
        return new SyntheticPayments(runId + "-" + (++runs), cards, Clock.systemUTC(), System.nanoTime());
    }
}
