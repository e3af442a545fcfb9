package dev.fraudscore.businessapi.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The answer of {@code POST /fraud-score}. {@code score}, {@code model}, {@code featureSet} and
 * {@code policyVersion} are left out of the JSON when unknown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"transactionId", "decision", "label", "score", "reasons", "model", "featureSet", "policyVersion", "degraded"})
public record FraudScore(
        String transactionId,
        Decision decision,
        Label label,
        Double score,
        List<Reason> reasons,
        ModelInfo model,
        String featureSet,
        String policyVersion,
        boolean degraded) {

    public FraudScore {
        reasons = List.copyOf(reasons);
    }

    /** Why the decision was taken, in plain language; degradation reasons are among them. */
    @JsonPropertyOrder({"code", "text", "weight"})
    public record Reason(String code, String text, double weight) {
    }

    @JsonPropertyOrder({"name", "version"})
    public record ModelInfo(String name, String version) {
    }
}
