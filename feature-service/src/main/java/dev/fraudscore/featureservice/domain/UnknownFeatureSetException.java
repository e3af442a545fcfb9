package dev.fraudscore.featureservice.domain;

import java.util.List;

/** The caller asked for a feature set this deployment does not serve. */
public final class UnknownFeatureSetException extends RuntimeException {

    public UnknownFeatureSetException(String requestedId, List<String> servedIds) {
        super("feature set " + requestedId + " is not served here; served: " + String.join(", ", servedIds),
                null, false, false);
    }
}
