package dev.fraudscore.businessapi.domain;

import dev.fraudscore.domain.ReasonCode;

/**
 * What the pipeline produced for one transaction, before it becomes an answer.
 *
 * @param score      the model's score, {@code null} when it could not be computed
 * @param skipped    why the score is missing ({@link ReasonCode#FEATURES_UNAVAILABLE} or
 *                   {@link ReasonCode#MODEL_UNAVAILABLE}), {@code null} when it is present
 * @param model      the model that scored, or was meant to; {@code null} when unknown
 * @param featureSet the feature set id (e.g. {@code fraud_v1}); {@code null} when unknown
 * @param policy     postprocess-service's decision, {@code null} when it could not be had
 */
public record PipelineOutcome(
        String transactionId,
        Double score,
        ReasonCode skipped,
        ModelId model,
        String featureSet,
        PolicyDecision policy) {
}
