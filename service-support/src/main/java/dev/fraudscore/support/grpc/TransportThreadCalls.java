package dev.fraudscore.support.grpc;

import io.grpc.ServerBuilder;
import org.springframework.grpc.server.ServerBuilderCustomizer;

/**
 * Runs each gRPC call on the transport thread that read it, with no executor in between
 * ({@code fraudscore.grpc.calls-on-transport-threads=true}). For a service whose calls never block: each executor hop
 * saved is a thread wake-up less per call (README "CPU budget"). A call that does block (waits on a store, a lock, a
 * file) must hand that work to an executor of its own, or it stalls every call sharing its transport thread.
 */
final class TransportThreadCalls<T extends ServerBuilder<T>> implements ServerBuilderCustomizer<T> {

    @Override
    public void customize(T builder) {
        builder.directExecutor();
    }
}
