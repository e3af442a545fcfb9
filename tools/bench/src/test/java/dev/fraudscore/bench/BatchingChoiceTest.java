package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatchingChoiceTest {

    @Test
    void aSizeAloneKeepsTheServiceDelay() {
        BatchingChoice choice = BatchingChoice.parse("32");

        assertThat(choice.batches()).isTrue();
        assertThat(choice.tag()).isEqualTo("batch32");
        assertThat(choice.arguments()).containsExactly("--fraudscore.predict.defaults.max-batch-size=32");
    }

    @Test
    void aSizeWithADelaySetsBoth() {
        BatchingChoice choice = BatchingChoice.parse(" 32/0ms ");

        assertThat(choice.tag()).isEqualTo("batch32-delay0ms");
        assertThat(choice.describe()).isEqualTo("maxBatchSize 32, maxQueueDelay 0ms");
        assertThat(choice.arguments()).containsExactly("--fraudscore.predict.defaults.max-batch-size=32",
                "--fraudscore.predict.defaults.max-queue-delay=0ms");
    }

    @Test
    void sizeOneIsWithoutBatching() {
        assertThat(BatchingChoice.parse("1").batches()).isFalse();
    }

    @Test
    void refusesWhatIsNotASize() {
        assertThatThrownBy(() -> BatchingChoice.parse("big")).hasMessageContaining("e.g. 32 or 32/0ms");
        assertThatThrownBy(() -> BatchingChoice.parse("0")).hasMessageContaining("at least 1");
    }
}
