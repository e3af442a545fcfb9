package dev.fraudscore.features;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A named, versioned list of features and the code that computes them. A set computes from the state it declares
 * ({@link AggregateFeatureSet}: every store interprets the declaration), or, for {@code fraud_v1} alone, from the
 * fixed {@link CardHistory} its own stores keep. {@link FeatureStores} gives each set its store.
 */
public interface FeatureSet {

    String name();

    int version();

    /** Bumped whenever the computation of any feature changes, even if the names stay. */
    int transformVersion();

    List<FeatureSpec> features();

    /**
     * ISO 4217 code of the currency the amount features are defined in: a transaction's amount must come in
     * minor units of it, or the features would silently mean something else.
     */
    String amountCurrency();

    /** Name, version and fingerprint. */
    default FeatureSetId ref() {
        return new FeatureSetId(name(), version(), fingerprint());
    }

    /** {@code name_vVersion}, e.g. {@code fraud_v1}. */
    default String id() {
        return new FeatureSetId(name(), version(), "").id();
    }

    default List<String> featureNames() {
        return features().stream().map(FeatureSpec::name).toList();
    }

    /**
     * SHA-256 (first 16 hex digits) of the name, version, transform version and the ordered names and types.
     * The amount currency is not in it: it is fixed for a set's version, and a transaction in another one is refused.
     */
    default String fingerprint() {
        return fingerprint(this, "");
    }

    /** The fingerprint of {@code set}'s name, version, transform version and features, then {@code more}. */
    static String fingerprint(FeatureSet set, String more) {
        StringBuilder text = new StringBuilder()
                .append(set.name()).append(':').append(set.version()).append(":transform=").append(set.transformVersion()).append('\n');
        for (FeatureSpec f : set.features()) {
            text.append(f.name()).append(':').append(f.type()).append('\n');
        }
        text.append(more);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
