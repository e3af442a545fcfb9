package dev.fraudscore.postprocess.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.postprocess.domain.Operator;
import dev.fraudscore.postprocess.domain.Policy;
import dev.fraudscore.postprocess.domain.ReasonTemplate;
import dev.fraudscore.postprocess.domain.Rule;
import dev.fraudscore.postprocess.domain.ThresholdOverride;
import dev.fraudscore.postprocess.policy.PolicyConstraints.KnownPlaceholders;
import dev.fraudscore.postprocess.policy.PolicyConstraints.NotReserved;
import dev.fraudscore.postprocess.policy.PolicyConstraints.Probability;
import dev.fraudscore.postprocess.policy.PolicyConstraints.ReviewBelowDecline;
import dev.fraudscore.postprocess.policy.PolicyConstraints.Unique;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * The shape of a policy file, as Jackson binds it; the annotations are its rules. Messages are phrased to
 * follow the path of the value they speak of, e.g. "rules[2] (HIGH_VELOCITY).weight" + " is missing.".
 */
record PolicyFile(
        @NotBlank(message = "is missing; every policy needs one, e.g. \"2026-11-22.1\", so that each answer can "
                + "say which policy decided it.") String version,
        Decision failMode,
        @NotNull(message = MISSING) @Valid ThresholdsSection thresholds,
        @Unique(message = "has the code of an earlier rule; reason codes must be unique.")
        List<@NotNull(message = EMPTY) @Valid RuleEntry> rules) {

    static final String MISSING = "is missing.";
    static final String EMPTY = "is empty.";
    static final Decision DEFAULT_FAIL_MODE = Decision.REVIEW;

    /** Only for a file without problems. */
    Policy toPolicy() {
        ThresholdsSection t = thresholds;
        List<ThresholdOverride> overrides = t.models() == null ? List.of()
                : t.models().stream().map(ModelBand::toOverride).toList();
        return new Policy(version.trim(), failMode == null ? DEFAULT_FAIL_MODE : failMode, t.defaults().toThresholds(),
                overrides, rules == null ? List.of() : rules.stream().map(RuleEntry::toRule).toList());
    }

    record ThresholdsSection(
            @JsonProperty("default") @NotNull(message = MISSING) @Valid Band defaults,
            @Unique(message = "repeats an earlier entry for the same model and version; keep one.")
            List<@NotNull(message = EMPTY) @Valid ModelBand> models) {
    }

    /** Review and decline thresholds, whichever section holds them. */
    @ReviewBelowDecline
    interface Bands {
        Float review();

        Float decline();

        default Thresholds toThresholds() {
            return new Thresholds(review(), decline());
        }
    }

    record Band(@NotNull(message = MISSING) @Probability Float review,
                @NotNull(message = MISSING) @Probability Float decline) implements Bands {
    }

    record ModelBand(@NotBlank(message = MISSING) String model, String version,
                     @NotNull(message = MISSING) @Probability Float review,
                     @NotNull(message = MISSING) @Probability Float decline) implements Bands, Unique.Keyed {

        @Override
        public Object uniqueKey() {
            return model == null ? null : List.of(model.trim(), version == null ? "" : version.trim());
        }

        ThresholdOverride toOverride() {
            return new ThresholdOverride(model.trim(), version == null ? "" : version.trim(), toThresholds());
        }
    }

    record RuleEntry(
            @NotBlank(message = MISSING)
            @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be upper-case letters, digits and underscores, "
                    + "e.g. HIGH_VELOCITY.")
            @NotReserved String code,
            @NotBlank(message = MISSING) String feature,
            @NotNull(message = MISSING) Operator operator,
            @NotNull(message = MISSING) Float value,
            @NotBlank(message = MISSING) @KnownPlaceholders String text,
            @NotNull(message = MISSING) @Probability Float weight) implements Unique.Keyed {

        @Override
        public Object uniqueKey() {
            return code;
        }

        Rule toRule() {
            return new Rule(code, feature.trim(), operator, value, ReasonTemplate.of(text), weight);
        }
    }
}
