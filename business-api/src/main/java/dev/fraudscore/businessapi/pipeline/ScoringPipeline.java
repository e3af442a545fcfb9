package dev.fraudscore.businessapi.pipeline;

import dev.fraudscore.businessapi.domain.DataTransaction;
import dev.fraudscore.businessapi.domain.ModelId;
import dev.fraudscore.businessapi.domain.PipelineOutcome;
import dev.fraudscore.businessapi.domain.PolicyDecision;
import dev.fraudscore.businessapi.domain.RequestDeadline;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSetId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * features → model → policy for one transaction, within the request's deadline, against three ports. A
 * step that is slow, down, stale or behind an open breaker is skipped and the answer says so; a step the
 * deadline leaves no time for is not attempted. Only feature-service's refusal of the caller's data ends
 * the request with an error: the model and the policy get our own vector and score, so their refusals are
 * our faults and degrade instead.
 */
public final class ScoringPipeline {

    /** A call with less time than this cannot succeed; it is skipped rather than sent to fail. */
    static final Duration MIN_USEFUL_BUDGET = Duration.ofMillis(2);
    static final String FEATURES = "features";
    static final String MODEL = "model";
    static final String POLICY = "policy";
    private static final Logger log = LoggerFactory.getLogger(ScoringPipeline.class);

    private final ModelCatalog models;
    private final FeatureSource features;
    private final Scorer scorer;
    private final DecisionPolicy policy;
    private final Duration policyReserve;
    private final PipelineMetrics metrics;

    /**
     * @param policyReserve time kept back from the features and model steps so that the policy can still
     *                      answer within the deadline
     * @param metrics       where each degraded answer is counted, with its first failed step and cause
     */
    public ScoringPipeline(ModelCatalog models, FeatureSource features, Scorer scorer, DecisionPolicy policy,
            Duration policyReserve, PipelineMetrics metrics) {
        this.models = models;
        this.features = features;
        this.scorer = scorer;
        this.policy = policy;
        this.policyReserve = policyReserve;
        this.metrics = metrics;
    }

    /** @throws DomainException (INVALID) when feature-service refuses the caller's transaction */
    public PipelineOutcome run(DataTransaction tx, RequestDeadline deadline) {
        Optional<ServedModel> served = models.current();
        if (served.isEmpty()) {
            // the feature set to ask for comes from the model; without it neither can run
            models.refreshSoon();
            return decide(tx, deadline, Partial.skipped(ReasonCode.MODEL_UNAVAILABLE, MODEL, StepFailure.Cause.FAULT,
                    null, null, Map.of()));
        }
        ModelId model = served.get().model();
        FeatureSetId wanted = served.get().featureSet();
        FeatureSource.Features vector;
        try {
            vector = step(FEATURES, features.timeout(), policyReserve, deadline,
                    budget -> features.features(tx, wanted, budget));
        } catch (StepFailure failure) {
            if (failure.kind() == StepFailure.Kind.REFUSED_INPUT) {
                throw new DomainException(DomainException.Kind.INVALID,
                        "feature-service refused the transaction: " + failure.sentence());
            }
            noteStale(failure);
            log.debug("Skipping the model for {}: {}", tx.transactionId(), failure.getMessage());
            return decide(tx, deadline, Partial.skipped(ReasonCode.FEATURES_UNAVAILABLE, FEATURES, failure.kind().cause(),
                    model, wanted, Map.of()));
        }
        Map<String, Float> named = vector.named();
        try {
            Scorer.Score score = step(MODEL, scorer.timeout(), policyReserve, deadline,
                    budget -> scorer.score(vector.featureSet(), vector.values(), tx.cardKey(), budget));
            return decide(tx, deadline, new Partial(score.value(), null, null, null, score.model(), vector.featureSet(),
                    named, score.thresholds()));
        } catch (StepFailure failure) {
            noteStale(failure);
            log.debug("No score for {}: {}", tx.transactionId(), failure.getMessage());
            return decide(tx, deadline, Partial.skipped(ReasonCode.MODEL_UNAVAILABLE, MODEL, failure.kind().cause(), model,
                    vector.featureSet(), named));
        }
    }

    private PipelineOutcome decide(DataTransaction tx, RequestDeadline deadline, Partial partial) {
        DecisionPolicy.Question question = new DecisionPolicy.Question(tx.transactionId(), partial.score(),
                partial.skipped(), partial.model(), partial.featureSet(), partial.features(), partial.thresholds());
        PolicyDecision decision;
        try {
            decision = step(POLICY, policy.timeout(), Duration.ZERO, deadline, budget -> policy.decide(question, budget));
        } catch (StepFailure failure) {
            log.debug("No policy decision for {}: {}", tx.transactionId(), failure.getMessage());
            decision = null;
            if (partial.skipped() == null) {
                metrics.degraded(POLICY, failure.kind().cause());
            }
        }
        if (partial.skipped() != null) {
            metrics.degraded(partial.failedStep(), partial.cause());
        }
        return new PipelineOutcome(tx.transactionId(), partial.score() == null ? null : toDouble(partial.score()),
                partial.skipped(), partial.model(), partial.featureSet() == null ? null : partial.featureSet().id(),
                decision);
    }

    private static <T> T step(String name, Duration timeout, Duration reserve, RequestDeadline deadline,
            Function<Duration, T> call) {
        Duration budget = deadline.budgetFor(timeout, reserve);
        if (budget.compareTo(MIN_USEFUL_BUDGET) < 0) {
            throw StepFailure.budgetSpent(name);
        }
        return call.apply(budget);
    }

    /** A model or feature set that disagrees with ours means predict-service changed: learn the new one. */
    private void noteStale(StepFailure failure) {
        if (failure.kind() == StepFailure.Kind.STALE) {
            models.refreshSoon();
        }
    }

    /** The double with the float's shortest decimal text, so 0.87f is answered as 0.87, not 0.8700000047683716. */
    static double toDouble(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    /** What the steps before the policy gave; when one failed, which one and why. */
    private record Partial(Float score, ReasonCode skipped, String failedStep, StepFailure.Cause cause, ModelId model,
            FeatureSetId featureSet, Map<String, Float> features, Thresholds thresholds) {

        static Partial skipped(ReasonCode why, String failedStep, StepFailure.Cause cause, ModelId model,
                FeatureSetId featureSet, Map<String, Float> features) {
            return new Partial(null, why, failedStep, cause, model, featureSet, features, null);
        }
    }
}
