package dev.fraudscore.model;

import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSetId;
import java.util.List;
import java.util.Map;

/** Manifests of two inputs for tests of the formats. */
final class TestManifests {

    private TestManifests() {
    }

    /** A TorchScript version of model {@code m}: no architecture, the given normalisation (may be null). */
    static ModelManifest torchScript(String version, ModelManifest.Normalization normalization) {
        return new ModelManifest("m", version, "2026-11-22T00:00:00Z", new FeatureSetId("fraud", 1, "abc123"),
                List.of("a", "b"), "fraud_probability", null, normalization, Map.of("roc_auc", 0.9),
                new Thresholds(0.3f, 0.9f), "model.pt", Map.of(), "torchscript", "sigmoid");
    }

    static ModelManifest withFormat(ModelManifest m, String weights, String format, String outputTransform) {
        return new ModelManifest(m.name(), m.version(), m.createdAt(), m.featureSet(), m.inputs(), m.output(),
                m.architecture(), m.normalization(), m.metrics(), m.suggestedThresholds(), weights, m.training(),
                format, outputTransform);
    }
}
