package dev.fraudscore.postprocess.domain;

/**
 * The model that produced a score. Empty strings mean "not said"; the policy then falls back to its
 * less specific thresholds.
 */
public record ModelKey(String name, String version) {

    public static final ModelKey NONE = new ModelKey("", "");

    public ModelKey {
        name = name == null ? "" : name.trim();
        version = version == null ? "" : version.trim();
    }
}
