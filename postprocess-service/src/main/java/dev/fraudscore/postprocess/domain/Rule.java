package dev.fraudscore.postprocess.domain;

import dev.fraudscore.domain.Reason;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An explanatory rule: when the named feature compares true with {@code value}, the transaction gets the
 * rule's reason. Rules explain a decision; they never change it.
 */
public record Rule(String code, String feature, Operator operator, float value, ReasonTemplate text, float weight) {

    public Rule {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(text, "text");
    }

    /** The reason for these features, or empty when the feature is absent or does not match. */
    public Optional<Reason> explain(Map<String, Float> features) {
        Float featureValue = features.get(feature);
        if (featureValue == null || !operator.test(featureValue, value)) {
            return Optional.empty();
        }
        return Optional.of(new Reason(code, text.render(featureValue, value), weight));
    }
}
