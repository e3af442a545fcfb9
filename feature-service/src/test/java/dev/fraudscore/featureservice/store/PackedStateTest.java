package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.features.state.AggregateState;
import dev.fraudscore.features.state.Counter;
import dev.fraudscore.features.state.Entity;
import dev.fraudscore.features.state.LastEvent;
import dev.fraudscore.features.state.StateSpec;
import dev.fraudscore.features.state.Tiles;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedStateTest {

    /** A last event, then a count and an amount over one day. */
    private static final StateSpec SPEC = StateSpec.of(new LastEvent("last", Entity.CARD, Duration.ofDays(2)),
            Tiles.daily("d", Entity.CARD, List.of(1), 0, Counter.COUNT, Counter.AMOUNT));

    @Test
    void readsAnInstantACountAndASumBeyondTheExactRangeOfADouble() {
        // 1,767,261,600,123 = 1,767 * 10^9 + 261,600,123; 2^54 + 1 = 18,014,398 * 10^9 + 509,481,985
        assertThat(read("ed9bfbf203e70d" + "0c" + "85a0e1cb07bec1cb08").values())
                .containsExactly(1_767_261_600_123L, 3, 18_014_398_509_481_985L);
    }

    @Test
    void readsNoLastEventAsMinusOneInAByte() {
        assertThat(read("06" + "04" + "f02e").values()).containsExactly(-1, 1, 1_500);
    }

    @Test
    void refusesBytesThatAreNotExactlyOneState() {
        assertThatThrownBy(() -> read("06" + "04"))
                .isInstanceOf(IllegalStateException.class).hasMessage("the packed state ends inside a number");
        assertThatThrownBy(() -> read("06" + "04" + "f02e" + "00"))
                .isInstanceOf(IllegalStateException.class).hasMessage("the packed state has 1 bytes too many");
    }

    private static AggregateState read(String hex) {
        byte[] packed = HexFormat.of().parseHex(hex);
        byte[] reply = new byte[packed.length + 1];
        reply[0] = '0';
        System.arraycopy(packed, 0, reply, 1, packed.length);
        return PackedState.read(SPEC, reply, 1);
    }
}
