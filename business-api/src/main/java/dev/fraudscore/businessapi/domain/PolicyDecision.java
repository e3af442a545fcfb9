package dev.fraudscore.businessapi.domain;

import java.util.List;

/** What postprocess-service decided under its policy. */
public record PolicyDecision(Label label, Decision decision, List<FraudScore.Reason> reasons, String policyVersion) {

    public PolicyDecision {
        reasons = List.copyOf(reasons);
    }
}
