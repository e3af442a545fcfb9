package dev.fraudscore.postprocess.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a {@link Policy} to one transaction.
 *
 * <p>With a score, the thresholds of the scoring model decide; the first reason names the score band
 * (none for {@code NOT_FRAUD}). Then come the matching rules, in policy order, for every label: rules
 * explain, they never decide, and an approved transaction that tripped a rule is still worth explaining
 * to an analyst. Without a score the label is {@code UNCERTAIN} and the policy's fail mode decides.
 * A score that arrives together with an "unavailable" reason still decides: the score is the stronger fact.
 */
public final class Decider {

    static final String MODEL_SCORE_HIGH = "MODEL_SCORE_HIGH";
    static final String MODEL_SCORE_ELEVATED = "MODEL_SCORE_ELEVATED";
    static final String FEATURES_UNAVAILABLE = "FEATURES_UNAVAILABLE";
    static final String MODEL_UNAVAILABLE = "MODEL_UNAVAILABLE";
    static final String SCORE_MISSING = "SCORE_MISSING";
    /** Codes the service writes itself; a policy rule may not take them. */
    static final List<String> RESERVED_CODES =
            List.of(MODEL_SCORE_HIGH, MODEL_SCORE_ELEVATED, FEATURES_UNAVAILABLE, MODEL_UNAVAILABLE, SCORE_MISSING);

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
            reasons.add(unavailableReason(input.unavailable()));
            reasons.addAll(ruleReasons(input));
            return new Verdict(Label.UNCERTAIN, policy.failMode(), reasons, policy.version());
        }
        float score = input.score();
        if (!(score >= 0f && score <= 1f)) { // written this way so NaN fails too
            throw new InvalidDecideRequestException(
                    "The score must be a probability between 0 and 1, but was " + score + ".");
        }
        Thresholds thresholds = policy.thresholdsFor(input.model());
        Label label = thresholds.labelFor(score);
        scoreReason(label, score, thresholds).ifPresent(reasons::add);
        reasons.addAll(ruleReasons(input));
        return new Verdict(label, decisionFor(label), reasons, policy.version());
    }

    private static Decision decisionFor(Label label) {
        return switch (label) {
            case NOT_FRAUD -> Decision.APPROVE;
            case SUSPICIOUS -> Decision.REVIEW;
            case HIGHLY_SUSPICIOUS -> Decision.DECLINE;
            case UNCERTAIN -> throw new IllegalArgumentException("UNCERTAIN is decided by the fail mode");
        };
    }

    private static Optional<Reason> scoreReason(Label label, float score, Thresholds thresholds) {
        String scored = "The model scored this transaction " + Numbers.probability(score);
        return switch (label) {
            case HIGHLY_SUSPICIOUS -> Optional.of(new Reason(MODEL_SCORE_HIGH,
                    scored + ", at or above the decline threshold " + Numbers.probability(thresholds.decline()),
                    score));
            case SUSPICIOUS -> Optional.of(new Reason(MODEL_SCORE_ELEVATED,
                    scored + ", at or above the review threshold " + Numbers.probability(thresholds.review()),
                    score));
            default -> Optional.empty();
        };
    }

    private Reason unavailableReason(Unavailability unavailable) {
        String follows = "; the decision follows the fail mode " + policy.failMode();
        return switch (unavailable) {
            case FEATURES_UNAVAILABLE -> new Reason(FEATURES_UNAVAILABLE,
                    "Features could not be computed in time" + follows, 1f);
            case MODEL_UNAVAILABLE -> new Reason(MODEL_UNAVAILABLE,
                    "The model could not score this transaction in time" + follows, 1f);
            case NOT_STATED -> new Reason(SCORE_MISSING,
                    "No model score was given for this transaction" + follows, 1f);
        };
    }

    private List<Reason> ruleReasons(DecideInput input) {
        List<Reason> reasons = new ArrayList<>();
        for (Rule rule : policy.rules()) {
            rule.explain(input.features()).ifPresent(reasons::add);
        }
        return reasons;
    }
}
