package dev.fraudscore.predictservice.remote;

import dev.fraudscore.model.InvalidModelException;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.ModelVersion;
import dev.fraudscore.predictservice.remote.internal.RemoteBackend;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Opens versions whose forward pass runs on a remote TorchServe-compatible server, and holds one client (with its
 * connection pool) and one circuit breaker per backend while a version uses it. A backend no version uses any more
 * is closed, so a config.yaml that changes its URL leaves no pool behind.
 */
public final class RemoteBackends implements AutoCloseable {

    private final RemotePolicy policy;
    private final Clock clock;
    private final Map<TorchServeBackend, Shared> backends = new HashMap<>();

    /** @param clock the batch queues' clock: the deadlines of the batches are read from it */
    public RemoteBackends(RemotePolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * A version of {@code manifest} scored by {@code remote}, once the remote says it is healthy ({@code GET /ping});
     * the caller warms it up through the same path as requests.
     *
     * @throws InvalidModelException naming the remote and why it cannot serve
     */
    public ModelVersion open(ModelManifest manifest, TorchServeBackend remote) {
        RemoteBackend backend = acquire(remote);
        try {
            backend.unhealthy().ifPresent(why -> {
                throw new InvalidModelException(remote.describe() + " cannot serve " + manifest.name() + "/"
                        + manifest.version() + ": " + why + "; predict-service tries again as it polls the repository");
            });
            return new RemoteModelVersion(manifest, backend, "remote " + backend.predictionsUrl(), () -> release(remote));
        } catch (RuntimeException e) {
            release(remote);
            throw e;
        }
    }

    /** Backends some version uses now. */
    public synchronized int inUse() {
        return backends.size();
    }

    private synchronized RemoteBackend acquire(TorchServeBackend remote) {
        Shared shared = backends.computeIfAbsent(remote, r -> new Shared(new RemoteBackend(r, policy, clock)));
        shared.users++;
        return shared.backend;
    }

    private synchronized void release(TorchServeBackend remote) {
        Shared shared = backends.get(remote);
        if (shared != null && --shared.users == 0) {
            backends.remove(remote);
            shared.backend.close();
        }
    }

    @Override
    public synchronized void close() {
        backends.values().forEach(shared -> shared.backend.close());
        backends.clear();
    }

    private static final class Shared {
        private final RemoteBackend backend;
        private int users;

        private Shared(RemoteBackend backend) {
            this.backend = backend;
        }
    }
}
