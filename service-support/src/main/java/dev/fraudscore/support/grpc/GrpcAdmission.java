package dev.fraudscore.support.grpc;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admission control: at most {@code maxConcurrentCalls} calls in the service at once (a Resilience4j semaphore
 * bulkhead that never waits); one more is refused at once with RESOURCE_EXHAUSTED, before any work, and counted in
 * {@code fraudscore_grpc_server_shed_total}. Past capacity a service that queues every call only makes each one late
 * (and its store's calls time out); refusing early keeps the admitted calls fast, and the caller's breaker and
 * degraded answer take over. Health checks are never refused.
 */
public final class GrpcAdmission implements ServerInterceptor {

    private static final String HEALTH = "grpc.health.v1.Health";

    private final Bulkhead bulkhead;
    private final Counter shed;
    private final String service;

    public GrpcAdmission(String service, int maxConcurrentCalls, MeterRegistry registry) {
        this.service = service;
        this.bulkhead = Bulkhead.of(service, BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentCalls)
                .maxWaitDuration(Duration.ZERO).build());
        this.shed = Counter.builder("fraudscore.grpc.server.shed")
                .description("gRPC calls refused because the service was at its limit of calls in flight")
                .register(registry);
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        if (HEALTH.equals(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        if (!bulkhead.tryAcquirePermission()) {
            shed.increment();
            call.close(Status.RESOURCE_EXHAUSTED.withDescription(service + " is at its limit of "
                    + bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
                    + " calls in flight; nothing was done, try again shortly"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                bulkhead.onComplete();
            }
        };
        ServerCall<Q, A> releasing = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                release.run();
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener;
        try {
            listener = next.startCall(releasing, headers);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onCancel() {
                release.run();
                super.onCancel();
            }

            @Override
            public void onComplete() {
                release.run();
                super.onComplete();
            }
        };
    }

    /** Calls in the service now. */
    int inFlight() {
        return bulkhead.getBulkheadConfig().getMaxConcurrentCalls() - bulkhead.getMetrics().getAvailableConcurrentCalls();
    }
}
