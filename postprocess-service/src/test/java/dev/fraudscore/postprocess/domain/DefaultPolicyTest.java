package dev.fraudscore.postprocess.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Reason;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSpec;
import dev.fraudscore.features.FraudV1;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The policy bundled in the jar: it loads, and it speaks about features fraud_v1 really computes. */
class DefaultPolicyTest {

    private static Policy defaultPolicy() throws IOException {
        try (InputStream in = DefaultPolicyTest.class.getResourceAsStream("/policy/default-policy.yaml")) {
            return new dev.fraudscore.postprocess.policy.PolicyReader().read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-policy.yaml");
        }
    }

    @Test
    void parsesWithTheAgreedThresholdsAndRules() throws IOException {
        Policy policy = defaultPolicy();

        assertThat(policy.version()).isEqualTo("2026-11-22.1");
        assertThat(policy.failMode()).isEqualTo(Decision.REVIEW);
        assertThat(policy.defaultThresholds()).isEqualTo(new Thresholds(0.5f, 0.85f));
        assertThat(policy.thresholdsFor(new ModelKey("fraud-mlp", "1"))).isEqualTo(new Thresholds(0.5f, 0.85f));
        assertThat(policy.rules()).extracting(Rule::code).containsExactly(
                "HIGH_VELOCITY", "HIGH_DAILY_VELOCITY", "AMOUNT_SPIKE", "RAPID_REPEAT", "NEW_MERCHANT", "CROSS_BORDER");
    }

    @Test
    void everyRuleNamesAFeatureOfFraudV1() throws IOException {
        var features = new FraudV1().features().stream().map(FeatureSpec::name).toList();

        assertThat(defaultPolicy().rules()).extracting(Rule::feature).allSatisfy(f -> assertThat(features).contains(f));
    }

    @Test
    void rapidRepeatMeansWithinAboutAMinute() throws IOException {
        Rule rapid = defaultPolicy().rules().stream().filter(r -> r.code().equals("RAPID_REPEAT")).findFirst().orElseThrow();

        assertThat(rapid.explain(Map.of("seconds_since_last_tx_log1p", (float) Math.log1p(59)))).isPresent();
        assertThat(rapid.explain(Map.of("seconds_since_last_tx_log1p", (float) Math.log1p(61)))).isEmpty();
        assertThat(rapid.explain(Map.of("seconds_since_last_tx_log1p", (float) Math.log1p(59))).orElseThrow().text())
                .isEqualTo("The card was used again within about a minute of its previous payment");
    }

    @Test
    void aHighScoreWithBusyCardIsDeclinedWithPlainReasons() throws IOException {
        Verdict verdict = new Decider(defaultPolicy()).decide(new DecideInput(0.93f, ReasonCode.SCORE_MISSING,
                new ModelKey("fraud-mlp", "1"),
                Map.of("card_tx_count_1h", 6f, "cross_border", 1f, "amount_to_card_avg_24h", 5.5f)));

        assertThat(verdict.decision()).isEqualTo(Decision.DECLINE);
        assertThat(verdict.reasons()).extracting(Reason::text).containsExactly(
                "The model scored this transaction 0.93, at or above the decline threshold 0.85",
                "The card made 6 payments in the last hour",
                "The amount is 5.5 times the card's average payment of the last 24 hours",
                "The card's country differs from the merchant's country");
    }
}
