package dev.fraudscore.predictservice.domain;

/**
 * A request that cannot be scored, with the reason as a sentence the caller can act on. Expected and
 * frequent under bad input, so it carries no stack trace.
 */
public final class PredictionException extends RuntimeException {

    /** Why a request was refused; the gRPC layer maps each kind to one status code. */
    public enum Kind {
        /** No model is ready: still loading, none in the repository, or it failed to load. */
        MODEL_UNAVAILABLE,
        /** The rows were computed by a feature set other than the one the model was trained on. */
        FEATURE_SET_MISMATCH,
        /** The request itself is malformed: no rows, too many, wrong width, non-finite values. */
        INVALID_REQUEST
    }

    private final Kind kind;

    public PredictionException(Kind kind, String sentence) {
        super(sentence, null, false, false);
        this.kind = kind;
    }

    public static PredictionException unavailable(String sentence) {
        return new PredictionException(Kind.MODEL_UNAVAILABLE, sentence);
    }

    public static PredictionException mismatch(String sentence) {
        return new PredictionException(Kind.FEATURE_SET_MISMATCH, sentence);
    }

    public static PredictionException invalid(String sentence) {
        return new PredictionException(Kind.INVALID_REQUEST, sentence);
    }

    public Kind kind() {
        return kind;
    }
}
