package dev.fraudscore.support.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FutureFailuresTest {

    @Test
    void unwrapsEveryFutureWrapperDownToTheFailure() {
        IllegalStateException failure = new IllegalStateException("bug");

        assertThat(FutureFailures.cause(new CompletionException(new ExecutionException(failure)))).isSameAs(failure);
        assertThat(FutureFailures.cause(failure)).isSameAs(failure);
    }

    @Test
    void keepsAWrapperWithoutACause() {
        CompletionException bare = new CompletionException("no cause", null);

        assertThat(FutureFailures.cause(bare)).isSameAs(bare);
    }
}
