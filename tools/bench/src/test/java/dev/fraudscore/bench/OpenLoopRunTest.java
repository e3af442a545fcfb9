package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class OpenLoopRunTest {

    private static final long MS = 1_000_000;

    /** A clock that only moves when the sender waits for a moment, or when a target says time passed. */
    static final class FakeTicker implements Ticker {
        long now = 1_000 * MS;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void parkUntil(long nanos) {
            now = Math.max(now, nanos);
        }
    }

    /** Answers each request at once, after {@code latency.apply(n)} of fake time; records when each was sent. */
    static final class FakeTarget implements LoadTarget {
        final FakeTicker ticker;
        final LongFunction<Long> sendCost;
        final LongFunction<LoadTarget.Outcome> outcome;
        final List<Long> sentAt = new ArrayList<>();

        FakeTarget(FakeTicker ticker, LongFunction<Long> sendCost, LongFunction<LoadTarget.Outcome> outcome) {
            this.ticker = ticker;
            this.sendCost = sendCost;
            this.outcome = outcome;
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public CompletionStage<Outcome> send(long n) {
            sentAt.add(ticker.now);
            ticker.now += sendCost.apply(n);
            return CompletableFuture.completedFuture(outcome.apply(n));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void sendsAtTheIntendedTimesAndSplitsWarmUpFromTheMeasuredWindow() {
        FakeTicker ticker = new FakeTicker();
        FakeTarget target = new FakeTarget(ticker, n -> 1 * MS, n -> LoadTarget.Outcome.ANSWERED);
        List<String> edges = new ArrayList<>();

        OpenLoopRun.Windows windows = new OpenLoopRun(ticker, Duration.ofSeconds(1)).run(target,
                new ArrivalSchedule(100, Duration.ofSeconds(1), Duration.ofSeconds(2)), new OpenLoopRun.Boundaries() {
                    @Override
                    public void measureStarts() {
                        edges.add("start " + target.sentAt.size() + " at " + ticker.now / MS);
                    }

                    @Override
                    public void measureEnds() {
                        edges.add("end " + target.sentAt.size() + " at " + ticker.now / MS);
                    }
                });

        assertThat(target.sentAt).hasSize(300);
        assertThat(target.sentAt.get(0)).isEqualTo(1_000 * MS);
        assertThat(target.sentAt.get(1)).isEqualTo(1_010 * MS);
        assertThat(target.sentAt.get(299)).isEqualTo(3_990 * MS);
        assertThat(edges).containsExactly("start 100 at 2000", "end 300 at 4000");
        assertThat(windows.warmup().summary().ok()).isEqualTo(100);
        assertThat(windows.measured().summary().ok()).isEqualTo(200);
        assertThat(windows.sentMeasured()).isEqualTo(200);
        assertThat(windows.measured().summary().seconds()).isEqualTo(2.0);
        assertThat(windows.measured().summary().latency().p50Micros()).isBetween(999.0, 1001.0);
    }

    @Test
    void aStallDoesNotSlowTheSenderAndCountsFromTheIntendedTimes() {
        FakeTicker ticker = new FakeTicker();
        // request 10 takes 100 ms to leave (a blocked client, a GC pause): 10 intervals of 10 ms pass meanwhile
        FakeTarget target = new FakeTarget(ticker, n -> n == 10 ? 100 * MS : 0L, n -> LoadTarget.Outcome.ANSWERED);

        OpenLoopRun.Windows windows = new OpenLoopRun(ticker, Duration.ofSeconds(1)).run(target,
                new ArrivalSchedule(100, Duration.ZERO, Duration.ofSeconds(1)), OpenLoopRun.Boundaries.NONE);

        // the backlog leaves at once instead of being skipped or pushed back: still 100 requests in the second
        assertThat(target.sentAt).hasSize(100);
        assertThat(target.sentAt.subList(11, 20)).containsOnly(1_200 * MS);
        assertThat(target.sentAt.get(21)).isEqualTo(1_210 * MS);
        assertThat(windows.senderLateMaxNanos()).isEqualTo(90 * MS);
        LoadWindow.Summary summary = windows.measured().summary();
        // request 10 waited 100 ms, request 11 (meant for 110 ms) 90 ms, ... request 19 10 ms: as callers felt it
        assertThat(summary.latency().maxMicros()).isBetween(99_000.0, 101_000.0);
        assertThat(summary.latency().p99Micros()).isBetween(89_900.0, 90_200.0);
        assertThat(summary.latency().p50Micros()).isZero();
    }

    @Test
    void countsDegradedAnswersAndFailuresApart() {
        FakeTicker ticker = new FakeTicker();
        FakeTarget target = new FakeTarget(ticker, n -> 0L, n -> n % 10 == 0 ? LoadTarget.Outcome.failure("http 503")
                : n % 5 == 0 ? LoadTarget.Outcome.DEGRADED : LoadTarget.Outcome.ANSWERED);

        OpenLoopRun.Windows windows = new OpenLoopRun(ticker, Duration.ofSeconds(1)).run(target,
                new ArrivalSchedule(100, Duration.ZERO, Duration.ofSeconds(1)), OpenLoopRun.Boundaries.NONE);

        LoadWindow.Summary summary = windows.measured().summary();
        assertThat(summary.failures()).containsExactly(Map.entry("http 503", 10L));
        assertThat(summary.versions()).containsEntry("degraded", 10L).containsEntry("answered", 80L);
        assertThat(windows.unanswered()).isZero();
    }

    @Test
    void countsEverySecondOfTheRunOnItsOwn() {
        FakeTicker ticker = new FakeTicker();
        // second 0 of the run (the warm-up) answers whole in 1 ms; second 1 degrades a tenth and fails a tenth;
        // in second 2 request 250 waits 300 ms
        FakeTarget target = new FakeTarget(ticker, n -> n == 250 ? 300 * MS : 1 * MS, n -> n >= 100 && n < 200
                ? (n % 10 == 0 ? LoadTarget.Outcome.DEGRADED : n % 10 == 1 ? LoadTarget.Outcome.failure("http 503")
                        : LoadTarget.Outcome.ANSWERED)
                : LoadTarget.Outcome.ANSWERED);

        OpenLoopRun.Windows windows = new OpenLoopRun(ticker, Duration.ofSeconds(1)).run(target,
                new ArrivalSchedule(100, Duration.ofSeconds(1), Duration.ofSeconds(2)), OpenLoopRun.Boundaries.NONE);

        List<Timeline.Second> seconds = windows.timeline().series().seconds();
        assertThat(seconds).hasSize(3);
        assertThat(seconds.get(0)).isEqualTo(new Timeline.Second(0, 100, 0, 0, 1.0));
        assertThat(seconds.get(1)).isEqualTo(new Timeline.Second(1, 80, 10, 10, 1.0));
        assertThat(seconds.get(2).whole()).isEqualTo(100);
        assertThat(seconds.get(2).maxMs()).isEqualTo(300.0);
    }

    @Test
    void namesTheCauseOfAFailedStage() {
        assertThat(OpenLoopRun.failureKind(new java.util.concurrent.CompletionException(
                new java.util.concurrent.TimeoutException("late")))).isEqualTo("TimeoutException");
    }
}
