package dev.fraudscore.features;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.features.state.FraudLabel;
import dev.fraudscore.features.state.TransactionLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed history of two cards at three merchants over 40 days, with ties, gaps over a day, a night, a weekend,
 * cross-border payments and two fraud labels reported days later: every aggregate of both sets moves.
 */
final class PinnedHistory {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z"); // a Monday

    /** An event of the replay: a transaction, or a label at its report time. */
    record Event(FeatureTransaction tx, TransactionLabel label) {
    }

    private PinnedHistory() {
    }

    static List<Event> events() {
        List<Event> events = new ArrayList<>();
        String[] merchants = {"m-a", "m-b", "m-c"};
        Channel[] channels = Channel.values();
        for (int i = 0; i < 40; i++) {
            // gaps of 0 s (a tie), minutes, hours and over a day, repeating
            long gapSeconds = switch (i % 5) {
                case 0 -> 0;
                case 1 -> 420;
                case 2 -> 5 * 3600 + 17;
                case 3 -> 26 * 3600;
                default -> 19 * 3600 + 3;
            };
            Instant at = (events.isEmpty() ? START : lastInstant(events)).plusSeconds(gapSeconds);
            String card = i % 3 == 0 ? "card-2" : "card-1";
            FeatureTransaction tx = new FeatureTransaction("p-" + i, at, 1_999L + 1_234L * (i % 7), card,
                    "FR", merchants[i % merchants.length], "5411", i % 4 == 0 ? "DE" : "FR", channels[i % channels.length]);
            events.add(new Event(tx, null));
            if (i == 4 || i == 11) {
                events.add(new Event(null, new TransactionLabel(tx.transactionId(), FraudLabel.FRAUD,
                        at.plus(Duration.ofDays(2)))));
            }
        }
        // labels go in at their report time, after the transactions before it
        events.sort((a, b) -> instant(a).compareTo(instant(b)));
        return events;
    }

    private static Instant lastInstant(List<Event> events) {
        return events.stream().filter(e -> e.tx() != null).reduce((a, b) -> b).orElseThrow().tx().occurredAt();
    }

    private static Instant instant(Event e) {
        return e.tx() != null ? e.tx().occurredAt() : e.label().reportedAt();
    }

    /** The vectors of {@code set}, transaction by transaction, from the training-time store. */
    static List<float[]> vectors(FeatureSet set) {
        FeatureStore store = FeatureStores.inMemory(set);
        List<float[]> vectors = new ArrayList<>();
        for (Event e : events()) {
            if (e.tx() != null) {
                vectors.add(store.observe(e.tx()).vector().values());
            } else if (store.countsLabels()) {
                store.recordLabel(e.label());
            }
        }
        return vectors;
    }
}
