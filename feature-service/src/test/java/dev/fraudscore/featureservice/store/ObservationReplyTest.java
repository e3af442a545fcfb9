package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.features.CardHistory;
import dev.fraudscore.features.HistoryStore.Observation;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ObservationReplyTest {

    @Test
    void readsAPackedHistoryWithASumBeyondTheExactRangeOfADouble() {
        Observation observation = ObservationReply.parse(reply('1', "0b0781a8f8f201bec1cb08fcf2ffc7b733"));

        assertThat(observation.replayed()).isTrue();
        assertThat(observation.history()).isEqualTo(new CardHistory(2, 7, 18_014_398_509_481_985L, 1_767_261_600_123L, true));
    }

    @Test
    void readsAnOrdinaryHistoryInTenBytes() {
        Observation observation = ObservationReply.parse(reply('0', "0403dc0bfcf2ffc7b733"));

        assertThat(observation).isEqualTo(new Observation(new CardHistory(1, 3, 1_500, 1_767_261_600_123L, false), false));
    }

    @Test
    void readsAnEmptyHistory() {
        assertThat(ObservationReply.parse(reply('0', "00000000"))).isEqualTo(new Observation(CardHistory.EMPTY, false));
    }

    @Test
    void refusesRepliesOfAnotherShape() {
        assertThatThrownBy(() -> ObservationReply.parse(reply('0', "0000")))
                .isInstanceOf(IllegalStateException.class).hasMessage("the packed history ends inside a number");
        assertThatThrownBy(() -> ObservationReply.parse(reply('0', "0000000000")))
                .isInstanceOf(IllegalStateException.class).hasMessage("the packed history has 1 bytes too many");
        // 'L' led a history of the text format that went before the packed one (replaced 2026-12-02, kept 24 h)
        assertThatThrownBy(() -> ObservationReply.parse("L2|7|1500|1767261600123|1".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalStateException.class).hasMessage("the history script returned a reply starting with byte 76");
    }

    private static byte[] reply(char flag, String packedHex) {
        byte[] packed = HexFormat.of().parseHex(packedHex);
        byte[] reply = new byte[packed.length + 1];
        reply[0] = (byte) flag;
        System.arraycopy(packed, 0, reply, 1, packed.length);
        return reply;
    }
}
