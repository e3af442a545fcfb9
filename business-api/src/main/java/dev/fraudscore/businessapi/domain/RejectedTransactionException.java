package dev.fraudscore.businessapi.domain;

/**
 * A downstream service refused the transaction for a reason that is the caller's to fix: a retry with
 * the same body would be refused again, so the caller gets an error instead of a degraded answer.
 */
public final class RejectedTransactionException extends RuntimeException {

    /** What kind of refusal, which decides the HTTP status. */
    public enum Kind {
        /** the transaction is invalid (400) */
        INVALID,
        /** the transaction id was used before for a different transaction (409) */
        ID_REUSED
    }

    private final Kind kind;

    private RejectedTransactionException(Kind kind, String sentence) {
        super(sentence);
        this.kind = kind;
    }

    public static RejectedTransactionException invalid(String sentence) {
        return new RejectedTransactionException(Kind.INVALID, sentence);
    }

    public static RejectedTransactionException idReused(String transactionId) {
        return new RejectedTransactionException(Kind.ID_REUSED, "transactionId " + transactionId
                + " was already used for a different transaction; use a new id");
    }

    public Kind kind() {
        return kind;
    }
}
