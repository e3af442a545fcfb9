package dev.fraudscore.businessapi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoleNibblesTest {

    @Test
    void packsHalfAByteACharacterWithAnEndAfterEachNumber() {
        byte[] packed = HoleNibbles.pack(List.of("0.87", "7"));

        assertThat(HexFormat.of().formatHex(packed)).isEqualTo("0a87f7ff");
        assertThat(HoleNibbles.unpack(packed, 0, 2)).containsExactly("0.87", "7");
    }

    @Test
    void writesANumberSeenAmongTheLastFifteenAsHowFarBackItIs() {
        List<String> holes = List.of("0.91234567", "0.91", "0.85", "0.91234567", "0.91");

        byte[] packed = HoleNibbles.pack(holes);

        assertThat(HexFormat.of().formatHex(packed)).endsWith("fb3b3f");
        assertThat(HoleNibbles.unpack(packed, 0, holes.size())).isEqualTo(holes);
    }

    @Test
    void keepsLeadingZerosAndLongNumbers() {
        List<String> holes = List.of("007", "12345678901234567890.0000001", "0");

        assertThat(HoleNibbles.unpack(HoleNibbles.pack(holes), 0, 3)).isEqualTo(holes);
        assertThat(HoleNibbles.unpack(HoleNibbles.pack(List.of()), 0, 0)).isEmpty();
    }

    @Test
    void readsFromAnOffset() {
        byte[] packed = HoleNibbles.pack(List.of("42"));
        byte[] record = new byte[4 + packed.length];
        System.arraycopy(packed, 0, record, 4, packed.length);

        assertThat(HoleNibbles.unpack(record, 4, 1)).containsExactly("42");
    }

    @Test
    void refusesRecordsThatDoNotHoldExactlyTheNumbersAsked() {
        byte[] two = HoleNibbles.pack(List.of("1.5", "2"));

        assertThatThrownBy(() -> HoleNibbles.unpack(two, 0, 3)).hasMessage("The record ends after 2 of 3 numbers.");
        assertThatThrownBy(() -> HoleNibbles.unpack(two, 0, 1)).hasMessage("The record goes on after its 1 numbers.");
        assertThatThrownBy(() -> HoleNibbles.unpack(new byte[] {(byte) 0xb5}, 0, 1))
                .hasMessage("The record repeats a number 5 back of 0.");
        assertThatThrownBy(() -> HoleNibbles.pack(List.of("1e5"))).hasMessage("A hole holds digits and a point only, not 'e'.");
    }
}
