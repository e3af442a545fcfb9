package dev.fraudscore.businessapi.domain;

import dev.fraudscore.domain.DomainException;

/** The caller used a transaction id before for a different transaction (409); nothing was recorded. */
public final class TransactionIdReusedException extends DomainException {

    public TransactionIdReusedException(String transactionId) {
        super(Kind.MISMATCH, "transactionId " + transactionId + " was already used for a different transaction; use a new id");
    }
}
