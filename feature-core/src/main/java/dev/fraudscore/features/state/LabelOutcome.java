package dev.fraudscore.features.state;

/** What recording a label did. */
public enum LabelOutcome {
    /** First label of the transaction: counted. */
    RECORDED,
    /** The same label again: nothing moved, the same success as the first. */
    REPEATED,
    /** The transaction already has the other label: nothing moved. */
    CONFLICT,
    /**
     * No such transaction, or reported more than the label horizon after it (too old to move anything), or dated
     * before the UTC day of the transaction (a label does not come before its payment; Redis looks no further).
     */
    UNKNOWN_TRANSACTION
}
