package dev.fraudscore.predictservice.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

final class Refusals {

    private Refusals() {
    }

    /** The future failed with a stack-trace-free refusal of this kind (and this sentence, unless null). */
    static void assertRefused(CompletableFuture<float[]> scores, BatchingException.Kind kind, String sentence) {
        assertThat(scores).isCompletedExceptionally();
        assertThatThrownBy(scores::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(BatchingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.getStackTrace()).isEmpty();
                    if (sentence != null) {
                        assertThat(e).hasMessage(sentence);
                    }
                });
    }
}
