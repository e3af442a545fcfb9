package dev.fraudscore.bench;

import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc.PredictServiceStub;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed-loop load: a fixed number of callers, each sending its next request as soon as its last one is
 * answered, over the async stub (no thread per caller). Answers are recorded into the current
 * {@link LoadWindow}; switching windows splits warm-up from measurement without stopping the load.
 */
final class ClosedLoopLoad implements AutoCloseable {

    private final PredictServiceStub stub;
    private final LongFunction<PredictRequest> requests;
    private final int callers;
    private final Duration deadline;
    private final AtomicLong sequence = new AtomicLong();
    // a failure can complete inline (directExecutor); sending again from there could recurse without end
    private final ExecutorService retries = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "load-after-failure");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch stopped;
    private volatile boolean running;
    private volatile LoadWindow window;

    /** @param requests the request for each sequence number (a caller's next request takes the next number) */
    ClosedLoopLoad(PredictServiceStub stub, LongFunction<PredictRequest> requests, int callers, Duration deadline) {
        this.stub = stub;
        this.requests = requests;
        this.callers = callers;
        this.deadline = deadline;
        this.stopped = new CountDownLatch(callers);
    }

    /** Starts every caller; answers go to a first window (the warm-up). */
    ClosedLoopLoad start() {
        window = new LoadWindow(System.nanoTime());
        running = true;
        for (int c = 0; c < callers; c++) {
            send();
        }
        return this;
    }

    /** Closes the current window and records into a new one from now on. */
    LoadWindow nextWindow() {
        long now = System.nanoTime();
        LoadWindow next = new LoadWindow(now);
        LoadWindow previous = window;
        window = next;
        previous.close(now);
        return next;
    }

    LoadWindow window() {
        return window;
    }

    /** Stops sending and waits for the calls in flight; closes the current window. */
    @Override
    public void close() {
        running = false;
        window.close(System.nanoTime());
        try {
            if (!stopped.await(deadline.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                System.err.println("warning: " + stopped.getCount() + " calls were still in flight after the deadline");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        retries.shutdownNow();
    }

    private void send() {
        if (!running) {
            stopped.countDown();
            return;
        }
        PredictRequest request = requests.apply(sequence.getAndIncrement());
        long sent = System.nanoTime();
        stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS).predict(request, new StreamObserver<>() {
            private PredictResponse response;

            @Override
            public void onNext(PredictResponse value) {
                response = value;
            }

            @Override
            public void onError(Throwable failure) {
                window.failed(Status.fromThrowable(failure).getCode().name());
                retries.execute(ClosedLoopLoad.this::send);
            }

            @Override
            public void onCompleted() {
                window.answered(response.getModel().getVersion(), sent, System.nanoTime());
                send();
            }
        });
    }
}
