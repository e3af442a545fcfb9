package dev.fraudscore.businessapi.domain;

import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Reason;
import java.util.List;

/** What postprocess-service decided under its policy. */
public record PolicyDecision(Label label, Decision decision, List<Reason> reasons, String policyVersion) {

    public PolicyDecision {
        reasons = List.copyOf(reasons);
    }
}
