package dev.fraudscore.postprocess.domain;

import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Thresholds;
import java.util.List;
import java.util.Objects;

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

    /** The most specific thresholds for a model: name and version, else name, else the default. */
    public Thresholds thresholdsFor(ModelKey model) {
        return overrides.stream().filter(o -> o.matchesExactly(model)).findFirst()
                .or(() -> overrides.stream().filter(o -> o.matchesModel(model)).findFirst())
                .map(ThresholdOverride::thresholds)
                .orElse(defaultThresholds);
    }
}
