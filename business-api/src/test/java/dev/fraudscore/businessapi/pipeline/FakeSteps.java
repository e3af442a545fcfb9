package dev.fraudscore.businessapi.pipeline;

import dev.fraudscore.businessapi.domain.DataTransaction;
import dev.fraudscore.businessapi.domain.ModelId;
import dev.fraudscore.businessapi.domain.MutableClock;
import dev.fraudscore.businessapi.domain.PolicyDecision;
import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Reason;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSetId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * In-memory stand-ins for the three steps and the model catalog. Each answers like the real service does
 * unless the test sets {@code failWith}; {@code takes} moves the shared clock forward during the call, as a
 * slow service would. Each records the budgets it was given.
 */
final class FakeSteps {

    static final ModelId MODEL = new ModelId("fraud-mlp", "3");
    static final FeatureSetId FRAUD_V1 = new FeatureSetId("fraud", 1, "0123456789abcdef");
    static final Thresholds MODEL_THRESHOLDS = new Thresholds(0.289f, 0.85f);

    final MutableClock clock;
    final Catalog catalog = new Catalog();
    final FeatureStep features = new FeatureStep();
    final ModelStep model = new ModelStep();
    final PolicyStep policy = new PolicyStep();

    FakeSteps(MutableClock clock) {
        this.clock = clock;
    }

    /** What every fake shares: how long it takes, whether it fails, what budgets it got. */
    abstract class Step {
        final List<Duration> budgets = new ArrayList<>();
        Duration takes = Duration.ZERO;
        StepFailure.Kind failWith;
        Duration timeout = Duration.ofMillis(100);

        public Duration timeout() {
            return timeout;
        }

        /** The answer as the real adapters give it: a future, failed with the step's failure. */
        <T> CompletableFuture<T> answer(String name, Duration budget, Supplier<T> value) {
            budgets.add(budget);
            clock.advance(takes);
            if (failWith != null) {
                return CompletableFuture.failedFuture(
                        new StepFailure(name, failWith, "the fake " + name + " failed with " + failWith, null));
            }
            return CompletableFuture.completedFuture(value.get());
        }
    }

    final class Catalog implements ModelCatalog {
        ServedModel served = new ServedModel(MODEL, FRAUD_V1, 3);
        int refreshes;

        @Override
        public Optional<ServedModel> current() {
            return Optional.ofNullable(served);
        }

        @Override
        public void refreshSoon() {
            refreshes++;
        }
    }

    final class FeatureStep extends Step implements FeatureSource {
        FeatureSetId asked;

        @Override
        public CompletableFuture<FeatureSource.Features> features(DataTransaction tx, FeatureSetId wanted,
                Duration budget) {
            asked = wanted;
            return answer("features", budget, () -> new FeatureSource.Features(wanted,
                    List.of("amount_log1p", "card_tx_count_1h", "cross_border"), new float[] {3.2f, 6f, 0f}));
        }
    }

    final class ModelStep extends Step implements Scorer {
        float score = 0.62f;
        String routingKey;

        @Override
        public CompletableFuture<Score> score(FeatureSetId featureSet, float[] row, String routingKey,
                Duration budget) {
            this.routingKey = routingKey;
            return answer("model", budget, () -> new Score(score, MODEL, MODEL_THRESHOLDS));
        }
    }

    /** Decides like postprocess-service: the model's thresholds, or the fail mode REVIEW without a score. */
    final class PolicyStep extends Step implements DecisionPolicy {
        final List<Question> questions = new ArrayList<>();

        PolicyStep() {
            timeout = Duration.ofMillis(50);
        }

        @Override
        public CompletableFuture<PolicyDecision> decide(Question question, Duration budget) {
            questions.add(question);
            return answer("policy", budget, () -> decision(question));
        }

        private PolicyDecision decision(Question question) {
            if (question.score() == null) {
                return new PolicyDecision(Label.UNCERTAIN, Decision.REVIEW,
                        List.of(question.unavailable().failSafe(Decision.REVIEW)), "policy-1");
            }
            Label label = question.modelThresholds().labelFor(question.score());
            Reason reason = ReasonCode.forScore(question.score(), question.modelThresholds());
            return new PolicyDecision(label, Decision.forLabel(label), reason == null ? List.of() : List.of(reason), "policy-1");
        }
    }
}
