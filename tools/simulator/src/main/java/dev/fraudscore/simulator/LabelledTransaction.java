package dev.fraudscore.simulator;

import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.state.FraudLabel;
import dev.fraudscore.features.state.TransactionLabel;
import java.time.Duration;
import java.util.Optional;

/**
 * One simulated transaction: the data-domain transaction the feature code sees, plus what only the
 * simulator knows (the truth label and the pattern that produced it) and where it happened.
 */
public record LabelledTransaction(
        FeatureTransaction transaction,
        String customerId,
        FraudPattern pattern,
        double lat,
        double lon) {

    /**
     * When a simulated fraud is reported, after it happened: the simulator knows labels, not report times, so a
     * replay of a labelled history (the trainer's, the backfill's) reports each fraud this long after it happened.
     */
    public static final Duration REPORT_LAG = Duration.ofDays(1);

    /** The report of this transaction under {@link #REPORT_LAG}: a fraud label, none for a genuine payment. */
    public Optional<TransactionLabel> report() {
        return fraud()
                ? Optional.of(new TransactionLabel(transaction.transactionId(), FraudLabel.FRAUD,
                        transaction.occurredAt().plus(REPORT_LAG)))
                : Optional.empty();
    }

    public boolean fraud() {
        return pattern.isFraud();
    }

    /** 1 for fraud, 0 for a genuine payment. */
    public int label() {
        return fraud() ? 1 : 0;
    }
}
