package dev.fraudscore.postprocess.domain;

import dev.fraudscore.domain.Thresholds;
import java.util.Objects;

/** Thresholds for one model, or for one version of it when {@code version} is not empty. */
public record ThresholdOverride(String model, String version, Thresholds thresholds) {

    public ThresholdOverride {
        Objects.requireNonNull(model, "model");
        version = version == null ? "" : version;
        Objects.requireNonNull(thresholds, "thresholds");
    }

    boolean forAnyVersion() {
        return version.isEmpty();
    }

    boolean matchesExactly(ModelKey key) {
        return !forAnyVersion() && model.equals(key.name()) && version.equals(key.version());
    }

    boolean matchesModel(ModelKey key) {
        return forAnyVersion() && model.equals(key.name());
    }
}
