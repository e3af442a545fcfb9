package dev.fraudscore.embedded.ports;

import dev.fraudscore.businessapi.domain.PolicyDecision;
import dev.fraudscore.businessapi.pipeline.DecisionPolicy;
import dev.fraudscore.postprocess.domain.DecideInput;
import dev.fraudscore.postprocess.domain.Decider;
import dev.fraudscore.postprocess.domain.ModelKey;
import dev.fraudscore.postprocess.domain.Verdict;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** {@link DecisionPolicy} by postprocess-service's own decider and policy, in this process. */
public final class InProcessPolicy implements DecisionPolicy {

    private final Decider decider;
    private final Duration timeout;

    public InProcessPolicy(Decider decider, Duration timeout) {
        this.decider = decider;
        this.timeout = timeout;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public CompletableFuture<PolicyDecision> decide(Question question, Duration budget) {
        try {
            ModelKey model = question.model() == null ? ModelKey.NONE
                    : new ModelKey(question.model().name(), question.model().version());
            Verdict verdict = decider.decide(new DecideInput(question.score(), question.unavailable(), model,
                    question.features(), question.modelThresholds()));
            return CompletableFuture.completedFuture(new PolicyDecision(verdict.label(), verdict.decision(),
                    verdict.reasons(), verdict.policyVersion()));
        } catch (RuntimeException e) {
            throw InProcessFailures.of("policy", e);
        }
    }
}
