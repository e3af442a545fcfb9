package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeapInfoTest {

    @Test
    void readsTheCommittedHeapAndMetaspaceOfG1() {
        String output = """
                12345:
                 garbage-first heap   total 65536K, used 20107K [0x00000000e0000000, 0x0000000100000000)
                  region size 1024K, 17 young (17408K), 2 survivors (2048K)
                 Metaspace       used 48345K, committed 48832K, reserved 1114112K
                  class space    used 5967K, committed 6208K, reserved 1048576K
                """;

        assertThat(HeapInfo.parse(output)).isEqualTo(new HeapInfo(65_536, 48_832));
    }

    @Test
    void refusesAnOutputWithoutAHeapLine() {
        assertThatThrownBy(() -> HeapInfo.parse("12345:\nCommand executed successfully\n")).hasMessageContaining("heap");
    }
}
