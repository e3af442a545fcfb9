package dev.fraudscore.predictservice.metrics;

import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.batching.BatchListener;
import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.domain.ServedModel;
import dev.fraudscore.predictservice.domain.ShadowRecorder;
import dev.fraudscore.predictservice.domain.VersionState;
import dev.fraudscore.predictservice.model.ModelEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model server's metrics, per model and version, as Prometheus histograms so that percentiles can be
 * aggregated across replicas: requests by outcome, batch sizes, queue and inference times, version
 * states, load failures, and the shadow comparison (score histograms per version and an agreement count).
 */
public final class ServingMetrics implements ModelEvents, ShadowRecorder {

    private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};
    private static final double[] SCORE_BUCKETS = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1};

    private final MeterRegistry meters;
    private final MultiGauge versionStates;
    private final Map<List<String>, VersionState> states = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> requests = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> agreements = new ConcurrentHashMap<>();
    private final Map<List<String>, DistributionSummary> scores = new ConcurrentHashMap<>();

    public ServingMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.versionStates = MultiGauge.builder("fraudscore.predict.versions")
                .description("1 for each version of each model in its current state").register(meters);
    }

    /** Counts one answered or refused request; {@code outcome} is OK or the refusal's status code. */
    public void request(String model, String version, String outcome) {
        // looked up once per tag set: building and registering a meter on every request cost a measurable share of CPU
        requests.computeIfAbsent(List.of(model, version, outcome), tags -> Counter.builder("fraudscore.predict.requests")
                .tags("model", model, "version", version, "outcome", outcome).register(meters)).increment();
    }

    @Override
    public BatchListener batches(String model, String version) {
        Tags tags = Tags.of("model", model, "version", version);
        DistributionSummary rows = DistributionSummary.builder("fraudscore.predict.batch.rows").tags(tags)
                .serviceLevelObjectives(BATCH_BUCKETS).register(meters);
        Timer queue = Timer.builder("fraudscore.predict.queue.time").tags(tags).publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(1)).register(meters);
        Timer inference = Timer.builder("fraudscore.predict.inference.time").tags(tags).publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(1)).register(meters);
        Counter expired = Counter.builder("fraudscore.predict.dropped").tags(tags.and("why", "deadline")).register(meters);
        Counter refused = Counter.builder("fraudscore.predict.dropped").tags(tags.and("why", "queue-full")).register(meters);
        return new BatchListener() {
            @Override
            public void batchScored(BatchReport report) {
                rows.record(report.rows());
                report.queueWaits().forEach(queue::record);
                inference.record(report.inferenceTime());
            }

            @Override
            public void expired(int count, Duration queueWait) {
                expired.increment();
            }

            @Override
            public void refused(int count) {
                refused.increment();
            }
        };
    }

    @Override
    public void loadFailed(String model, String version) {
        Counter.builder("fraudscore.predict.load.failures").tags("model", model, "version", version)
                .register(meters).increment();
    }

    @Override
    public void routingRefused(String model) {
        Counter.builder("fraudscore.predict.routing.refusals").tags("model", model).register(meters).increment();
    }

    /**
     * The state gauges read a map that each change updates; rows are only added (a new version) or removed (a
     * forgotten one), never re-registered, so a scrape never meets a gauge half-replaced.
     */
    @Override
    public void changed(ModelRegistry registry) {
        Map<List<String>, VersionState> now = new HashMap<>();
        for (String name : registry.knownModels()) {
            registry.model(name).orElseThrow().versions().forEach(status -> now.put(List.of(name, status.version()),
                    status.state()));
        }
        states.putAll(now);
        states.keySet().retainAll(now.keySet());
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        now.keySet().forEach(key -> {
            for (VersionState state : VersionState.values()) {
                rows.add(MultiGauge.Row.of(Tags.of("model", key.get(0), "version", key.get(1), "state", state.name()),
                        states, current -> current.get(key) == state ? 1 : 0));
            }
        });
        versionStates.register(rows, false);
    }

    /**
     * Both versions' scores into histograms, and whether the shadow would have labelled each row as the
     * primary did under the primary's suggested thresholds (its own score band when it has none).
     */
    @Override
    public void record(ModelManifest primary, float[] primaryScores, ModelManifest shadow, float[] shadowScores) {
        String model = primary.name();
        DistributionSummary primaryHistogram = scores(model, primary.version(), "primary");
        DistributionSummary shadowHistogram = scores(model, shadow.version(), "shadow");
        Thresholds bands = primary.suggestedThresholds() != null ? primary.suggestedThresholds() : new Thresholds(0.5f, 0.85f);
        for (int i = 0; i < primaryScores.length; i++) {
            primaryHistogram.record(primaryScores[i]);
            shadowHistogram.record(shadowScores[i]);
            String agree = Boolean.toString(bands.labelFor(primaryScores[i]) == bands.labelFor(shadowScores[i]));
            agreements.computeIfAbsent(List.of(model, primary.version(), shadow.version(), agree), key -> Counter
                    .builder("fraudscore.predict.shadow.agreement").tags("model", model, "primary", primary.version(),
                            "shadow", shadow.version(), "agree", agree).register(meters)).increment();
        }
    }

    private DistributionSummary scores(String model, String version, String role) {
        return scores.computeIfAbsent(List.of(model, version, role), key -> DistributionSummary
                .builder("fraudscore.predict.scores").tags("model", model, "version", version, "role", role)
                .serviceLevelObjectives(SCORE_BUCKETS).register(meters));
    }
}
