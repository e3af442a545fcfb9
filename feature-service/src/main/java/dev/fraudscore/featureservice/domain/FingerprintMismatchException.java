package dev.fraudscore.featureservice.domain;

import dev.fraudscore.domain.DomainException;

/** The caller's model was trained on another definition of the feature set than the one served here. */
public final class FingerprintMismatchException extends DomainException {

    public FingerprintMismatchException(String setId, String servedFingerprint, String requestedFingerprint) {
        super(Kind.MISMATCH, "feature set " + setId + " has fingerprint " + servedFingerprint
                + " here, but the request expects " + requestedFingerprint
                + "; the model and this feature-service disagree on the features");
    }
}
