package dev.fraudscore.predictservice.batching;

import static dev.fraudscore.predictservice.batching.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BatchQueueTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration DELAY = Duration.ofMillis(2);
    private static final Instant NO_DEADLINE = Instant.MAX;

    private final RecordingListener listener = new RecordingListener();
    private final BatchQueue queue = new BatchQueue(new BatchingConfig(4, DELAY, 8), "fraud-mlp/3", listener);

    @Test
    void aBatchClosesWhenItReachesTheBatchSize() {
        offer(Rows.count(1), T0);
        offer(Rows.count(1), T0);
        offer(Rows.count(1), T0);
        assertThat(queue.takeReady(T0)).isEmpty();

        offer(Rows.count(1), T0);
        offer(Rows.count(1), T0);

        assertThat(queue.takeReady(T0)).hasValueSatisfying(batch -> {
            assertThat(batch.rowCount()).isEqualTo(4);
            assertThat(batch.requests()).hasSize(4);
        });
        assertThat(queue.queuedRows()).isEqualTo(1);
        assertThat(queue.takeReady(T0)).isEmpty();
    }

    @Test
    void aBatchTakesOnlyTheRequestsThatFitAndKeepsTheRestInOrder() {
        QueuedRequest first = offer(Rows.count(3), T0);
        QueuedRequest second = offer(Rows.count(3), T0);

        assertThat(queue.takeReady(T0)).hasValueSatisfying(batch -> assertThat(batch.requests()).containsExactly(first));
        assertThat(queue.takeReady(T0.plus(DELAY)))
                .hasValueSatisfying(batch -> assertThat(batch.requests()).containsExactly(second));
    }

    @Test
    void aBatchIsNotDueBeforeTheOldestRequestHasWaitedTheDelayAndIsDueAtIt() {
        offer(Rows.count(1), T0);
        offer(Rows.count(1), T0.plusMillis(1));

        assertThat(queue.nextDueAt()).contains(T0.plus(DELAY));
        assertThat(queue.takeReady(T0.plus(DELAY).minusNanos(1))).isEmpty();
        assertThat(queue.takeReady(T0.plus(DELAY))).hasValueSatisfying(batch -> {
            assertThat(batch.rowCount()).isEqualTo(2);
            assertThat(batch.queueWaits()).containsExactly(DELAY, DELAY.minusMillis(1));
        });
        assertThat(queue.nextDueAt()).isEmpty();
    }

    @Test
    void aBatchIsDueAtOnceWhenEnoughRowsWait() {
        offer(Rows.count(4), T0);
        assertThat(queue.nextDueAt()).contains(T0);
    }

    @Test
    void withoutADelayABatchIsDueAsSoonAsARequestWaits() {
        BatchQueue eager = new BatchQueue(new BatchingConfig(4, Duration.ZERO, 8), "fraud-mlp/3", listener);
        eager.offer(QueuedRequest.of(Rows.count(1), NO_DEADLINE, T0));
        assertThat(eager.takeReady(T0)).isPresent();
    }

    @Test
    void expiredRequestsAreDroppedWithASentenceAndNeverScored() {
        QueuedRequest late = offer(Rows.count(2), T0, T0.plusMillis(1));
        QueuedRequest onTime = offer(Rows.count(1), T0, T0.plusMillis(10));

        assertThat(queue.takeReady(T0.plus(DELAY)))
                .hasValueSatisfying(batch -> assertThat(batch.requests()).containsExactly(onTime));
        assertRefused(late.scores(), BatchingException.Kind.DEADLINE_PASSED,
                "the deadline of this request passed after 2.0 ms in predict-service's batch queue for fraud-mlp/3;"
                        + " it was dropped before scoring");
        assertThat(listener.expiredWaits).containsExactly(DELAY);
    }

    @Test
    void aRequestWhoseDeadlineHasAlreadyPassedIsNotQueued() {
        QueuedRequest late = QueuedRequest.of(Rows.count(1), T0, T0);
        assertThat(queue.offer(late)).isFalse();
        assertThat(queue.queuedRequests()).isZero();
        assertRefused(late.scores(), BatchingException.Kind.DEADLINE_PASSED, null);
    }

    @Test
    void whenEveryRequestExpiredNothingIsDue() {
        offer(Rows.count(4), T0, T0.plusMillis(1));
        assertThat(queue.takeReady(T0.plusMillis(1))).isEmpty();
        assertThat(queue.queuedRows()).isZero();
        assertThat(queue.nextDueAt()).isEmpty();
    }

    @Test
    void aRequestItsCallerCancelledIsDroppedSilently() {
        QueuedRequest cancelled = offer(Rows.count(1), T0);
        cancelled.scores().cancel(false);
        assertThat(queue.takeReady(T0.plus(DELAY))).isEmpty();
        assertThat(listener.expiredWaits).isEmpty();
    }

    @Test
    void aFullQueueRefusesWithASentenceAndQueuesNothing() {
        offer(Rows.count(4), T0);
        offer(Rows.count(4), T0);

        QueuedRequest refused = QueuedRequest.of(Rows.count(1), NO_DEADLINE, T0);
        assertThat(queue.offer(refused)).isFalse();

        assertRefused(refused.scores(), BatchingException.Kind.QUEUE_FULL,
                "predict-service's batch queue for fraud-mlp/3 holds 8 rows, its limit; retry later or add capacity");
        assertThat(queue.queuedRows()).isEqualTo(8);
        assertThat(queue.queuedRequests()).isEqualTo(2);
        assertThat(listener.refusedRows).containsExactly(1);
    }

    @Test
    void aRequestThatWouldPassTheLimitIsRefusedWithWhatItWouldAdd() {
        offer(Rows.count(6), T0);
        QueuedRequest refused = QueuedRequest.of(Rows.count(3), NO_DEADLINE, T0);
        queue.offer(refused);
        assertRefused(refused.scores(), BatchingException.Kind.QUEUE_FULL,
                "predict-service's batch queue for fraud-mlp/3 holds 6 rows; 3 more would pass its limit of 8;"
                        + " retry later or add capacity");
    }

    @Test
    void aRequestLargerThanTheBatchSizeRunsAloneAndIsNeverSplit() {
        QueuedRequest large = offer(Rows.count(6), T0);
        offer(Rows.count(1), T0);

        assertThat(queue.takeReady(T0)).hasValueSatisfying(batch -> {
            assertThat(batch.requests()).containsExactly(large);
            assertThat(batch.rows()).hasNumberOfRows(6);
        });
        assertThat(queue.takeReady(T0)).isEmpty();
    }

    @Test
    void aRequestLargerThanTheQueueLimitStillEntersAnEmptyQueue() {
        assertThat(queue.offer(QueuedRequest.of(Rows.count(9), NO_DEADLINE, T0))).isTrue();
        assertThat(queue.takeReady(T0)).hasValueSatisfying(batch -> assertThat(batch.rowCount()).isEqualTo(9));
    }

    @Test
    void requestsAreScoredInArrivalOrderAndEachGetsExactlyItsOwnScores() {
        QueuedRequest a = offer(Rows.of(0.1f, 0.2f), T0);
        QueuedRequest b = offer(Rows.of(0.3f), T0);
        QueuedRequest c = offer(Rows.of(0.4f), T0);

        Batch batch = queue.takeReady(T0).orElseThrow();
        assertThat(batch.requests()).containsExactly(a, b, c);
        batch.complete(Rows.echo(batch.rows()), "fraud-mlp/3");

        assertThat(a.scores().join()).containsExactly(0.1f, 0.2f);
        assertThat(b.scores().join()).containsExactly(0.3f);
        assertThat(c.scores().join()).containsExactly(0.4f);
    }

    @Test
    void scoresThatDoNotMatchTheRowsAreRefusedBeforeAnyRequestIsCompleted() {
        QueuedRequest a = offer(Rows.count(4), T0);
        Batch batch = queue.takeReady(T0).orElseThrow();
        assertThatThrownBy(() -> batch.complete(new float[3], "fraud-mlp/3"))
                .hasMessage("the model fraud-mlp/3 returned 3 scores for 4 rows");
        assertThat(a.scores()).isNotDone();
    }

    @Test
    void failAllRefusesEveryQueuedRequest() {
        QueuedRequest a = offer(Rows.count(1), T0);
        queue.failAll(BatchingException.shuttingDown("fraud-mlp/3"));
        assertRefused(a.scores(), BatchingException.Kind.SHUTTING_DOWN,
                "predict-service is unloading fraud-mlp/3 or shutting down; the request was not scored; retry");
        assertThat(queue.queuedRows()).isZero();
    }

    private QueuedRequest offer(float[][] rows, Instant at) {
        return offer(rows, at, NO_DEADLINE);
    }

    private QueuedRequest offer(float[][] rows, Instant at, Instant deadline) {
        QueuedRequest request = QueuedRequest.of(rows, deadline, at);
        assertThat(queue.offer(request)).isTrue();
        return request;
    }
}
