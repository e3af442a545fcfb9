package dev.fraudscore.businessapi.pipeline;

import dev.fraudscore.businessapi.domain.DataTransaction;
import dev.fraudscore.businessapi.domain.ModelId;
import dev.fraudscore.businessapi.domain.PipelineOutcome;
import dev.fraudscore.businessapi.domain.RequestDeadline;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.support.concurrent.FutureFailures;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    /**
     * Runs the steps one after the other, each started where the one before answered (a downstream's answer
     * arrives on its channel's event loop): no thread waits for a step.
     *
     * @return the outcome; completes with a {@link DomainException} (INVALID) when feature-service refuses the
     *         caller's transaction
     */
    public CompletableFuture<PipelineOutcome> run(DataTransaction tx, RequestDeadline deadline) {
        Optional<ServedModel> served = models.current();
        if (served.isEmpty()) {
            // the feature set to ask for comes from the model; without it neither can run
            models.refreshSoon();
            return decide(tx, deadline, Partial.skipped(ReasonCode.MODEL_UNAVAILABLE, MODEL, StepFailure.Cause.FAULT,
                    null, null, Map.of()));
        }
        ModelId model = served.get().model();
        FeatureSetId wanted = served.get().featureSet();
        return step(FEATURES, features.timeout(), policyReserve, deadline,
                budget -> features.features(tx, wanted, budget))
                .handle((vector, error) -> error == null ? score(tx, deadline, model, vector)
                        : withoutFeatures(tx, deadline, model, wanted, failure(error)))
                .thenCompose(Function.identity());
    }

    private CompletableFuture<PipelineOutcome> withoutFeatures(DataTransaction tx, RequestDeadline deadline,
            ModelId model, FeatureSetId wanted, StepFailure failure) {
        if (failure.kind() == StepFailure.Kind.REFUSED_INPUT) {
            return CompletableFuture.failedFuture(new DomainException(DomainException.Kind.INVALID,
                    "feature-service refused the transaction: " + failure.sentence()));
        }
        noteStale(failure);
        log.debug("Skipping the model for {}: {}", tx.transactionId(), failure.getMessage());
        return decide(tx, deadline, Partial.skipped(ReasonCode.FEATURES_UNAVAILABLE, FEATURES, failure.kind().cause(),
                model, wanted, Map.of()));
    }

    private CompletableFuture<PipelineOutcome> score(DataTransaction tx, RequestDeadline deadline, ModelId model,
            FeatureSource.Features vector) {
        Map<String, Float> named = vector.named();
        return step(MODEL, scorer.timeout(), policyReserve, deadline,
                budget -> scorer.score(vector.featureSet(), vector.values(), tx.cardKey(), budget))
                .handle((score, error) -> {
                    if (error == null) {
                        return decide(tx, deadline, new Partial(score.value(), null, null, null, score.model(),
                                vector.featureSet(), named, score.thresholds()));
                    }
                    StepFailure failure = failure(error);
                    noteStale(failure);
                    log.debug("No score for {}: {}", tx.transactionId(), failure.getMessage());
                    return decide(tx, deadline, Partial.skipped(ReasonCode.MODEL_UNAVAILABLE, MODEL,
                            failure.kind().cause(), model, vector.featureSet(), named));
                })
                .thenCompose(Function.identity());
    }

    private CompletableFuture<PipelineOutcome> decide(DataTransaction tx, RequestDeadline deadline, Partial partial) {
        DecisionPolicy.Question question = new DecisionPolicy.Question(tx.transactionId(), partial.score(),
                partial.skipped(), partial.model(), partial.featureSet(), partial.features(), partial.thresholds());
        return step(POLICY, policy.timeout(), Duration.ZERO, deadline, budget -> policy.decide(question, budget))
                .handle((decision, error) -> {
                    if (error != null) {
                        StepFailure failure = failure(error);
                        log.debug("No policy decision for {}: {}", tx.transactionId(), failure.getMessage());
                        if (partial.skipped() == null) {
                            metrics.degraded(POLICY, failure.kind().cause());
                        }
                    }
                    if (partial.skipped() != null) {
                        metrics.degraded(partial.failedStep(), partial.cause());
                    }
                    return new PipelineOutcome(tx.transactionId(),
                            partial.score() == null ? null : toDouble(partial.score()), partial.skipped(),
                            partial.model(), partial.featureSet() == null ? null : partial.featureSet().id(),
                            error == null ? decision : null);
                });
    }

    /** Starts a step if the deadline leaves it a useful budget; a step that throws fails its future instead. */
    private static <T> CompletableFuture<T> step(String name, Duration timeout, Duration reserve,
            RequestDeadline deadline, Function<Duration, CompletableFuture<T>> call) {
        Duration budget = deadline.budgetFor(timeout, reserve);
        if (budget.compareTo(MIN_USEFUL_BUDGET) < 0) {
            return CompletableFuture.failedFuture(StepFailure.budgetSpent(name));
        }
        try {
            return call.apply(budget);
        } catch (StepFailure failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /** The step's failure; anything else is a bug, and goes on failing the request as before. */
    private static StepFailure failure(Throwable error) {
        Throwable cause = FutureFailures.cause(error);
        if (cause instanceof StepFailure failure) {
            return failure;
        }
        throw cause instanceof RuntimeException unexpected ? unexpected : new CompletionException(cause);
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
