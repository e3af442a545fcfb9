package dev.fraudscore.features;

/**
 * One feature of a set: its name, its type, and the value it takes when there is no data for it.
 */
public record FeatureSpec(String name, String type, float defaultValue) {

    public static FeatureSpec float32(String name, float defaultValue) {
        return new FeatureSpec(name, "float32", defaultValue);
    }
}
