package dev.fraudscore.domain;

/** What the caller should do with the payment; also the fail mode used when no score decides. */
public enum Decision {
    APPROVE, REVIEW, DECLINE;

    /** The decision a scored label leads to. */
    public static Decision forLabel(Label label) {
        return switch (label) {
            case NOT_FRAUD -> APPROVE;
            case SUSPICIOUS -> REVIEW;
            case HIGHLY_SUSPICIOUS -> DECLINE;
            case UNCERTAIN -> throw new IllegalArgumentException("UNCERTAIN is decided by the fail mode, not by a score");
        };
    }
}
