package dev.fraudscore.businessapi.pipeline;

import dev.fraudscore.features.state.TransactionLabel;
import java.time.Duration;

/**
 * Port: where late labels go (feature-service's label store). Recording is idempotent: the same label again is
 * accepted the same way and counts once, so a retry is safe.
 */
public interface LabelSink {

    /** The call's own timeout. */
    Duration timeout();

    /** @throws StepFailure when the store could not be asked or did not answer */
    Receipt record(TransactionLabel label, Duration budget);

    /** What the store did with a label. */
    enum Verdict {
        /** recorded now, or the same label was recorded already */
        ACCEPTED,
        /** no transaction with that id was scored within the label horizon */
        UNKNOWN_TRANSACTION,
        /** the transaction already carries the other label */
        CONFLICT
    }

    /** @param sentence the store's own sentence when it refused, for the caller; empty when accepted */
    record Receipt(Verdict verdict, String sentence) {

        public static final Receipt ACCEPTED = new Receipt(Verdict.ACCEPTED, "");
    }
}
