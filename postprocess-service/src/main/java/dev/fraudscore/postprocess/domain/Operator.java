package dev.fraudscore.postprocess.domain;

/** How a rule compares a feature value with its own value; written as its symbol, e.g. {@code >=}. */
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

    /** The symbol, as a policy writes it. */
    @Override
    public String toString() {
        return symbol;
    }
}
