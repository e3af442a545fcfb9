package dev.fraudscore.postprocess.domain;

import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Reason;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies a {@link Policy} to one transaction.
 *
 * <p>With a score, the thresholds of the scoring model decide ({@link Policy#thresholdsFor}); the first reason
 * names the score band and the threshold that put the score in it (none for {@code NOT_FRAUD}). Then come the matching rules, in policy order, for every label: rules
 * explain, they never decide, and an approved transaction that tripped a rule is still worth explaining
 * to an analyst. Without a score the label is {@code UNCERTAIN} and the policy's fail mode decides.
 * A score that arrives together with an "unavailable" reason still decides: the score is the stronger fact.
 */
public final class Decider {

    private final Policy policy;

    public Decider(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public Policy policy() {
        return policy;
    }

    public Verdict decide(DecideInput input) {
        List<Reason> reasons = new ArrayList<>();
        if (input.score() == null) {
            reasons.add(input.unavailable().failSafe(policy.failMode()));
            reasons.addAll(ruleReasons(input));
            return new Verdict(Label.UNCERTAIN, policy.failMode(), reasons, policy.version());
        }
        float score = input.score();
        if (!(score >= 0f && score <= 1f)) { // written this way so NaN fails too
            throw new InvalidDecideRequestException(
                    "The score must be a probability between 0 and 1, but was " + score + ".");
        }
        Thresholds thresholds = policy.thresholdsFor(input.model(), input.suggested());
        Label label = thresholds.labelFor(score);
        Reason scoreReason = ReasonCode.forScore(score, thresholds);
        if (scoreReason != null) {
            reasons.add(scoreReason);
        }
        reasons.addAll(ruleReasons(input));
        return new Verdict(label, Decision.forLabel(label), reasons, policy.version());
    }

    private List<Reason> ruleReasons(DecideInput input) {
        List<Reason> reasons = new ArrayList<>();
        for (Rule rule : policy.rules()) {
            rule.explain(input.features()).ifPresent(reasons::add);
        }
        return reasons;
    }
}
