package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.features.HistoryWindows;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HistoryTtlsTest {

    @Test
    void merchantsAreRememberedAsLongAsFeatureCoreSays() {
        assertThat(HistoryTtls.of(Duration.ofHours(25), Duration.ofHours(24)).merchants())
                .isEqualTo(HistoryWindows.MERCHANT_MEMORY);
    }

    @Test
    void aWindowTtlNotLongerThanTheWindowIsRefused() {
        assertThatThrownBy(() -> HistoryTtls.of(Duration.ofHours(24), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the window TTL must exceed the 24 h window");
    }

    @Test
    void aZeroCacheTtlIsRefused() {
        assertThatThrownBy(() -> HistoryTtls.of(Duration.ofHours(25), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the transaction cache TTL must be positive; it was PT0S");
    }
}
