package dev.fraudscore.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a {@link LoadTarget} on an {@link ArrivalSchedule}, open loop: request {@code n} leaves at its intended
 * time however late earlier answers are (a sender that fell behind sends the backlog at once), and its latency is
 * counted from that intended time, not from when it really left. So a stall shows in the percentiles as the
 * callers would feel it, instead of being hidden by a sender that waited (coordinated omission).
 *
 * <p>Answers are recorded into the window of their request's intended time, the warm-up's or the measured one, and
 * into that second of the {@link Timeline}.
 * The {@link Boundaries} are told when the measured window starts and ends, to read the processes' CPU there.
 */
final class OpenLoopRun {

    /** Called on the sending thread as the measured window starts and ends (CPU snapshots). */
    interface Boundaries {
        Boundaries NONE = new Boundaries() {
        };

        default void measureStarts() {
        }

        default void measureEnds() {
        }
    }

    /**
     * @param sentMeasured requests meant for the measured window (all were sent)
     * @param unanswered   requests of the measured window still unanswered when the run gave up waiting
     * @param senderLateMaxNanos how far behind its intended time the sender sent a request of the measured window,
     *                     at worst: near 0 when the load generator kept up (its lateness is in the latencies anyway)
     */
    record Windows(LoadWindow warmup, LoadWindow measured, long sentMeasured, long unanswered, long senderLateMaxNanos,
            Timeline timeline) {
    }

    private final Ticker ticker;
    private final Duration drainWithin;

    /** @param drainWithin how long to wait, after the last request left, for the answers still due */
    OpenLoopRun(Ticker ticker, Duration drainWithin) {
        this.ticker = ticker;
        this.drainWithin = drainWithin;
    }

    Windows run(LoadTarget target, ArrivalSchedule schedule, Boundaries boundaries) {
        long start = ticker.nanoTime();
        Timeline timeline = new Timeline(start, System.currentTimeMillis() / 1e3,
                (int) Math.max(1, (schedule.endNanos() + 999_999_999) / 1_000_000_000));
        LoadWindow warmup = new LoadWindow(start);
        LoadWindow measured = new LoadWindow(start + schedule.measureStartNanos());
        AtomicLong inFlight = new AtomicLong();
        AtomicLong measuredInFlight = new AtomicLong();
        long sentMeasured = 0;
        long lateMax = 0;
        boolean measuring = false;
        long total = schedule.total();
        for (long n = 0; n < total; n++) {
            long intended = start + schedule.offsetNanos(n);
            ticker.parkUntil(intended);
            boolean inMeasure = schedule.measured(n);
            if (inMeasure && !measuring) {
                warmup.close(intended);
                boundaries.measureStarts();
                measuring = true;
            }
            LoadWindow window = inMeasure ? measured : warmup;
            AtomicLong counted = inMeasure ? measuredInFlight : inFlight;
            counted.incrementAndGet();
            if (inMeasure) {
                sentMeasured++;
                lateMax = Math.max(lateMax, ticker.nanoTime() - intended);
            }
            send(target, n, intended, window, timeline, counted);
        }
        ticker.parkUntil(start + schedule.endNanos());
        measured.close(start + schedule.endNanos());
        boundaries.measureEnds();
        long giveUp = ticker.nanoTime() + drainWithin.toNanos();
        while ((inFlight.get() > 0 || measuredInFlight.get() > 0) && ticker.nanoTime() < giveUp) {
            ticker.parkUntil(Math.min(giveUp, ticker.nanoTime() + 1_000_000));
        }
        return new Windows(warmup, measured, sentMeasured, measuredInFlight.get(), lateMax, timeline);
    }

    private void send(LoadTarget target, long n, long intended, LoadWindow window, Timeline timeline,
            AtomicLong inFlight) {
        try {
            target.send(n).whenComplete((outcome, failure) -> {
                if (failure != null || outcome.failed()) {
                    window.failed(failure != null ? failureKind(failure) : outcome.kind());
                    timeline.failed(intended);
                } else {
                    long done = ticker.nanoTime();
                    window.answered(outcome.kind(), intended, done);
                    timeline.answered(intended, outcome.equals(LoadTarget.Outcome.DEGRADED), done - intended);
                }
                inFlight.decrementAndGet();
            });
        } catch (RuntimeException refused) {
            // a client that refuses to even send (e.g. too many pending) counts as an error, not a stop
            window.failed(failureKind(refused));
            timeline.failed(intended);
            inFlight.decrementAndGet();
        }
    }

    static String failureKind(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
