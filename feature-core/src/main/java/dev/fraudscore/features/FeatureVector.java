package dev.fraudscore.features;

import java.util.List;

/** The values of a feature set in manifest order, and the names of those that took their default. */
public record FeatureVector(float[] values, List<String> missing) {

    public FeatureVector {
        values = values.clone();
        missing = List.copyOf(missing);
    }

    @Override
    public float[] values() {
        return values.clone();
    }
}
