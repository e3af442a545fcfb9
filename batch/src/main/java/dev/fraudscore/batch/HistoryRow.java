package dev.fraudscore.batch;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.state.FraudLabel;
import dev.fraudscore.features.state.TransactionLabel;
import dev.fraudscore.simulator.LabelledTransaction;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;

/**
 * One row of a labelled history as the backfill ships it between Spark tasks: what a declared state reads of a
 * transaction (id, instant, amount, card, merchant) and when its label was reported ({@link #NOT_REPORTED} for
 * none), nothing more.
 *
 * @param seq the row's position in the input, which orders rows of the same instant as the online replay does
 */
public record HistoryRow(long seq, String transactionId, long millis, long amountMinor, String cardKey,
        String merchantKey, long reportedAtMillis) implements Serializable {

    public static final long NOT_REPORTED = -1;

    /** Input order: time, then position. */
    public static final Comparator<HistoryRow> IN_TIME_ORDER =
            Comparator.comparingLong(HistoryRow::millis).thenComparingLong(HistoryRow::seq);

    /** The row of {@code t}, its fraud reported as the trainer's replay reports it ({@link LabelledTransaction#report}). */
    public static HistoryRow of(long seq, LabelledTransaction t) {
        FeatureTransaction tx = t.transaction();
        long reported = t.report().map(l -> l.reportedAt().toEpochMilli()).orElse(NOT_REPORTED);
        return new HistoryRow(seq, tx.transactionId(), tx.occurredAtMillis(), tx.amountMinor(), tx.cardKey(),
                tx.merchantKey(), reported);
    }

    public boolean reported() {
        return reportedAtMillis != NOT_REPORTED;
    }

    /** The transaction as the state code sees it; the fields no aggregate reads get fixed values. */
    FeatureTransaction transaction() {
        return new FeatureTransaction(transactionId, Instant.ofEpochMilli(millis), amountMinor, cardKey, null,
                merchantKey, null, null, Channel.POS);
    }

    TransactionLabel label() {
        return new TransactionLabel(transactionId, FraudLabel.FRAUD, Instant.ofEpochMilli(reportedAtMillis));
    }
}
