package dev.fraudscore.predictservice.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchingConfigTest {

    @Test
    void theCpuDefaultsAreValid() {
        assertThat(BatchingConfig.cpuDefaults().maxBatchSize()).isPositive();
    }

    @Test
    void aBatchNeedsAtLeastOneRow() {
        assertThatThrownBy(() -> new BatchingConfig(0, Duration.ZERO, 8))
                .hasMessage("the maximum batch size must be at least 1 row, not 0");
    }

    @Test
    void theDelayIsBetweenZeroAndOneSecond() {
        assertThatThrownBy(() -> new BatchingConfig(1, Duration.ofMillis(-1), 8))
                .hasMessage("the maximum queue delay must be between 0 and 1000 ms (e.g. 2ms), not PT-0.001S");
        assertThatThrownBy(() -> new BatchingConfig(1, Duration.ofSeconds(2), 8)).hasMessageContaining("not PT2S");
        assertThatThrownBy(() -> new BatchingConfig(1, null, 8)).hasMessageContaining("not null");
    }

    @Test
    void theQueueHoldsAtLeastOneFullBatch() {
        assertThatThrownBy(() -> new BatchingConfig(32, Duration.ZERO, 16))
                .hasMessage("the batch queue must hold at least one full batch of 32 rows, not 16;"
                        + " raise the queue limit or lower the batch size");
    }
}
