package dev.fraudscore.predictservice.domain;

import dev.fraudscore.domain.DomainException;

/** A request that cannot be scored, with a sentence the caller can act on; the kind decides the status. */
public final class PredictionException extends DomainException {

    private PredictionException(Kind kind, String sentence) {
        super(kind, sentence);
    }

    /** Nothing can serve it now: still loading, nothing in the repository, or every version failed. */
    public static PredictionException unavailable(String sentence) {
        return new PredictionException(Kind.UNAVAILABLE, sentence);
    }

    /** The rows were computed by another feature set than the model was trained on. */
    public static PredictionException mismatch(String sentence) {
        return new PredictionException(Kind.MISMATCH, sentence);
    }

    /** The request itself is malformed: no rows, too many, wrong width, non-finite values. */
    public static PredictionException invalid(String sentence) {
        return new PredictionException(Kind.INVALID, sentence);
    }

    /** It names a model or a version that is not served. */
    public static PredictionException notFound(String sentence) {
        return new PredictionException(Kind.NOT_FOUND, sentence);
    }
}
