package dev.fraudscore.businessapi.domain;

/** A part of the pipeline that was skipped; its name is the reason code the caller sees. */
public enum Degradation {
    FEATURES_UNAVAILABLE("The transaction's features could not be computed in time, so the fraud model did not score it."),
    MODEL_UNAVAILABLE("The fraud model could not score the transaction in time, so no score is available."),
    POSTPROCESS_UNAVAILABLE("The decision policy could not be applied in time, so the configured fail-safe decision was used.");

    /** Degradation reasons carry full weight: they, not the model, decided the answer. */
    public static final double WEIGHT = 1.0;

    private final String sentence;

    Degradation(String sentence) {
        this.sentence = sentence;
    }

    public String sentence() {
        return sentence;
    }

    public FraudScore.Reason reason() {
        return new FraudScore.Reason(name(), sentence, WEIGHT);
    }
}
