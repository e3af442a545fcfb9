package dev.fraudscore.postprocess.config;

import dev.fraudscore.postprocess.policy.InvalidPolicyException;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad policy at startup into a short report of its problems instead of a stack trace. */
public class InvalidPolicyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPolicyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidPolicyException cause) {
        String description = "The policy " + cause.source() + " is invalid:"
                + cause.problems().stream().map(p -> System.lineSeparator() + "  - " + p).collect(Collectors.joining());
        String action = "Fix the policy, or point fraudscore.postprocess.policy at a valid one "
                + "(the bundled default is " + PostprocessProperties.DEFAULT_POLICY + ").";
        return new FailureAnalysis(description, action, cause);
    }
}
