package dev.fraudscore.featureservice.domain;

import dev.fraudscore.domain.DomainException;

/** The store that keeps the card aggregates cannot serve now; nothing was recorded. */
public final class FeatureStoreUnavailableException extends DomainException {

    private FeatureStoreUnavailableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }

    /** @param store where the store is, in words, e.g. {@code Redis at localhost:6379} */
    public static FeatureStoreUnavailableException unreachable(String store, Throwable cause) {
        return new FeatureStoreUnavailableException("the feature store (" + store + ") is unreachable", cause);
    }

    /** The store answered but refuses work for a while (loading, failing over, out of memory). */
    public static FeatureStoreUnavailableException refusing(String store, String reason, Throwable cause) {
        return new FeatureStoreUnavailableException(
                "the feature store (" + store + ") cannot serve right now: " + reason, cause);
    }
}
