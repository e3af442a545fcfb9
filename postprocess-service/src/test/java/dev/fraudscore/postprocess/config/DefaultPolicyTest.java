package dev.fraudscore.postprocess.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Reason;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSets;
import dev.fraudscore.postprocess.domain.DecideInput;
import dev.fraudscore.postprocess.domain.Decider;
import dev.fraudscore.postprocess.domain.ModelKey;
import dev.fraudscore.postprocess.domain.Rule;
import dev.fraudscore.postprocess.domain.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the policy bundled in the jar does, as the service loads it: behaviour, not its numbers. */
class DefaultPolicyTest {

    private static final ModelKey DEFAULT_MODEL = new ModelKey("fraud-mlp", "1");
    /** What the trainer suggests for the default model (README: review 0.289 / decline 0.850). */
    private static final Thresholds MANIFEST = new Thresholds(0.289f, 0.85f);

    private final Decider decider = new Decider(new PolicyLoader().load(PostprocessProperties.DEFAULT_POLICY));

    private Verdict decide(Float score, Thresholds suggested, Map<String, Float> features) {
        return decider.decide(new DecideInput(score, null, DEFAULT_MODEL, features, suggested));
    }

    @Test
    void theModelsSuggestedThresholdsDecideAndTheReasonNamesThem() {
        assertThat(decide(0.2f, MANIFEST, Map.of()).decision()).isEqualTo(Decision.APPROVE);
        assertThat(decide(0.3f, MANIFEST, Map.of()).decision()).isEqualTo(Decision.REVIEW);
        assertThat(decide(0.9f, MANIFEST, Map.of()).decision()).isEqualTo(Decision.DECLINE);
        assertThat(decide(0.3f, MANIFEST, Map.of()).reasons()).extracting(Reason::text)
                .containsExactly("The model scored this transaction 0.30, at or above the review threshold 0.289");
    }

    @Test
    void withoutSuggestedThresholdsLowScoresAreApprovedMiddleOnesReviewedHighOnesDeclined() {
        List<Decision> byScore = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            byScore.add(decide(i / 100f, null, Map.of()).decision());
        }

        assertThat(byScore).first().isEqualTo(Decision.APPROVE);
        assertThat(byScore).last().isEqualTo(Decision.DECLINE);
        assertThat(byScore).contains(Decision.REVIEW).isSortedAccordingTo(Enum::compareTo);
    }

    @Test
    void noScoreIsUncertainAndGoesToReviewSayingWhy() {
        Verdict verdict = decider.decide(new DecideInput(null, ReasonCode.FEATURES_UNAVAILABLE, DEFAULT_MODEL,
                Map.of(), MANIFEST));

        assertThat(verdict.label()).isEqualTo(Label.UNCERTAIN);
        assertThat(verdict.decision()).isEqualTo(Decision.REVIEW);
        assertThat(verdict.reasons()).containsExactly(ReasonCode.FEATURES_UNAVAILABLE.failSafe(Decision.REVIEW));
    }

    @Test
    void everyRuleNamesAFeatureOfFraudV1() {
        List<String> features = FeatureSets.find("fraud_v1").orElseThrow().featureNames();

        assertThat(decider.policy().rules()).isNotEmpty()
                .extracting(Rule::feature).allSatisfy(f -> assertThat(features).contains(f));
    }

    @Test
    void rapidRepeatMeansWithinAboutAMinute() {
        Rule rapid = decider.policy().rules().stream().filter(r -> r.code().equals("RAPID_REPEAT")).findFirst()
                .orElseThrow();

        assertThat(rapid.explain(Map.of("seconds_since_last_tx_log1p", (float) Math.log1p(59)))).isPresent();
        assertThat(rapid.explain(Map.of("seconds_since_last_tx_log1p", (float) Math.log1p(61)))).isEmpty();
    }

    @Test
    void aHighScoreOnABusyCardIsDeclinedWithPlainReasons() {
        Verdict verdict = decide(0.93f, MANIFEST,
                Map.of("card_tx_count_1h", 6f, "cross_border", 1f, "amount_to_card_avg_24h", 5.5f));

        assertThat(verdict.decision()).isEqualTo(Decision.DECLINE);
        assertThat(verdict.reasons()).extracting(Reason::text).containsExactly(
                "The model scored this transaction 0.93, at or above the decline threshold 0.85",
                "The card made 6 payments in the last hour",
                "The amount is 5.5 times the card's average payment of the last 24 hours",
                "The card's country differs from the merchant's country");
    }
}
