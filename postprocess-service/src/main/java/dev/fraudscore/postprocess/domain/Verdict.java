package dev.fraudscore.postprocess.domain;

import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Reason;
import java.util.List;

/** The outcome of {@link Decider#decide}: label, decision, reasons (most decisive first) and the policy used. */
public record Verdict(Label label, Decision decision, List<Reason> reasons, String policyVersion) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }
}
