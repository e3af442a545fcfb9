package dev.fraudscore.businessapi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.businessapi.domain.DataTransaction;
import dev.fraudscore.businessapi.domain.FraudScore;
import dev.fraudscore.businessapi.domain.MutableClock;
import dev.fraudscore.businessapi.domain.PipelineOutcome;
import dev.fraudscore.businessapi.domain.RequestDeadline;
import dev.fraudscore.businessapi.domain.ScoreAssembler;
import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Reason;
import dev.fraudscore.domain.ReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The scoring spine against in-memory steps and a clock moved by hand: one test per row of the failure
 * table in DESIGN.md. No socket, no Spring, no real time.
 */
class ScoringPipelineTest {

    private static final Instant ARRIVAL = Instant.parse("2026-11-22T10:15:30Z");
    private static final Duration DEADLINE = Duration.ofMillis(300);
    private static final Duration RESERVE = Duration.ofMillis(40);
    private static final DataTransaction TX = new DataTransaction("tx-1", ARRIVAL, 12_999, "EUR", "tok_1", "424242", "FR",
            "cust-1", "m-1", "5411", "FR", Channel.ECOMMERCE, null, null, null, null);

    private final MutableClock clock = new MutableClock(ARRIVAL);
    private final FakeSteps steps = new FakeSteps(clock);
    private final RecordedMetrics metrics = new RecordedMetrics();
    private final ScoringPipeline pipeline = new ScoringPipeline(steps.catalog, steps.features, steps.model,
            steps.policy, RESERVE, metrics);
    private final ScoreAssembler assembler = new ScoreAssembler(Decision.DECLINE);

    private FraudScore answer() {
        CompletableFuture<PipelineOutcome> outcome = pipeline.run(TX, RequestDeadline.startingAt(ARRIVAL, DEADLINE, clock));
        assertThat(outcome).as("every step answered at once, so the pipeline did too").isDone();
        try {
            return assembler.assemble(outcome.join());
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    @Test
    void everythingUpGivesTheModelsDecisionUnderItsOwnThresholds() {
        FraudScore answer = answer();

        assertThat(answer.degraded()).isFalse();
        assertThat(answer.score()).isEqualTo(0.62);
        assertThat(answer.label()).isEqualTo(Label.SUSPICIOUS);
        assertThat(answer.decision()).isEqualTo(Decision.REVIEW);
        assertThat(answer.model()).isEqualTo(FakeSteps.MODEL);
        assertThat(answer.featureSet()).isEqualTo("fraud_v1");
        assertThat(answer.reasons()).extracting(Reason::code).containsExactly("MODEL_SCORE_ELEVATED");
        DecisionPolicy.Question asked = steps.policy.questions.get(0);
        assertThat(asked.modelThresholds()).isEqualTo(FakeSteps.MODEL_THRESHOLDS);
        assertThat(asked.features()).containsEntry("card_tx_count_1h", 6f);
        assertThat(steps.features.asked).isEqualTo(FakeSteps.FRAUD_V1);
        assertThat(steps.model.routingKey).as("the canary split is by card").isEqualTo("tok_1");
    }

    @Test
    void eachStepGetsItsTimeoutOrWhatTheDeadlineLeavesAfterTheReserve() {
        steps.features.timeout = Duration.ofMillis(500);
        steps.features.takes = Duration.ofMillis(200);

        answer();

        assertThat(steps.features.budgets).containsExactly(DEADLINE.minus(RESERVE));
        assertThat(steps.model.budgets).containsExactly(Duration.ofMillis(60));
        assertThat(steps.policy.budgets).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void featuresDownGiveUncertainAndTheFailModeWithoutCallingTheModel() {
        steps.features.failWith = StepFailure.Kind.UNAVAILABLE;

        FraudScore answer = answer();

        assertDegraded(answer, ReasonCode.FEATURES_UNAVAILABLE);
        assertThat(steps.model.budgets).isEmpty();
        assertThat(steps.policy.questions.get(0).unavailable()).isEqualTo(ReasonCode.FEATURES_UNAVAILABLE);
    }

    @Test
    void featuresTooSlowAreLikeFeaturesDown() {
        steps.features.failWith = StepFailure.Kind.TIMEOUT;

        assertDegraded(answer(), ReasonCode.FEATURES_UNAVAILABLE);
    }

    @Test
    void modelDownOrOverloadedGivesModelUnavailableAndKeepsTheFeaturesForTheReasons() {
        for (StepFailure.Kind kind : new StepFailure.Kind[] {StepFailure.Kind.UNAVAILABLE, StepFailure.Kind.TIMEOUT,
                StepFailure.Kind.BROKEN}) {
            steps.model.failWith = kind;
            steps.policy.questions.clear();

            FraudScore answer = answer();

            assertDegraded(answer, ReasonCode.MODEL_UNAVAILABLE);
            assertThat(answer.model()).as("the model that was meant to score").isEqualTo(FakeSteps.MODEL);
            assertThat(steps.policy.questions.get(0).features()).containsKey("amount_log1p");
        }
    }

    @Test
    void anOpenBreakerSkipsTheStepLikeAnOutage() {
        steps.model.failWith = StepFailure.Kind.BREAKER_OPEN;

        assertDegraded(answer(), ReasonCode.MODEL_UNAVAILABLE);
        assertThat(steps.catalog.refreshes).isZero();
    }

    @Test
    void postprocessDownGivesUncertainWithBusinessApisFailModeAndKeepsTheScore() {
        steps.policy.failWith = StepFailure.Kind.UNAVAILABLE;

        FraudScore answer = answer();

        assertThat(answer.degraded()).isTrue();
        assertThat(answer.label()).isEqualTo(Label.UNCERTAIN);
        assertThat(answer.decision()).isEqualTo(Decision.DECLINE);
        assertThat(answer.score()).isEqualTo(0.62);
        assertThat(answer.policyVersion()).isNull();
        assertThat(answer.reasons()).containsExactly(ReasonCode.POSTPROCESS_UNAVAILABLE.failSafe(Decision.DECLINE));
    }

    @Test
    void aDeadlineSpentByTheFeaturesSkipsTheModelButLeavesThePolicyItsReserve() {
        steps.features.timeout = Duration.ofSeconds(1);
        steps.features.takes = DEADLINE.minus(RESERVE);

        FraudScore answer = answer();

        assertThat(steps.model.budgets).as("not attempted").isEmpty();
        assertDegraded(answer, ReasonCode.MODEL_UNAVAILABLE);
        assertThat(steps.policy.budgets).containsExactly(RESERVE);
    }

    @Test
    void aDeadlineSpentBeforeTheFirstStepAttemptsNothingAndStillAnswers() {
        clock.advance(DEADLINE);

        FraudScore answer = answer();

        assertThat(steps.features.budgets).isEmpty();
        assertThat(steps.model.budgets).isEmpty();
        assertThat(steps.policy.budgets).isEmpty();
        assertThat(answer.decision()).isEqualTo(Decision.DECLINE);
        assertThat(answer.reasons()).extracting(Reason::code).containsExactly("FEATURES_UNAVAILABLE", "POSTPROCESS_UNAVAILABLE");
    }

    @Test
    void theCallersBadDataIsAnErrorAndNeitherModelNorPolicyIsAsked() {
        steps.features.failWith = StepFailure.Kind.REFUSED_INPUT;

        assertThatThrownBy(this::answer)
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.getMessage()).isEqualTo(
                            "feature-service refused the transaction: the fake features failed with REFUSED_INPUT");
                });
        assertThat(steps.model.budgets).isEmpty();
        assertThat(steps.policy.questions).isEmpty();
    }

    @Test
    void aModelThatNoLongerMatchesIsRelearntAndTheAnswerDegrades() {
        steps.model.failWith = StepFailure.Kind.STALE;

        assertDegraded(answer(), ReasonCode.MODEL_UNAVAILABLE);
        assertThat(steps.catalog.refreshes).isEqualTo(1);

        steps.model.failWith = null;
        steps.features.failWith = StepFailure.Kind.STALE;
        assertDegraded(answer(), ReasonCode.FEATURES_UNAVAILABLE);
        assertThat(steps.catalog.refreshes).isEqualTo(2);
    }

    @Test
    void aModelNeverHeardOfRecordsNothingAndAsksForItAgain() {
        steps.catalog.served = null;

        FraudScore answer = answer();

        assertThat(steps.features.budgets).as("no transaction recorded").isEmpty();
        assertThat(steps.catalog.refreshes).isEqualTo(1);
        assertDegraded(answer, ReasonCode.MODEL_UNAVAILABLE);
        assertThat(answer.model()).isNull();
    }

    @Test
    void eachDegradedAnswerIsCountedOnceByItsFirstFailedStepAndWhetherOverloadCausedIt() {
        steps.model.failWith = StepFailure.Kind.OVERLOADED;
        answer();
        steps.model.failWith = StepFailure.Kind.TIMEOUT;
        answer();
        steps.model.failWith = null;
        steps.features.failWith = StepFailure.Kind.UNAVAILABLE;
        steps.policy.failWith = StepFailure.Kind.UNAVAILABLE;
        answer();
        steps.features.failWith = null;
        steps.policy.failWith = StepFailure.Kind.OVERLOADED;
        answer();
        steps.policy.failWith = StepFailure.Kind.BREAKER_OPEN;
        answer();
        steps.policy.failWith = null;
        assertThat(answer().degraded()).isFalse();

        assertThat(metrics.degraded).containsExactly("model/overload", "model/fault", "features/fault", "policy/overload",
                "policy/fault");
    }

    @Test
    void aDeadlineSpentWaitingBeforeAStepIsOverloadAndAnUnknownModelAFault() {
        clock.advance(DEADLINE);
        answer();
        clock.advance(DEADLINE.negated());
        steps.catalog.served = null;
        answer();

        assertThat(metrics.degraded).containsExactly("features/overload", "model/fault");
    }

    @Test
    void aScoreInTheDeclineBandDeclines() {
        steps.model.score = 0.9f;

        FraudScore answer = answer();

        assertThat(answer.label()).isEqualTo(Label.HIGHLY_SUSPICIOUS);
        assertThat(answer.decision()).isEqualTo(Decision.DECLINE);
        assertThat(answer.reasons().get(0).text()).contains("decline threshold 0.85");
    }

    private static void assertDegraded(FraudScore answer, ReasonCode why) {
        assertThat(answer.degraded()).isTrue();
        assertThat(answer.label()).isEqualTo(Label.UNCERTAIN);
        assertThat(answer.score()).isNull();
        assertThat(answer.reasons()).extracting(Reason::code).containsExactly(why.name());
        assertThat(answer.policyVersion()).isEqualTo("policy-1");
        assertThat(answer.decision()).as("the policy's fail mode").isEqualTo(Decision.REVIEW);
    }
}
