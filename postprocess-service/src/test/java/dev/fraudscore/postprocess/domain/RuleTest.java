package dev.fraudscore.postprocess.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleTest {

    @ParameterizedTest(name = "{1} {0} {2} -> {3}")
    @CsvSource({
            ">=, 5, 5, true", ">=, 4.99, 5, false",
            ">,  5, 5, false", ">, 5.01, 5, true",
            "<=, 5, 5, true", "<=, 5.01, 5, false",
            "<,  5, 5, false", "<, 4.99, 5, true",
            "==, 1, 1, true", "==, 0, 1, false",
            ">=, NaN, 5, false", "<=, NaN, 5, false"})
    void operatorsCompareTheFeatureWithTheRuleValue(String symbol, float feature, float value, boolean matches) {
        Rule rule = new Rule("R", "f", operator(symbol), value, ReasonTemplate.of("t"), 1f);

        assertThat(rule.explain(Map.of("f", feature)).isPresent()).isEqualTo(matches);
    }

    @Test
    void aValueWrittenInTheYamlMatchesTheSameFloatFeature() {
        // the log1p feature arrives as float32; 4.1 must match a feature of exactly 4.1f
        Rule rule = new Rule("R", "f", Operator.AT_MOST, 4.1f, ReasonTemplate.of("t"), 1f);

        assertThat(rule.explain(Map.of("f", 4.1f))).isPresent();
    }

    @Test
    void theTextShowsTheFeatureValueAndTheRuleValueWithoutFloatNoise() {
        Rule rule = new Rule("AMOUNT_SPIKE", "ratio", Operator.AT_LEAST, 5f,
                ReasonTemplate.of("The amount is {value} times the average (rule: {threshold} or more)"), 0.5f);

        assertThat(rule.explain(Map.of("ratio", 7.2345f)).orElseThrow().text())
                .isEqualTo("The amount is 7.23 times the average (rule: 5 or more)");
    }

    @Test
    void anAbsentFeatureExplainsNothing() {
        Rule rule = new Rule("R", "f", Operator.AT_LEAST, 0f, ReasonTemplate.of("t"), 1f);

        assertThat(rule.explain(Map.of("other", 3f))).isEmpty();
    }

    private static Operator operator(String symbol) {
        return Arrays.stream(Operator.values()).filter(o -> o.toString().equals(symbol)).findFirst().orElseThrow();
    }
}
