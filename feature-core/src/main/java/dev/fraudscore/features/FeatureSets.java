package dev.fraudscore.features;

import java.util.List;
import java.util.Optional;

/** The feature sets this build knows. */
public final class FeatureSets {

    private static final List<FeatureSet> ALL = List.of(new FraudV1(), new FraudV2(), new FraudV3(), new FraudV4());

    private FeatureSets() {
    }

    public static List<FeatureSet> all() {
        return ALL;
    }

    public static Optional<FeatureSet> find(String name, int version) {
        return ALL.stream().filter(s -> s.name().equals(name) && s.version() == version).findFirst();
    }

    /** Looks up {@code fraud_v1}-style ids. */
    public static Optional<FeatureSet> find(String id) {
        return FeatureSetId.parse(id).flatMap(ref -> find(ref.name(), ref.version()));
    }
}
