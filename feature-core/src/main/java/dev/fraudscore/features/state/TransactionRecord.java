package dev.fraudscore.features.state;

/**
 * What a store keeps of an observed transaction so that a later label finds its tiles: its card, merchant and
 * instant, and the label once one was recorded (with its report time, epoch millis; {@code label} null until then).
 */
public record TransactionRecord(String cardKey, String merchantKey, long millis, FraudLabel label,
        long reportedAtMillis) {

    public TransactionRecord labelled(FraudLabel newLabel, long reportedAt) {
        return new TransactionRecord(cardKey, merchantKey, millis, newLabel, reportedAt);
    }
}
