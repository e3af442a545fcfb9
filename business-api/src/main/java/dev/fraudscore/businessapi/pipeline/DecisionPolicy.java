package dev.fraudscore.businessapi.pipeline;

import dev.fraudscore.businessapi.domain.ModelId;
import dev.fraudscore.businessapi.domain.PolicyDecision;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSetId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Port: the business decision for a score, or for its absence (postprocess-service). */
public interface DecisionPolicy {

    Duration timeout();

    /** @return completes with a {@link StepFailure} when no usable decision came back */
    CompletableFuture<PolicyDecision> decide(Question question, Duration budget);

    /**
     * What the policy is asked about one transaction.
     *
     * @param score           {@code null} when it could not be computed
     * @param unavailable     why it is absent ({@code null} when present)
     * @param model           the model that scored or was meant to ({@code null} when unknown)
     * @param featureSet      the feature set of {@code features} ({@code null} when unknown)
     * @param features        named feature values, to explain the decision
     * @param modelThresholds the scoring version's suggested thresholds ({@code null} when none)
     */
    record Question(String transactionId, Float score, ReasonCode unavailable, ModelId model, FeatureSetId featureSet,
            Map<String, Float> features, Thresholds modelThresholds) {

        public Question {
            features = Map.copyOf(features);
        }
    }
}
