package dev.fraudscore.predictservice.batching;

import static dev.fraudscore.predictservice.batching.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker thread, driven by a scorer held on a latch and a clock moved by hand: no timing involved. */
class DynamicBatcherTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NO_DEADLINE = Instant.MAX;

    private final AtomicLong nanos = new AtomicLong();
    private final MonotonicClock clock = new MonotonicClock(T0, nanos::get);
    private final HeldScorer scorer = new HeldScorer();
    private final RecordingListener listener = new RecordingListener();
    private DynamicBatcher batcher;

    @AfterEach
    void stop() {
        scorer.release();
        batcher.close();
    }

    @Test
    void requestsQueuedWhileTheModelIsBusyAreMergedIntoOneForwardPass() {
        start(new BatchingConfig(8, Duration.ZERO, 64));
        CompletableFuture<float[]> a = holdFirstPass();
        CompletableFuture<float[]> b = batcher.submit(Rows.of(0.2f, 0.3f), NO_DEADLINE);
        CompletableFuture<float[]> c = batcher.submit(Rows.of(0.4f), NO_DEADLINE);
        CompletableFuture<float[]> d = batcher.submit(Rows.of(0.5f, 0.6f, 0.7f), NO_DEADLINE);
        nanos.addAndGet(Duration.ofMillis(3).toNanos());

        scorer.release();
        eventually().until(() -> CompletableFuture.allOf(a, b, c, d).isDone());

        assertThat(scorer.passSizes).containsExactly(1, 6);
        assertThat(a.join()).containsExactly(0.1f);
        assertThat(b.join()).containsExactly(0.2f, 0.3f);
        assertThat(c.join()).containsExactly(0.4f);
        assertThat(d.join()).containsExactly(0.5f, 0.6f, 0.7f);
        eventually().until(() -> listener.batches.size() == 2);
        assertThat(listener.batches.get(0).inferenceTime()).isEqualTo(Duration.ofMillis(3));
        assertThat(listener.batches.get(1)).isEqualTo(new BatchListener.BatchReport(6, 3,
                List.of(Duration.ofMillis(3), Duration.ofMillis(3), Duration.ofMillis(3)), Duration.ZERO, false));
    }

    @Test
    void theInferenceTimeIsTheForwardPassAloneNotTheCallersContinuationsOnTheWorker() {
        start(new BatchingConfig(8, Duration.ZERO, 64));
        CompletableFuture<float[]> held = holdFirstPass();
        // a slow continuation, as the gRPC endpoint's answer runs on the worker thread
        held.whenComplete((scores, failure) -> nanos.addAndGet(Duration.ofMillis(5).toNanos()));
        nanos.addAndGet(Duration.ofMillis(2).toNanos());

        scorer.release();
        eventually().until(() -> listener.batches.size() == 1);

        assertThat(listener.batches.get(0).inferenceTime()).isEqualTo(Duration.ofMillis(2));
    }

    @Test
    void aFullBatchIsScoredWithoutWaitingForTheDelay() {
        start(new BatchingConfig(4, BatchingConfig.LONGEST_QUEUE_DELAY, 64));
        List<CompletableFuture<float[]>> requests = List.of(
                batcher.submit(Rows.count(1), NO_DEADLINE), batcher.submit(Rows.count(1), NO_DEADLINE),
                batcher.submit(Rows.count(1), NO_DEADLINE), batcher.submit(Rows.count(1), NO_DEADLINE));
        scorer.release();

        eventually().until(() -> requests.stream().allMatch(CompletableFuture::isDone));
        assertThat(scorer.passSizes).containsExactly(4);
    }

    @Test
    void withABatchSizeOfOneEveryRequestHasAForwardPassOfItsOwn() {
        start(new BatchingConfig(1, Duration.ZERO, 64));
        holdFirstPass();
        CompletableFuture<float[]> b = batcher.submit(Rows.of(0.2f), NO_DEADLINE);
        CompletableFuture<float[]> c = batcher.submit(Rows.of(0.3f), NO_DEADLINE);

        scorer.release();
        eventually().until(() -> b.isDone() && c.isDone());
        assertThat(scorer.passSizes).containsExactly(1, 1, 1);
        assertThat(c.join()).containsExactly(0.3f);
    }

    @Test
    void aFailingForwardPassFailsEveryRequestOfItsBatchWithTheCauseAndBatchingGoesOn() {
        start(new BatchingConfig(8, Duration.ZERO, 64));
        holdFirstPass();
        IllegalStateException failure = new IllegalStateException("native error");
        scorer.failNextPassWith(failure);
        CompletableFuture<float[]> b = batcher.submit(Rows.count(1), NO_DEADLINE);
        CompletableFuture<float[]> c = batcher.submit(Rows.count(2), NO_DEADLINE);

        scorer.release();
        eventually().until(() -> b.isDone() && c.isDone());
        for (CompletableFuture<float[]> failed : List.of(b, c)) {
            assertThatThrownBy(failed::join).isInstanceOf(CompletionException.class).cause().isSameAs(failure);
        }
        eventually().until(() -> listener.batches.size() == 2);
        assertThat(listener.batches.get(1).failed()).isTrue();
        assertThat(batcher.submit(Rows.of(0.9f), NO_DEADLINE)).succeedsWithin(Duration.ofSeconds(5))
                .satisfies(scores -> assertThat(scores).containsExactly(0.9f));
    }

    @Test
    void aRequestWhoseDeadlinePassesInTheQueueIsDroppedAndNeverScored() {
        start(new BatchingConfig(8, Duration.ZERO, 64));
        holdFirstPass();
        CompletableFuture<float[]> late = batcher.submit(Rows.count(5), T0.plusMillis(1));
        CompletableFuture<float[]> onTime = batcher.submit(Rows.count(1), NO_DEADLINE);
        nanos.addAndGet(Duration.ofMillis(2).toNanos());

        scorer.release();
        eventually().until(() -> late.isDone() && onTime.isDone());
        assertRefused(late, BatchingException.Kind.DEADLINE_PASSED, null);
        assertThat(scorer.passSizes).containsExactly(1, 1);
        assertThat(listener.expiredWaits).containsExactly(Duration.ofMillis(2));
    }

    @Test
    void aFullQueueRefusesAtOnce() {
        start(new BatchingConfig(2, Duration.ZERO, 2));
        holdFirstPass();
        batcher.submit(Rows.count(2), NO_DEADLINE);

        CompletableFuture<float[]> refused = batcher.submit(Rows.count(1), NO_DEADLINE);

        assertRefused(refused, BatchingException.Kind.QUEUE_FULL,
                "predict-service's batch queue for fraud-mlp/3 holds 2 rows, its limit; retry later or add capacity");
        assertThat(batcher.queuedRows()).isEqualTo(2);
        assertThat(listener.refusedRows).containsExactly(1);
    }

    @Test
    void closeFailsQueuedRequestsLetsTheBatchInFlightFinishAndRefusesLaterOnes() {
        start(new BatchingConfig(8, Duration.ZERO, 64));
        CompletableFuture<float[]> inFlight = holdFirstPass();
        CompletableFuture<float[]> queued = batcher.submit(Rows.count(1), NO_DEADLINE);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(batcher::close);
        eventually().until(queued::isDone);
        assertRefused(queued, BatchingException.Kind.SHUTTING_DOWN,
                "predict-service is unloading fraud-mlp/3 or shutting down; the request was not scored; retry");
        assertThat(closing).isNotDone();

        scorer.release();
        assertThat(closing).succeedsWithin(Duration.ofSeconds(5));
        assertThat(inFlight.join()).containsExactly(0.1f);
        assertRefused(batcher.submit(Rows.count(1), NO_DEADLINE), BatchingException.Kind.SHUTTING_DOWN, null);
        assertThat(scorer.passSizes).containsExactly(1);
    }

    @Test
    void anIdleBatcherScoresAnInProcessModelOnTheCallersThreadBeforeSubmitReturns() {
        HeldScorer local = new HeldScorer(true);
        local.release();
        start(new BatchingConfig(8, Duration.ZERO, 64), local);

        CompletableFuture<float[]> scored = batcher.submit(Rows.of(0.4f, 0.5f), NO_DEADLINE);

        assertThat(scored).isDone();
        assertThat(scored.join()).containsExactly(0.4f, 0.5f);
        assertThat(local.passThreads).containsExactly(Thread.currentThread().getName());
        assertThat(listener.batches).hasSize(1);
        assertThat(listener.batches.get(0).rows()).isEqualTo(2);
    }

    @Test
    void requestsArrivingWhileACallerScoresQueueForTheWorkerAndMergeIntoItsNextPass() {
        HeldScorer local = new HeldScorer(true);
        start(new BatchingConfig(8, Duration.ZERO, 64), local);
        try {
            CompletableFuture<float[]> first = CompletableFuture.supplyAsync(
                    () -> batcher.submit(Rows.of(0.1f), NO_DEADLINE)).thenCompose(f -> f);
            eventually().until(local::busy);

            CompletableFuture<float[]> second = batcher.submit(Rows.of(0.2f), NO_DEADLINE);
            CompletableFuture<float[]> third = batcher.submit(Rows.of(0.3f, 0.4f), NO_DEADLINE);
            assertThat(second).isNotDone();
            assertThat(third).isNotDone();

            local.release();
            eventually().until(() -> CompletableFuture.allOf(first, second, third).isDone());
            assertThat(local.passSizes).containsExactly(1, 3);
            assertThat(local.passThreads.get(1)).isEqualTo("batcher fraud-mlp/3");
            assertThat(third.join()).containsExactly(0.3f, 0.4f);
        } finally {
            local.release();
        }
    }

    @Test
    void rowsSubmittedInTheBackgroundAndBatchesWithADelayAreScoredOnTheWorker() {
        HeldScorer local = new HeldScorer(true);
        local.release();
        start(new BatchingConfig(8, Duration.ZERO, 64), local);

        CompletableFuture<float[]> shadow = batcher.submitInBackground(Rows.of(0.6f), NO_DEADLINE);
        eventually().until(shadow::isDone);
        batcher.close();
        start(new BatchingConfig(1, Duration.ofMillis(1), 64), local);
        CompletableFuture<float[]> delayed = batcher.submit(Rows.of(0.7f), NO_DEADLINE);
        eventually().until(delayed::isDone);

        assertThat(local.passThreads).containsExactly("batcher fraud-mlp/3", "batcher fraud-mlp/3");
    }

    /** Polls every millisecond: the conditions hold within microseconds, and a default 100 ms poll adds up. */
    private static ConditionFactory eventually() {
        return Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1));
    }

    private void start(BatchingConfig config) {
        start(config, scorer);
    }

    private void start(BatchingConfig config, BatchScorer model) {
        batcher = DynamicBatcher.start("fraud-mlp/3", config, model, clock, listener);
    }

    /** Submits one row scored 0.1 and waits until the model is busy with it. */
    private CompletableFuture<float[]> holdFirstPass() {
        CompletableFuture<float[]> first = batcher.submit(Rows.of(0.1f), NO_DEADLINE);
        eventually().until(scorer::busy);
        return first;
    }
}
