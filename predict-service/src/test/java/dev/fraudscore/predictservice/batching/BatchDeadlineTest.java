package dev.fraudscore.predictservice.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deadline a forward pass is given: the latest among its requests, so a remote call is cut when nobody waits. */
class BatchDeadlineTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final MonotonicClock clock = new MonotonicClock(T0, nanos::get);
    private final List<Instant> deadlines = new CopyOnWriteArrayList<>();
    private final BatchScorer scorer = new BatchScorer() {
        @Override
        public float[] score(float[][] rows) {
            throw new AssertionError("the batcher must pass the batch's deadline");
        }

        @Override
        public float[] score(float[][] rows, Instant deadline) {
            deadlines.add(deadline);
            return Rows.echo(rows);
        }
    };
    private DynamicBatcher batcher;

    @AfterEach
    void stop() {
        batcher.close();
    }

    @Test
    void aBatchIsGivenTheLatestDeadlineOfItsRequests() {
        // a full batch of three closes at once; the clock never moves, so no request expires and no delay passes
        start(3);
        List<CompletableFuture<float[]>> answers = List.of(
                batcher.submit(Rows.of(0.1f), T0.plusSeconds(5)),
                batcher.submit(Rows.of(0.2f), T0.plusSeconds(9)),
                batcher.submit(Rows.of(0.3f), T0.plusSeconds(7)));

        await(answers);
        assertThat(deadlines).containsExactly(T0.plusSeconds(9));
        assertThat(answers.get(1).join()).containsExactly(0.2f);
    }

    @Test
    void aBatchWithARequestWithoutDeadlineHasNone() {
        start(2);
        List<CompletableFuture<float[]>> answers = List.of(
                batcher.submit(Rows.of(0.1f), T0.plusSeconds(5)),
                batcher.submit(Rows.of(0.2f), Instant.MAX));

        await(answers);
        assertThat(deadlines).containsExactly(Instant.MAX);
    }

    private void start(int batchSize) {
        batcher = DynamicBatcher.start("fraud-mlp/1", new BatchingConfig(batchSize, BatchingConfig.LONGEST_QUEUE_DELAY, 64),
                scorer, clock, BatchListener.NONE);
    }

    private static void await(List<CompletableFuture<float[]>> answers) {
        Awaitility.await().atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(5))
                .until(() -> answers.stream().allMatch(CompletableFuture::isDone));
    }
}
