package dev.fraudscore.featureservice.domain;

import dev.fraudscore.domain.DomainException;
import java.util.List;

/** The caller asked for a feature set this deployment does not serve. */
public final class UnknownFeatureSetException extends DomainException {

    public UnknownFeatureSetException(String requestedId, List<String> servedIds) {
        super(Kind.NOT_FOUND, "feature set " + requestedId + " is not served here; served: " + String.join(", ", servedIds));
    }
}
