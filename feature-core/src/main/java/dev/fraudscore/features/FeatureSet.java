package dev.fraudscore.features;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A named, versioned list of features and the code that computes them. */
public interface FeatureSet {

    String name();

    int version();

    /** Bumped whenever the computation of any feature changes, even if the names stay. */
    int transformVersion();

    List<FeatureSpec> features();

    FeatureVector compute(FeatureTransaction tx, CardHistory history);

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
        StringBuilder text = new StringBuilder()
                .append(name()).append(':').append(version()).append(":transform=").append(transformVersion()).append('\n');
        for (FeatureSpec f : features()) {
            text.append(f.name()).append(':').append(f.type()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
