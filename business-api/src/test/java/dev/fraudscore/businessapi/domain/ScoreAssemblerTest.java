package dev.fraudscore.businessapi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Reason;
import dev.fraudscore.domain.ReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreAssemblerTest {

    private static final ModelId MODEL = new ModelId("fraud-mlp", "3");
    private static final Reason HIGH_VELOCITY = new Reason("HIGH_VELOCITY", "Many payments in a short time.", 0.4);

    private final ScoreAssembler assembler = new ScoreAssembler(Decision.REVIEW);

    @Test
    void aCompleteAnswerIsNotDegraded() {
        PolicyDecision policy = new PolicyDecision(Label.SUSPICIOUS, Decision.REVIEW, List.of(HIGH_VELOCITY), "policy-7");

        FraudScore answer = assembler.assemble(new PipelineOutcome("tx-1", 0.62, null, MODEL, "fraud_v1", policy));

        assertThat(answer).isEqualTo(new FraudScore("tx-1", Decision.REVIEW, Label.SUSPICIOUS, 0.62, List.of(HIGH_VELOCITY),
                MODEL, "fraud_v1", "policy-7", false));
    }

    @Test
    void featuresUnavailableAddsTheReasonWhenPostprocessDidNot() {
        PolicyDecision policy = new PolicyDecision(Label.UNCERTAIN, Decision.REVIEW, List.of(), "policy-7");

        FraudScore answer = assembler.assemble(new PipelineOutcome("tx-1", null, ReasonCode.FEATURES_UNAVAILABLE, MODEL,
                "fraud_v1", policy));

        assertThat(answer.degraded()).isTrue();
        assertThat(answer.score()).isNull();
        assertThat(answer.label()).isEqualTo(Label.UNCERTAIN);
        assertThat(answer.policyVersion()).isEqualTo("policy-7");
        assertThat(answer.reasons()).containsExactly(ReasonCode.FEATURES_UNAVAILABLE.failSafe(Decision.REVIEW));
    }

    @Test
    void modelUnavailableIsNotRepeatedWhenPostprocessGaveIt() {
        Reason fromPolicy = new Reason("MODEL_UNAVAILABLE", "No model score; policy fallback.", 1.0);
        PolicyDecision policy = new PolicyDecision(Label.UNCERTAIN, Decision.APPROVE, List.of(fromPolicy), "policy-7");

        FraudScore answer = assembler.assemble(new PipelineOutcome("tx-1", null, ReasonCode.MODEL_UNAVAILABLE, MODEL,
                "fraud_v1", policy));

        assertThat(answer.reasons()).containsExactly(fromPolicy);
        assertThat(answer.decision()).isEqualTo(Decision.APPROVE);
        assertThat(answer.degraded()).isTrue();
    }

    @Test
    void postprocessDownWithAScoreAnswersLocallyAndKeepsTheScore() {
        FraudScore answer = assembler.assemble(new PipelineOutcome("tx-1", 0.91, null, MODEL, "fraud_v1", null));

        assertThat(answer.label()).isEqualTo(Label.UNCERTAIN);
        assertThat(answer.decision()).isEqualTo(Decision.REVIEW);
        assertThat(answer.score()).isEqualTo(0.91);
        assertThat(answer.model()).isEqualTo(MODEL);
        assertThat(answer.policyVersion()).isNull();
        assertThat(answer.degraded()).isTrue();
        assertThat(answer.reasons()).extracting(Reason::code).containsExactly("POSTPROCESS_UNAVAILABLE");
        assertThat(answer.reasons().get(0).text()).endsWith("the decision follows the fail mode REVIEW.");
    }

    @Test
    void postprocessDownAfterFeaturesDownGivesBothReasonsAndTheFailMode() {
        ScoreAssembler declining = new ScoreAssembler(Decision.DECLINE);

        FraudScore answer = declining.assemble(new PipelineOutcome("tx-1", null, ReasonCode.FEATURES_UNAVAILABLE, null,
                null, null));

        assertThat(answer.decision()).isEqualTo(Decision.DECLINE);
        assertThat(answer.score()).isNull();
        assertThat(answer.model()).isNull();
        assertThat(answer.featureSet()).isNull();
        assertThat(answer.reasons()).extracting(Reason::code)
                .containsExactly("FEATURES_UNAVAILABLE", "POSTPROCESS_UNAVAILABLE");
    }

    @Test
    void modelNeverKnownAndPostprocessDown() {
        FraudScore answer = assembler.assemble(new PipelineOutcome("tx-1", null, ReasonCode.MODEL_UNAVAILABLE, null, null, null));

        assertThat(answer.reasons()).extracting(Reason::code)
                .containsExactly("MODEL_UNAVAILABLE", "POSTPROCESS_UNAVAILABLE");
        assertThat(answer.label()).isEqualTo(Label.UNCERTAIN);
    }
}
