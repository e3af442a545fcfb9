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
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile RuntimeException nextFailure;

    @Override
    public float[] score(float[][] rows) {
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
