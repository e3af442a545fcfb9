package dev.fraudscore.businessapi.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link PipelineOutcome} into the caller's answer. Without postprocess-service it answers
 * locally: label UNCERTAIN, the configured fail mode, and the reasons saying what was skipped.
 */
public final class ScoreAssembler {

    private final Decision failMode;

    public ScoreAssembler(Decision failMode) {
        this.failMode = failMode;
    }

    private String withFailMode(String sentence) {
        return sentence.substring(0, sentence.length() - 1) + " (" + failMode + ").";
    }

    public FraudScore assemble(PipelineOutcome outcome) {
        if (outcome.policy() == null) {
            List<FraudScore.Reason> reasons = new ArrayList<>();
            if (outcome.skipped() != null) {
                reasons.add(outcome.skipped().reason());
            }
            reasons.add(new FraudScore.Reason(Degradation.POSTPROCESS_UNAVAILABLE.name(),
                    withFailMode(Degradation.POSTPROCESS_UNAVAILABLE.sentence()), Degradation.WEIGHT));
            return new FraudScore(outcome.transactionId(), failMode, Label.UNCERTAIN, outcome.score(), reasons,
                    outcome.model(), outcome.featureSet(), null, true);
        }
        PolicyDecision policy = outcome.policy();
        List<FraudScore.Reason> reasons = new ArrayList<>(policy.reasons());
        if (outcome.skipped() != null && reasons.stream().noneMatch(r -> r.code().equals(outcome.skipped().name()))) {
            reasons.add(outcome.skipped().reason());
        }
        return new FraudScore(outcome.transactionId(), policy.decision(), policy.label(), outcome.score(), reasons,
                outcome.model(), outcome.featureSet(), policy.policyVersion(), outcome.skipped() != null);
    }
}
