package dev.fraudscore.predictservice.repository;

import dev.fraudscore.predictservice.batching.BatchingConfig;
import dev.fraudscore.predictservice.domain.VersionPolicy;
import dev.fraudscore.predictservice.remote.TorchServeBackend;

/**
 * How one model is served: which versions, how its requests are batched, and on which device or remote server.
 *
 * @param device  {@code cpu}, {@code gpu} or {@code auto} (a GPU when DJL sees one); unused with a remote backend
 * @param backend the remote server that runs the forward pass, or {@code null} for DJL in-process
 */
public record ModelSettings(VersionPolicy versionPolicy, BatchingConfig batching, String device,
        TorchServeBackend backend) {

    /** In-process (DJL). */
    public ModelSettings(VersionPolicy versionPolicy, BatchingConfig batching, String device) {
        this(versionPolicy, batching, device, null);
    }

    /** Whether the forward pass runs on a remote server. */
    public boolean remote() {
        return backend != null;
    }
}
