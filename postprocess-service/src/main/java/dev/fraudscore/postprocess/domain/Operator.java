package dev.fraudscore.postprocess.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a rule compares a feature value with its own value. */
public enum Operator {
    AT_LEAST(">="),
    ABOVE(">"),
    AT_MOST("<="),
    BELOW("<"),
    EQUALS("==");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** NaN never matches: a feature that could not be computed explains nothing. */
    public boolean test(float featureValue, float ruleValue) {
        return switch (this) {
            case AT_LEAST -> featureValue >= ruleValue;
            case ABOVE -> featureValue > ruleValue;
            case AT_MOST -> featureValue <= ruleValue;
            case BELOW -> featureValue < ruleValue;
            case EQUALS -> featureValue == ruleValue;
        };
    }

    public static Optional<Operator> ofSymbol(String symbol) {
        return Arrays.stream(values()).filter(o -> o.symbol.equals(symbol)).findFirst();
    }

    /** ">=, >, <=, <, ==" for error sentences. */
    public static String symbols() {
        return Arrays.stream(values()).map(Operator::symbol).collect(Collectors.joining(", "));
    }
}
