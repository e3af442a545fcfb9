package dev.fraudscore.bench;

import dev.fraudscore.contracts.predict.v1.GetModelMetadataResponse;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc.PredictServiceBlockingStub;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Versions 1 and 2 served side by side, {@code routing.yaml} sending a share of routing keys to 2: one call per
 * distinct key (random card tokens), then the same keys again to check that a key keeps its version.
 *
 * @param canaryShare    share of keys answered by the canary, in percent
 * @param changedVersion keys answered by another version the second time (a card must keep its version)
 */
record CanaryRun(int run, int keys, double configuredPercent, long canaryAnswers, double canaryShare, long changedVersion) {

    static final String PRIMARY = "1";
    static final String CANARY = "2";

    static CanaryRun measure(Workbench bench, int run, int keyCount, double percent) {
        try (BenchRepository repository = bench.newRepository()) {
            repository.addVersion(CANARY);
            repository.writeModelFile("config.yaml", "versionPolicy: {all: true}\n");
            repository.writeModelFile("routing.yaml", String.format(Locale.ROOT,
                    "primary: \"%s\"%ncanary: {version: \"%s\", percent: %s}%n", PRIMARY, CANARY, percent));
            try (ServerProcess server = bench.startServer("canary-run" + run, repository, List.of())) {
                awaitCanary(server, bench.deadline());
                Requests requests = Requests.forModel(server.metadata(bench.deadline()));
                PredictServiceBlockingStub stub = PredictServiceGrpc.newBlockingStub(server.channel());
                Set<String> keys = keys(keyCount, run);
                Map<String, String> first = answers(stub, requests, keys, bench.deadline());
                Map<String, String> second = answers(stub, requests, keys, bench.deadline());
                long canary = first.values().stream().filter(CANARY::equals).count();
                long changed = keys.stream().filter(key -> !first.get(key).equals(second.get(key))).count();
                return new CanaryRun(run, keys.size(), percent, canary, 100.0 * canary / keys.size(), changed);
            }
        }
    }

    /** The routing is applied once both versions are served, which may follow readiness by a moment. */
    private static void awaitCanary(ServerProcess server, Duration deadline) {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        GetModelMetadataResponse metadata = server.metadata(deadline);
        while (!metadata.getRouting().getCanary().equals(CANARY)) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the canary was not routed within 2 minutes; routing: " + metadata.getRouting()
                        + ", versions: " + metadata.getVersionsList());
            }
            ServerProcess.pause(Duration.ofMillis(200));
            metadata = server.metadata(deadline);
        }
    }

    /** Distinct card-like tokens, different in each run. */
    private static Set<String> keys(int count, int run) {
        SplittableRandom random = new SplittableRandom(1_000 + run);
        Set<String> keys = new LinkedHashSet<>();
        while (keys.size() < count) {
            keys.add(String.format(Locale.ROOT, "tok_%016x", random.nextLong()));
        }
        return keys;
    }

    private static Map<String, String> answers(PredictServiceBlockingStub stub, Requests requests, Set<String> keys,
            Duration deadline) {
        Map<String, String> versions = new HashMap<>();
        long n = 0;
        for (String key : keys) {
            versions.put(key, stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .predict(requests.routed(n++, key)).getModel().getVersion());
        }
        return versions;
    }
}
