package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.features.CardHistory;
import dev.fraudscore.features.HistoryStore.Observation;
import org.junit.jupiter.api.Test;

class ObservationReplyTest {

    @Test
    void parsesEveryFieldExactly() {
        Observation observation = ObservationReply.parse("1|2|7|18014398509481985|1767261600123|1");

        assertThat(observation.replayed()).isTrue();
        assertThat(observation.history()).isEqualTo(new CardHistory(2, 7, 18_014_398_509_481_985L, 1_767_261_600_123L, true));
    }

    @Test
    void parsesAnEmptyHistory() {
        assertThat(ObservationReply.parse("0|0|0|0|-1|0")).isEqualTo(new Observation(CardHistory.EMPTY, false));
    }

    @Test
    void refusesAReplyOfAnotherShape() {
        assertThatThrownBy(() -> ObservationReply.parse("0|1|2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected 6 fields");
    }
}
