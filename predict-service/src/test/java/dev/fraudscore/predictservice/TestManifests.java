package dev.fraudscore.predictservice;

import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.features.FraudV1;
import dev.fraudscore.model.ModelManifest.Architecture;
import dev.fraudscore.model.ModelManifest.Normalization;
import dev.fraudscore.model.ModelManifest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Manifests of models trained on feature set fraud_v1, as the trainer writes them. */
public final class TestManifests {

    public static final FeatureSet FRAUD_V1 = new FraudV1();
    public static final int WIDTH = FRAUD_V1.features().size();
    public static final Thresholds THRESHOLDS = new Thresholds(0.35f, 0.8f);
    public static final Map<String, Double> METRICS = Map.of("pr_auc", 0.61, "roc_auc", 0.93, "recall_at_1pct_fpr", 0.44);

    private TestManifests() {
    }

    public static FeatureSetId fraudV1() {
        return new FeatureSetId(FRAUD_V1.name(), FRAUD_V1.version(), FRAUD_V1.fingerprint());
    }

    public static ModelManifest fraudV1(String name, String version) {
        float[] mean = new float[WIDTH];
        float[] std = new float[WIDTH];
        Arrays.fill(mean, 0.5f);
        Arrays.fill(std, 2f);
        return new ModelManifest(name, version, "2025-01-01T00:00:00Z", fraudV1(), FRAUD_V1.featureNames(),
                "fraud_probability", new Architecture("mlp", WIDTH, List.of(16, 8)), new Normalization(mean, std),
                METRICS, THRESHOLDS, name + "-0000.params", Map.of("fixture", "predict-service tests"));
    }

    /** {@code count} rows of {@link #WIDTH} values, different per row and per seed. */
    public static float[][] rows(int count, int seed) {
        float[][] rows = new float[count][WIDTH];
        for (int r = 0; r < count; r++) {
            for (int c = 0; c < WIDTH; c++) {
                rows[r][c] = (float) Math.sin(seed * 31 + r * 7 + c * 3) * (c + 1);
            }
        }
        return rows;
    }
}
