package dev.fraudscore.features;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a feature set is: name, version and fingerprint (a hash of its definition). Two sides agree on a
 * vector only when all three match. Its id is {@code name_vVersion}, e.g. {@code fraud_v1}: the form the
 * public API, the model manifests and the configuration use.
 *
 * @param fingerprint empty when unknown or not pinned (a caller asking for "whatever is served")
 */
public record FeatureSetId(String name, int version, String fingerprint) {

    private static final Pattern ID = Pattern.compile("([a-z][a-z0-9]*)_v([1-9][0-9]{0,8})");

    public FeatureSetId {
        Objects.requireNonNull(name, "name");
        fingerprint = fingerprint == null ? "" : fingerprint;
    }

    /** The set {@code fraud_v1} with no fingerprint, or empty when the text is not of that form. */
    public static Optional<FeatureSetId> parse(String id) {
        Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new FeatureSetId(m.group(1), Integer.parseInt(m.group(2)), ""));
    }

    /** {@code name_vVersion}, e.g. {@code fraud_v1}. */
    public String id() {
        return name + "_v" + version;
    }

    public boolean hasFingerprint() {
        return !fingerprint.isEmpty();
    }

    /** Same name, version and fingerprint. */
    public boolean matches(FeatureSetId other) {
        return other != null && name.equals(other.name) && version == other.version && fingerprint.equals(other.fingerprint);
    }

    /** {@code fraud_v1 (fingerprint 3f2a...)}, for sentences. */
    public String describe() {
        return hasFingerprint() ? id() + " (fingerprint " + fingerprint + ")" : id() + " (no fingerprint)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
