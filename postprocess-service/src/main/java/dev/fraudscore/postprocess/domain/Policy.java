package dev.fraudscore.postprocess.domain;

import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Thresholds;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned decision policy: thresholds (a default plus per-model and per-model-version overrides),
 * the decision to take when there is no score, and ordered explanatory rules. Read and checked by
 * {@code policy.PolicyReader}.
 */
public record Policy(String version, Decision failMode, Thresholds defaultThresholds,
                     List<ThresholdOverride> overrides, List<Rule> rules) {

    public Policy {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(failMode, "failMode");
        Objects.requireNonNull(defaultThresholds, "defaultThresholds");
        overrides = List.copyOf(overrides);
        rules = List.copyOf(rules);
    }

    /**
     * The thresholds that decide for a model, in this order: a policy entry for this exact model and version;
     * else the model version's own suggested thresholds (from its manifest), when it has some; else a policy
     * entry for the model, any version; else the policy default. A version entry is a deliberate choice about
     * that very model, so it beats the trainer's suggestion; a model-wide entry was written without knowing
     * the version, so the version's own suggestion beats it.
     *
     * @param suggested the scoring model version's suggested thresholds, or {@code null} when it has none
     */
    public Thresholds thresholdsFor(ModelKey model, Thresholds suggested) {
        return overrides.stream().filter(o -> o.matchesExactly(model)).findFirst().map(ThresholdOverride::thresholds)
                .or(() -> Optional.ofNullable(suggested))
                .or(() -> overrides.stream().filter(o -> o.matchesModel(model)).findFirst()
                        .map(ThresholdOverride::thresholds))
                .orElse(defaultThresholds);
    }
}
