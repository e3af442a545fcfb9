package dev.fraudscore.predictservice.batching;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Holds its first forward pass until released, so a test can queue requests while the model is busy;
 * answers each row's first value and records the rows of every pass.
 */
final class HeldScorer implements BatchScorer {

    final List<Integer> passSizes = new CopyOnWriteArrayList<>();
    /** The name of the thread that ran each pass. */
    final List<String> passThreads = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final boolean inProcess;
    private volatile RuntimeException nextFailure;

    /** A scorer the batcher always runs on its worker, as a remote model. */
    HeldScorer() {
        this(false);
    }

    /** @param inProcess what {@link #inProcess()} answers: true lets the batcher score on the caller's thread */
    HeldScorer(boolean inProcess) {
        this.inProcess = inProcess;
    }

    @Override
    public boolean inProcess() {
        return inProcess;
    }

    @Override
    public float[] score(float[][] rows) {
        passThreads.add(Thread.currentThread().getName());
        passSizes.add(rows.length);
        if (passSizes.size() == 1) {
            awaitRelease();
            return Rows.echo(rows);
        }
        RuntimeException failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
        return Rows.echo(rows);
    }

    boolean busy() {
        return !passSizes.isEmpty() && release.getCount() > 0;
    }

    void release() {
        release.countDown();
    }

    /** The next pass after the held one throws {@code failure}. */
    void failNextPassWith(RuntimeException failure) {
        nextFailure = failure;
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
