package dev.fraudscore.featureservice.domain;

import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.features.FeatureSets;
import java.util.ArrayList;
import java.util.List;

/**
 * The feature sets this deployment serves, side by side, and the check that a caller's set is one
 * of them with the fingerprint the caller's model expects.
 */
public final class ServedFeatureSets {

    private final List<FeatureSet> sets;

    private ServedFeatureSets(List<FeatureSet> sets) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("at least one feature set must be served; known: " + knownIds());
        }
        this.sets = List.copyOf(sets);
    }

    /** The sets with these ids ({@code fraud_v1}); an id this build does not know is a configuration error. */
    public static ServedFeatureSets of(List<String> ids) {
        List<FeatureSet> sets = new ArrayList<>();
        for (String id : ids.stream().distinct().toList()) {
            sets.add(FeatureSets.find(id).orElseThrow(() -> new IllegalArgumentException(
                    "feature set " + id + " is not known to this build; known: " + knownIds())));
        }
        return new ServedFeatureSets(sets);
    }

    public List<FeatureSet> all() {
        return sets;
    }

    public List<String> ids() {
        return sets.stream().map(FeatureSet::id).toList();
    }

    /**
     * The served set for {@code request}.
     *
     * @throws UnknownFeatureSetException when this service does not serve it
     * @throws FingerprintMismatchException when the caller pinned a fingerprint that differs from ours
     */
    public FeatureSet resolve(FeatureSetId request) {
        FeatureSet set = FeatureSets.find(request.name(), request.version())
                .filter(found -> ids().contains(found.id()))
                .orElseThrow(() -> new UnknownFeatureSetException(request.id(), ids()));
        if (request.hasFingerprint() && !request.fingerprint().equals(set.fingerprint())) {
            throw new FingerprintMismatchException(set.id(), set.fingerprint(), request.fingerprint());
        }
        return set;
    }

    private static String knownIds() {
        return String.join(", ", FeatureSets.all().stream().map(FeatureSet::id).toList());
    }
}
