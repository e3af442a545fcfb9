package dev.fraudscore.featureservice.domain;

import java.util.Objects;

/**
 * The feature set a caller asks for.
 *
 * @param fingerprint the fingerprint the caller's model was trained on; empty means "whatever this
 *     service has for name and version"
 */
public record FeatureSetRequest(String name, int version, String fingerprint) {

    public FeatureSetRequest {
        Objects.requireNonNull(name, "name");
        fingerprint = fingerprint == null ? "" : fingerprint;
    }

    /** {@code name_vVersion}, as {@link dev.fraudscore.features.FeatureSet#id()} spells it. */
    public String id() {
        return name + "_v" + version;
    }

    public boolean pinsFingerprint() {
        return !fingerprint.isEmpty();
    }
}
