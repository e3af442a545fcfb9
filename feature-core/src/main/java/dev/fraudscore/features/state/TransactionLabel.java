package dev.fraudscore.features.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A label reported for an earlier transaction. A feature at time {@code t} may use it only when
 * {@code reportedAt} is before {@code t}: the replay applies labels at their report time, and the service records
 * them when they arrive (a report time in the future is refused where they enter).
 */
public record TransactionLabel(String transactionId, FraudLabel label, Instant reportedAt) {

    public TransactionLabel {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }
}
