package dev.fraudscore.predictservice;

import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.ModelVersion;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A model version whose forward passes wait at a gate while it is held: a test keeps a request in flight (and
 * the version's batch queue busy) for as long as it needs. The gate starts open, so warm-up passes through.
 */
public final class GatedModelVersion implements ModelVersion {

    private final ModelVersion model;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public GatedModelVersion(ModelVersion model) {
        this.model = model;
    }

    /** From now on, each forward pass waits for {@link #open()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    /** Lets the waiting pass and every later one through. */
    public void open() {
        gate.countDown();
    }

    /** Whether a forward pass is waiting at the gate. */
    public boolean busy() {
        return busy.get();
    }

    public boolean closed() {
        return closed.get();
    }

    @Override
    public float[] score(float[][] rows) {
        CountDownLatch waitFor = gate;
        busy.set(waitFor.getCount() > 0);
        try {
            waitFor.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the gate of " + ref(), e);
        } finally {
            busy.set(false);
        }
        return model.score(rows);
    }

    @Override
    public ModelManifest manifest() {
        return model.manifest();
    }

    @Override
    public String device() {
        return model.device();
    }

    @Override
    public void close() {
        closed.set(true);
        model.close();
    }
}
