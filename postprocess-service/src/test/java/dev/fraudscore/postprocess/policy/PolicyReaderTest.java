package dev.fraudscore.postprocess.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.postprocess.domain.ModelKey;
import dev.fraudscore.postprocess.domain.Operator;
import dev.fraudscore.postprocess.domain.Policy;
import dev.fraudscore.postprocess.domain.Rule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyReaderTest {

    private static final String VALID = """
            version: "2026-11-22.1"
            failMode: DECLINE
            thresholds:
              default: { review: 0.4, decline: 0.8 }
              models:
                - { model: fraud-mlp, review: 0.3, decline: 0.7 }
                - { model: fraud-mlp, version: 3, review: 0.6, decline: 0.9 }
            rules:
              - code: HIGH_VELOCITY
                feature: card_tx_count_1h
                operator: ">="
                value: 5
                text: "The card made {value} payments in the last hour"
                weight: 0.6
            """;

    private static final String SECOND_RULE = """
              - code: HIGH_DAILY_VELOCITY
                feature: card_tx_count_24h
                operator: ">="
                value: 15
                text: "Busy day"
                weight: 0.4
            """;

    private final PolicyReader reader = new PolicyReader();

    private List<String> problemsOf(String yaml) {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class, () -> reader.read(yaml, "test.yaml"));
        assertThat(e).as("policy should be refused").isNotNull();
        return e.problems();
    }

    @Test
    void readsEveryPartOfAValidPolicy() {
        Policy policy = reader.read(VALID, "test.yaml");

        assertThat(policy.version()).isEqualTo("2026-11-22.1");
        assertThat(policy.failMode()).isEqualTo(Decision.DECLINE);
        assertThat(policy.defaultThresholds()).isEqualTo(new Thresholds(0.4f, 0.8f));
        assertThat(policy.thresholdsFor(new ModelKey("fraud-mlp", "3"), null)).isEqualTo(new Thresholds(0.6f, 0.9f));
        assertThat(policy.thresholdsFor(new ModelKey("fraud-mlp", "4"), null)).isEqualTo(new Thresholds(0.3f, 0.7f));
        Rule rule = policy.rules().get(0);
        assertThat(rule.code()).isEqualTo("HIGH_VELOCITY");
        assertThat(rule.feature()).isEqualTo("card_tx_count_1h");
        assertThat(rule.operator()).isEqualTo(Operator.AT_LEAST);
        assertThat(rule.value()).isEqualTo(5f);
        assertThat(rule.weight()).isEqualTo(0.6f);
        assertThat(rule.explain(Map.of("card_tx_count_1h", 6f)).orElseThrow().text())
                .isEqualTo("The card made 6 payments in the last hour");
    }

    @Test
    void theFailModeDefaultsToReviewAndRulesAreOptional() {
        Policy policy = reader.read("""
                version: v1
                thresholds: { default: { review: 0.5, decline: 0.85 } }
                """, "test.yaml");

        assertThat(policy.failMode()).isEqualTo(Decision.REVIEW);
        assertThat(policy.rules()).isEmpty();
        assertThat(policy.overrides()).isEmpty();
    }

    @Test
    void anUnquotedDateOrNumberIsReadAsTheVersionText() {
        assertThat(reader.read(VALID.replace("\"2026-11-22.1\"", "2026-11-22"), "test.yaml").version())
                .isEqualTo("2026-11-22");
        assertThat(reader.read(VALID.replace("\"2026-11-22.1\"", "7"), "test.yaml").version()).isEqualTo("7");
    }

    @Test
    void aFailModeMayBeWrittenInLowerCase() {
        assertThat(reader.read(VALID.replace("failMode: DECLINE", "failMode: approve"), "test.yaml").failMode())
                .isEqualTo(Decision.APPROVE);
    }

    @Test
    void aMissingVersionIsRefused() {
        assertThat(problemsOf(VALID.replace("version: \"2026-11-22.1\"\n", ""))).containsExactly(
                "version is missing; every policy needs one, e.g. \"2026-11-22.1\", so that each answer can say "
                        + "which policy decided it.");
    }

    @Test
    void anUnknownFailModeIsRefused() {
        assertThat(problemsOf(VALID.replace("failMode: DECLINE", "failMode: MAYBE")))
                .containsExactly("failMode must be one of APPROVE, REVIEW, DECLINE, but was 'MAYBE'.");
        assertThat(problemsOf(VALID.replace("failMode: DECLINE", "failMode: 1")))
                .containsExactly("failMode must be one of APPROVE, REVIEW, DECLINE, but was '1'.");
    }

    @Test
    void reviewMustBeBelowDecline() {
        assertThat(problemsOf(VALID.replace("{ review: 0.4, decline: 0.8 }", "{ review: 0.8, decline: 0.8 }")))
                .containsExactly("thresholds.default must have review below decline, but review is 0.8 and decline 0.8.");
    }

    @Test
    void thresholdsMustLieBetweenZeroAndOne() {
        assertThat(problemsOf(VALID.replace("review: 0.6, decline: 0.9", "review: 0.6, decline: 1.2")))
                .containsExactly("thresholds.models[1] (fraud-mlp version 3).decline must lie in [0, 1], but was 1.2.");
    }

    @Test
    void missingThresholdsAreRefused() {
        assertThat(problemsOf(VALID.replace("default: { review: 0.4, decline: 0.8 }", "default: { review: 0.4 }")))
                .containsExactly("thresholds.default.decline is missing.");
        assertThat(problemsOf("version: v1\n")).containsExactly("thresholds is missing.");
    }

    @Test
    void aModelMayHaveOnlyOneEntryPerVersion() {
        String twice = VALID.replace("- { model: fraud-mlp, version: 3,", "- { model: fraud-mlp,");

        assertThat(problemsOf(twice)).containsExactly(
                "thresholds.models[1] (fraud-mlp) repeats an earlier entry for the same model and version; keep one.");
    }

    @Test
    void anUnknownOperatorIsRefused() {
        assertThat(problemsOf(VALID.replace("\">=\"", "\"=>\""))).containsExactly(
                "rules[0] (HIGH_VELOCITY).operator must be one of >=, >, <=, <, ==, but was '=>'.");
    }

    @Test
    void anUnquotedOperatorIsAYamlErrorWithLineColumnAndAHint() {
        List<String> problems = problemsOf(VALID.replace("\">=\"", ">="));

        assertThat(problems).singleElement().asString()
                .startsWith("it is not valid YAML: ")
                .contains("(line 11, column 16)")
                .endsWith("Operators such as \">=\" must be written in quotes.");
    }

    @Test
    void reasonCodesMustBeUnique() {
        String twice = VALID + SECOND_RULE.replace("HIGH_DAILY_VELOCITY", "HIGH_VELOCITY");

        assertThat(problemsOf(twice)).containsExactly(
                "rules[1] (HIGH_VELOCITY) has the code of an earlier rule; reason codes must be unique.");
    }

    @Test
    void theServicesOwnReasonCodesAreReserved() {
        assertThat(problemsOf(VALID.replace("code: HIGH_VELOCITY", "code: MODEL_UNAVAILABLE"))).containsExactly(
                "rules[0] (MODEL_UNAVAILABLE).code is reserved for the reasons the service writes itself "
                        + "(MODEL_SCORE_HIGH, MODEL_SCORE_ELEVATED, FEATURES_UNAVAILABLE, MODEL_UNAVAILABLE, "
                        + "POSTPROCESS_UNAVAILABLE, SCORE_MISSING).");
    }

    @Test
    void codesAreUpperSnakeCase() {
        assertThat(problemsOf(VALID.replace("code: HIGH_VELOCITY", "code: high velocity"))).containsExactly(
                "rules[0] (high velocity).code must be upper-case letters, digits and underscores, e.g. HIGH_VELOCITY.");
    }

    @Test
    void aTextMayOnlyUseKnownPlaceholders() {
        assertThat(problemsOf(VALID.replace("{value} payments", "{count} payments"))).containsExactly(
                "rules[0] (HIGH_VELOCITY).text uses {count}, but only {value} (the feature value) and {threshold} "
                        + "(the rule's value) can be filled in.");
    }

    @Test
    void weightsLieBetweenZeroAndOneAndValuesAreNumbers() {
        String bad = VALID.replace("weight: 0.6", "weight: 2").replace("value: 5", "value: five");

        assertThat(problemsOf(bad)).containsExactly(
                "rules[0] (HIGH_VELOCITY).value must be a number, but was 'five'.",
                "rules[0] (HIGH_VELOCITY).weight must lie in [0, 1], but was 2.0.");
    }

    @Test
    void aRuleWithoutFieldsNamesEachMissingOne() {
        assertThat(problemsOf(VALID.replace("""
                  - code: HIGH_VELOCITY
                    feature: card_tx_count_1h
                """, "  - code: HIGH_VELOCITY\n").replace("    weight: 0.6\n", ""))).containsExactly(
                "rules[0] (HIGH_VELOCITY).feature is missing.",
                "rules[0] (HIGH_VELOCITY).weight is missing.");
    }

    @Test
    void valuesOfTheWrongShapeAreNamed() {
        assertThat(problemsOf(VALID.replace("{ review: 0.4, decline: 0.8 }", "[0.4, 0.8]")
                .replace("value: 5", "value: [5]") + "  - 7\n")).containsExactly(
                "thresholds.default must be a mapping of keys to values, but was a list.",
                "rules[0] (HIGH_VELOCITY).value must be a number, but was a list.",
                "rules[1] must be a mapping of keys to values, but was '7'.");
        assertThat(problemsOf(VALID.replace("rules:", "rules: 3\nunused:"))).contains(
                "rules must be a list, but was '3'.");
    }

    @Test
    void misspeltKeysAreRefusedRatherThanIgnored() {
        assertThat(problemsOf(VALID.replace("failMode:", "failmode:"))).containsExactly(
                "failmode is not a known key; the keys here are version, failMode, thresholds, rules.");
        assertThat(problemsOf(VALID.replace("weight: 0.6", "weight: 0.6\n    wieght: 0.6"))).containsExactly(
                "rules[0] (HIGH_VELOCITY).wieght is not a known key; the keys here are code, feature, operator, "
                        + "value, text, weight.");
        assertThat(problemsOf(VALID.replace("default:", "defaults:"))).containsExactly(
                "thresholds.defaults is not a known key; the keys here are default, models.",
                "thresholds.default is missing.");
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrderAndTheMessageNamesTheSource() {
        String bad = VALID.replace("failMode: DECLINE", "failMode: MAYBE").replace("\">=\"", "\"=>\"")
                .replace("review: 0.3, decline: 0.7", "review: 0.3, decline: 0.2") + SECOND_RULE.replace("    value: 15\n", "");

        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class, () -> reader.read(bad, "/etc/p.yaml"));

        assertThat(e.problems()).containsExactly(
                "failMode must be one of APPROVE, REVIEW, DECLINE, but was 'MAYBE'.",
                "thresholds.models[0] (fraud-mlp) must have review below decline, but review is 0.3 and decline 0.2.",
                "rules[0] (HIGH_VELOCITY).operator must be one of >=, >, <=, <, ==, but was '=>'.",
                "rules[1] (HIGH_DAILY_VELOCITY).value is missing.");
        assertThat(e.getMessage()).startsWith("The policy /etc/p.yaml is invalid: failMode must be one of");
    }

    @Test
    void duplicateKeysAndEmptyFilesAreRefused() {
        assertThat(problemsOf("version: a\nversion: b\n")).singleElement().asString()
                .startsWith("it is not valid YAML: Duplicate Object property \"version\"").contains("(line 2,");
        assertThat(problemsOf("")).containsExactly("it is empty.");
        assertThat(problemsOf("# nothing but a comment\n")).containsExactly("it is empty.");
        assertThat(problemsOf("- a\n- b\n")).containsExactly(
                "its top level must be a mapping of keys to values, with the keys version, failMode, thresholds and rules.");
    }
}
