package dev.fraudscore.predictservice.config;

import dev.fraudscore.predictservice.batching.BatchListener;
import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.domain.ServedModel;
import dev.fraudscore.predictservice.domain.ServingVersion;
import dev.fraudscore.predictservice.metrics.ServingMetrics;
import dev.fraudscore.predictservice.model.ModelEvents;
import dev.fraudscore.support.readiness.ReadinessGate;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the readiness gate (grpc.health.v1 and actuator) true to the default model: ready while it has a
 * servable primary version, with that version and its device as details. Passes the rest on to the metrics.
 */
final class ModelReadiness implements ModelEvents {

    static final String CONDITION = "default model";

    private final ReadinessGate gate;
    private final String defaultModel;
    private final ServingMetrics metrics;

    ModelReadiness(ReadinessGate gate, String defaultModel, ServingMetrics metrics) {
        this.gate = gate;
        this.defaultModel = defaultModel;
        this.metrics = metrics;
    }

    @Override
    public void changed(ModelRegistry registry) {
        metrics.changed(registry);
        Optional<ServedModel> model = registry.model(defaultModel);
        Optional<ServingVersion> primary = model.flatMap(ServedModel::primary);
        if (primary.isPresent()) {
            ServingVersion version = primary.get();
            gate.ready(CONDITION, Map.of("model", defaultModel + "/" + version.version(),
                    "featureSet", version.manifest().featureSet().id(),
                    "fingerprint", version.manifest().featureSet().fingerprint(), "device", version.device()));
        } else {
            gate.notReady(CONDITION, "the default model " + defaultModel + " has no servable version; its versions: "
                    + model.map(ServedModel::describeVersions).orElse("none")
                    + " (train one with: java -jar tools/trainer/target/trainer-0.1.0-SNAPSHOT-exec.jar --models-dir <repository>)");
        }
    }

    @Override
    public BatchListener batches(String model, String version) {
        return metrics.batches(model, version);
    }

    @Override
    public void loadFailed(String model, String version) {
        metrics.loadFailed(model, version);
    }

    @Override
    public void routingRefused(String model) {
        metrics.routingRefused(model);
    }
}
