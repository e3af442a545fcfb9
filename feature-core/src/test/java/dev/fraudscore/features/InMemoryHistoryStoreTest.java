package dev.fraudscore.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryHistoryStoreTest {

    private final InMemoryHistoryStore store = new InMemoryHistoryStore();

    @Test
    void historyIsWhatCameBeforeThenTheTransactionIsRecorded() {
        assertThat(store.observe(tx("a", "2026-01-01T10:00:00Z", 1_000, "m-1")).history()).isEqualTo(CardHistory.EMPTY);

        CardHistory second = store.observe(tx("b", "2026-01-01T10:30:00Z", 2_000, "m-1")).history();

        assertThat(second).isEqualTo(new CardHistory(1, 1, 1_000, Instant.parse("2026-01-01T10:00:00Z").toEpochMilli(), true));
    }

    @Test
    void windowsSlideByEventTime() {
        store.observe(tx("a", "2026-01-01T08:00:00Z", 1_000, "m-1"));
        store.observe(tx("b", "2026-01-01T09:30:00Z", 2_000, "m-2"));

        CardHistory later = store.observe(tx("c", "2026-01-01T10:00:01Z", 500, "m-3")).history();
        assertThat(later.txCount1h()).isEqualTo(1);
        assertThat(later.txCount24h()).isEqualTo(2);
        assertThat(later.amountSum24hMinor()).isEqualTo(3_000);
        assertThat(later.merchantSeen()).isFalse();

        CardHistory nextDay = store.observe(tx("d", "2026-01-02T09:45:00Z", 500, "m-1")).history();
        assertThat(nextDay.txCount24h()).as("08:00 and 09:30 of the day before fell out of the 24 h window").isEqualTo(1);
        assertThat(nextDay.amountSum24hMinor()).isEqualTo(500);
        assertThat(nextDay.merchantSeen()).as("merchants are remembered longer than the window").isTrue();
    }

    @Test
    void aReplayedTransactionGetsItsFirstHistoryAndCountsOnce() {
        store.observe(tx("a", "2026-01-01T10:00:00Z", 1_000, "m-1"));
        HistoryStore.Observation first = store.observe(tx("b", "2026-01-01T10:01:00Z", 1_000, "m-1"));

        HistoryStore.Observation again = store.observe(tx("b", "2026-01-01T10:01:00Z", 1_000, "m-1"));

        assertThat(again.replayed()).isTrue();
        assertThat(again.history()).isEqualTo(first.history());
        assertThat(store.observe(tx("c", "2026-01-01T10:02:00Z", 1_000, "m-1")).history().txCount1h()).isEqualTo(2);
    }

    private static FeatureTransaction tx(String id, String at, long amountMinor, String merchant) {
        return new FeatureTransaction(id, Instant.parse(at), amountMinor, "card-1", "FR", merchant, "5411", "FR",
                Channel.POS);
    }
}
