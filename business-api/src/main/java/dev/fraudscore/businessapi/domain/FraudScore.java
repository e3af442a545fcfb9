package dev.fraudscore.businessapi.domain;

import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Reason;
import java.util.List;

/**
 * The answer of {@code POST /fraud-score}. {@code score}, {@code model}, {@code featureSet} and
 * {@code policyVersion} are {@code null} when unknown (and then left out of the JSON).
 */
public record FraudScore(
        String transactionId,
        Decision decision,
        Label label,
        Double score,
        List<Reason> reasons,
        ModelId model,
        String featureSet,
        String policyVersion,
        boolean degraded) {

    public FraudScore {
        reasons = List.copyOf(reasons);
    }
}
