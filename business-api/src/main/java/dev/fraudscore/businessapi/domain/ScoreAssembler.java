package dev.fraudscore.businessapi.domain;

import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Reason;
import dev.fraudscore.domain.ReasonCode;
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

    public FraudScore assemble(PipelineOutcome outcome) {
        if (outcome.policy() == null) {
            List<Reason> reasons = new ArrayList<>();
            if (outcome.skipped() != null) {
                reasons.add(outcome.skipped().failSafe(failMode));
            }
            reasons.add(ReasonCode.POSTPROCESS_UNAVAILABLE.failSafe(failMode));
            return new FraudScore(outcome.transactionId(), failMode, Label.UNCERTAIN, outcome.score(), reasons,
                    outcome.model(), outcome.featureSet(), null, true);
        }
        PolicyDecision policy = outcome.policy();
        List<Reason> reasons = new ArrayList<>(policy.reasons());
        if (outcome.skipped() != null && reasons.stream().noneMatch(r -> r.code().equals(outcome.skipped().name()))) {
            reasons.add(outcome.skipped().failSafe(policy.decision()));
        }
        return new FraudScore(outcome.transactionId(), policy.decision(), policy.label(), outcome.score(), reasons,
                outcome.model(), outcome.featureSet(), policy.policyVersion(), outcome.skipped() != null);
    }
}
