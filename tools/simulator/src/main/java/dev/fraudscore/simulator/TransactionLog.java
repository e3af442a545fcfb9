package dev.fraudscore.simulator;

import dev.fraudscore.features.FeatureTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the transactions of a run as they are drawn (card by card, not in time order), drops those
 * that fall outside the simulated period, and finally sorts them and gives them ids.
 */
final class TransactionLog {

    /** A transaction before it has an id; {@code seq} keeps the order of equal instants reproducible. */
    record Draft(long millis, long seq, CardProfile card, Merchant merchant, long amountMinor,
            FraudPattern pattern, double lat, double lon) {
    }

    private final long startMillis;
    private final long endMillis;
    private final List<Draft> drafts = new ArrayList<>();

    TransactionLog(Instant start, Instant end) {
        this.startMillis = start.toEpochMilli();
        this.endMillis = end.toEpochMilli();
    }

    long startMillis() {
        return startMillis;
    }

    /** A payment at a shop or ATM: it happens where the merchant is. */
    void addPresent(CardProfile card, long millis, Merchant merchant, long amountMinor, FraudPattern pattern) {
        add(card, millis, merchant, amountMinor, pattern, merchant.lat(), merchant.lon());
    }

    /** A payment at an online merchant, made from wherever the payer is. */
    void add(CardProfile card, long millis, Merchant merchant, long amountMinor, FraudPattern pattern,
            double lat, double lon) {
        if (millis < startMillis || millis >= endMillis) {
            return;
        }
        long amount = Math.max(1, amountMinor);
        drafts.add(new Draft(millis, drafts.size(), card, merchant, amount, pattern, lat, lon));
    }

    List<Draft> drafts() {
        return Collections.unmodifiableList(drafts);
    }

    List<LabelledTransaction> sorted(String idPrefix) {
        List<Draft> ordered = new ArrayList<>(drafts);
        ordered.sort(Comparator.comparingLong(Draft::millis).thenComparingLong(Draft::seq));
        List<LabelledTransaction> out = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            Draft d = ordered.get(i);
            FeatureTransaction tx = new FeatureTransaction(String.format("%s-%08d", idPrefix, i),
                    Instant.ofEpochMilli(d.millis()), d.amountMinor(), d.card().cardKey(), d.card().home().code(),
                    d.merchant().key(), d.merchant().categoryCode(), d.merchant().country(), d.merchant().channel());
            out.add(new LabelledTransaction(tx, d.card().customerId(), d.pattern(), round(d.lat()), round(d.lon())));
        }
        return out;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 10_000) / 10_000.0;
    }
}
