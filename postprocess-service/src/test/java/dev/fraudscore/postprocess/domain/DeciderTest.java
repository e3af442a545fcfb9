package dev.fraudscore.postprocess.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Reason;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeciderTest {

    private static final Rule VELOCITY = new Rule("HIGH_VELOCITY", "card_tx_count_1h", Operator.AT_LEAST, 5f,
            ReasonTemplate.of("The card made {value} payments in the last hour"), 0.6f);
    private static final Rule NEW_MERCHANT = new Rule("NEW_MERCHANT", "first_time_merchant", Operator.EQUALS, 1f,
            ReasonTemplate.of("First payment at this merchant"), 0.2f);

    private static final Policy POLICY = new Policy("test-1", Decision.REVIEW, new Thresholds(0.5f, 0.85f),
            List.of(new ThresholdOverride("fraud-mlp", "", new Thresholds(0.3f, 0.7f)),
                    new ThresholdOverride("fraud-mlp", "7", new Thresholds(0.6f, 0.9f))),
            List.of(VELOCITY, NEW_MERCHANT));

    private final Decider decider = new Decider(POLICY);

    private static final Thresholds SUGGESTED = new Thresholds(0.2f, 0.4f);

    private Verdict decide(Float score, ModelKey model, Map<String, Float> features) {
        return decider.decide(new DecideInput(score, ReasonCode.SCORE_MISSING, model, features, null));
    }

    private Decision decideWithSuggested(float score, ModelKey model) {
        return decider.decide(new DecideInput(score, ReasonCode.SCORE_MISSING, model, Map.of(), SUGGESTED)).decision();
    }

    @ParameterizedTest(name = "score {0} -> {1}")
    @CsvSource({
            "0.0,    NOT_FRAUD,         APPROVE",
            "0.4999, NOT_FRAUD,         APPROVE",
            "0.5,    SUSPICIOUS,        REVIEW",
            "0.8499, SUSPICIOUS,        REVIEW",
            "0.85,   HIGHLY_SUSPICIOUS, DECLINE",
            "1.0,    HIGHLY_SUSPICIOUS, DECLINE"})
    void bandsIncludeTheirLowerThreshold(float score, Label label, Decision decision) {
        Verdict verdict = decide(score, ModelKey.NONE, Map.of());

        assertThat(verdict.label()).isEqualTo(label);
        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.policyVersion()).isEqualTo("test-1");
    }

    @Test
    void aScoreSentAsExactlyAThresholdThatFloatCannotRepresentStillReachesTheBand() {
        // 0.7 is not exact in binary; compared as double, 0.7f would fall below 0.7
        Verdict verdict = decide(0.7f, new ModelKey("fraud-mlp", "1"), Map.of());

        assertThat(verdict.label()).isEqualTo(Label.HIGHLY_SUSPICIOUS);
    }

    @Test
    void withoutSuggestedThresholdsAVersionEntryBeatsAModelEntryWhichBeatsTheDefault() {
        float score = 0.65f;

        assertThat(decide(score, ModelKey.NONE, Map.of()).decision()).isEqualTo(Decision.REVIEW);
        assertThat(decide(score, new ModelKey("other-model", "7"), Map.of()).decision()).isEqualTo(Decision.REVIEW);
        assertThat(decide(score, new ModelKey("fraud-mlp", "3"), Map.of()).decision()).isEqualTo(Decision.REVIEW);
        assertThat(decide(0.75f, new ModelKey("fraud-mlp", "3"), Map.of()).decision()).isEqualTo(Decision.DECLINE);
        assertThat(decide(0.75f, new ModelKey("fraud-mlp", "7"), Map.of()).decision()).isEqualTo(Decision.REVIEW);
        assertThat(decide(0.55f, new ModelKey("fraud-mlp", "7"), Map.of()).decision()).isEqualTo(Decision.APPROVE);
    }

    @Test
    void aModelsSuggestedThresholdsBeatAModelEntryAndTheDefault() {
        // suggested review 0.2 / decline 0.4; the model entry says 0.3 / 0.7, the default 0.5 / 0.85
        assertThat(decideWithSuggested(0.25f, new ModelKey("fraud-mlp", "3"))).isEqualTo(Decision.REVIEW);
        assertThat(decideWithSuggested(0.45f, new ModelKey("fraud-mlp", "3"))).isEqualTo(Decision.DECLINE);
        assertThat(decideWithSuggested(0.45f, new ModelKey("other-model", "1"))).isEqualTo(Decision.DECLINE);
        assertThat(decideWithSuggested(0.1f, ModelKey.NONE)).isEqualTo(Decision.APPROVE);
    }

    @Test
    void aVersionEntryBeatsTheModelsSuggestedThresholds() {
        // the entry for fraud-mlp version 7 says 0.6 / 0.9
        assertThat(decideWithSuggested(0.45f, new ModelKey("fraud-mlp", "7"))).isEqualTo(Decision.APPROVE);
        assertThat(decideWithSuggested(0.65f, new ModelKey("fraud-mlp", "7"))).isEqualTo(Decision.REVIEW);
    }

    @Test
    void theScoreReasonNamesTheThresholdThatDecided() {
        Verdict verdict = decider.decide(new DecideInput(0.3f, ReasonCode.SCORE_MISSING, new ModelKey("fraud-mlp", "3"),
                Map.of(), new Thresholds(0.289f, 0.85f)));

        assertThat(verdict.decision()).isEqualTo(Decision.REVIEW);
        assertThat(verdict.reasons()).extracting(Reason::text).containsExactly(
                "The model scored this transaction 0.30, at or above the review threshold 0.289");
    }

    @Test
    void declineStartsWithTheScoreReasonThenMatchingRulesInPolicyOrder() {
        Verdict verdict = decide(0.93f, ModelKey.NONE,
                Map.of("first_time_merchant", 1f, "card_tx_count_1h", 7f, "cross_border", 1f));

        assertThat(verdict.reasons()).containsExactly(
                new Reason("MODEL_SCORE_HIGH",
                        "The model scored this transaction 0.93, at or above the decline threshold 0.85", 0.93f),
                new Reason("HIGH_VELOCITY", "The card made 7 payments in the last hour", 0.6f),
                new Reason("NEW_MERCHANT", "First payment at this merchant", 0.2f));
    }

    @Test
    void reviewNamesTheReviewThreshold() {
        Verdict verdict = decide(0.62f, ModelKey.NONE, Map.of());

        assertThat(verdict.reasons()).containsExactly(new Reason("MODEL_SCORE_ELEVATED",
                "The model scored this transaction 0.62, at or above the review threshold 0.50", 0.62f));
    }

    @Test
    void approvedTransactionsGetNoScoreReasonButStillTheirRuleReasons() {
        Verdict verdict = decide(0.1f, ModelKey.NONE, Map.of("card_tx_count_1h", 5f, "first_time_merchant", 0f));

        assertThat(verdict.decision()).isEqualTo(Decision.APPROVE);
        assertThat(verdict.reasons()).extracting(Reason::code).containsExactly("HIGH_VELOCITY");
    }

    @Test
    void rulesForFeaturesThatWereNotSentDoNotMatch() {
        assertThat(decide(0.9f, ModelKey.NONE, Map.of()).reasons()).extracting(Reason::code)
                .containsExactly("MODEL_SCORE_HIGH");
    }

    @Test
    void missingFeaturesFollowTheFailModeAndSaySo() {
        Verdict verdict = decider.decide(new DecideInput(null, ReasonCode.FEATURES_UNAVAILABLE, ModelKey.NONE, Map.of(), null));

        assertThat(verdict.label()).isEqualTo(Label.UNCERTAIN);
        assertThat(verdict.decision()).isEqualTo(Decision.REVIEW);
        assertThat(verdict.reasons()).containsExactly(ReasonCode.FEATURES_UNAVAILABLE.failSafe(Decision.REVIEW));
    }

    @Test
    void anUnavailableModelFollowsTheFailModeAndStillExplainsWithTheFeatures() {
        Decider declining = new Decider(new Policy("p", Decision.DECLINE, new Thresholds(0.5f, 0.85f), List.of(),
                List.of(VELOCITY)));

        Verdict verdict = declining.decide(new DecideInput(null, ReasonCode.MODEL_UNAVAILABLE, ModelKey.NONE,
                Map.of("card_tx_count_1h", 9f), null));

        assertThat(verdict.label()).isEqualTo(Label.UNCERTAIN);
        assertThat(verdict.decision()).isEqualTo(Decision.DECLINE);
        assertThat(verdict.reasons()).extracting(Reason::code).containsExactly("MODEL_UNAVAILABLE", "HIGH_VELOCITY");
        assertThat(verdict.reasons().get(0).text()).endsWith("; the decision follows the fail mode DECLINE.");
    }

    @Test
    void anAbsentScoreWithoutAReasonIsUncertainWithScoreMissing() {
        Verdict verdict = decide(null, ModelKey.NONE, Map.of());

        assertThat(verdict.label()).isEqualTo(Label.UNCERTAIN);
        assertThat(verdict.decision()).isEqualTo(Decision.REVIEW);
        assertThat(verdict.reasons()).extracting(Reason::code).containsExactly("SCORE_MISSING");
    }

    @Test
    void aScoreWinsOverAnUnavailableReasonSentWithIt() {
        Verdict verdict = decider.decide(new DecideInput(0.9f, ReasonCode.MODEL_UNAVAILABLE, ModelKey.NONE, Map.of(), null));

        assertThat(verdict.label()).isEqualTo(Label.HIGHLY_SUSPICIOUS);
    }

    @ParameterizedTest
    @CsvSource({"NaN", "-0.01", "1.01", "Infinity"})
    void scoresOutsideZeroToOneAreRefusedWithASentence(float score) {
        assertThatThrownBy(() -> decide(score, ModelKey.NONE, Map.of()))
                .isInstanceOf(InvalidDecideRequestException.class)
                .hasMessage("The score must be a probability between 0 and 1, but was " + score + ".");
    }
}
