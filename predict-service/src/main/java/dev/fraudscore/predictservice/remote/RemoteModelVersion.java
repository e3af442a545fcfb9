package dev.fraudscore.predictservice.remote;

import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.ModelVersion;
import dev.fraudscore.predictservice.remote.internal.RemoteBackend;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A version whose manifest (feature set, inputs, thresholds) is read and checked here, as for a local version, and
 * whose forward pass runs on a remote server. Closing it gives back its share of the backend's client.
 */
final class RemoteModelVersion implements ModelVersion {

    private final ModelManifest manifest;
    private final RemoteBackend backend;
    private final String device;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    RemoteModelVersion(ModelManifest manifest, RemoteBackend backend, String device, Runnable onClose) {
        this.manifest = manifest;
        this.backend = backend;
        this.device = device;
        this.onClose = onClose;
    }

    @Override
    public ModelManifest manifest() {
        return manifest;
    }

    /** {@code remote <url>/predictions/<model>[/<version>]}, in the metadata and the logs. */
    @Override
    public String device() {
        return device;
    }

    /** A call with no deadline of its own (the warm-up): backend.callTimeout bounds it. */
    @Override
    public float[] score(float[][] rows) {
        return score(rows, Instant.MAX);
    }

    @Override
    public float[] score(float[][] rows, Instant deadline) {
        return backend.predict(rows, deadline);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }
}
