package dev.fraudscore.support.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GrpcAdmissionTest {

    /** A unary call that answers only once the test lets it. */
    private static final MethodDescriptor<String, String> SLOW = TextMarshaller.unary("test.Slow/Call");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GrpcAdmission admission = new GrpcAdmission("feature-service", 2, registry);
    private final CountDownLatch answer = new CountDownLatch(1);
    private Server server;
    private ManagedChannel channel;

    @AfterEach
    void close() {
        answer.countDown();
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void refusesTheCallPastTheLimitAtOnceAndAdmitsAgainOnceOneEnds() throws Exception {
        start();
        ListenableFuture<String> first = call();
        ListenableFuture<String> second = call();
        await().atMost(Duration.ofSeconds(5)).until(() -> admission.inFlight() == 2);

        ExecutionException refused = catchThrowableOfType(ExecutionException.class, () -> call().get(5, TimeUnit.SECONDS));

        Status status = ((StatusRuntimeException) refused.getCause()).getStatus();
        assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(status.getDescription())
                .isEqualTo("feature-service is at its limit of 2 calls in flight; nothing was done, try again shortly");
        assertThat(registry.get("fraudscore.grpc.server.shed").counter().count()).isEqualTo(1);

        answer.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        await().atMost(Duration.ofSeconds(5)).until(() -> admission.inFlight() == 0);
        assertThat(call().get(5, TimeUnit.SECONDS)).isEqualTo("done");
    }

    @Test
    void aCancelledCallThatNeverAnswersFreesItsPlaceWhenItsWorkEnds() throws Exception {
        start();
        ListenableFuture<String> first = call();
        call();
        await().atMost(Duration.ofSeconds(5)).until(() -> admission.inFlight() == 2);

        first.cancel(true);
        assertThat(admission.inFlight()).as("still working: still in flight").isEqualTo(2);
        answer.countDown(); // the cancelled call's handler returns without answering: only onCancel can free it

        await().atMost(Duration.ofSeconds(5)).until(() -> admission.inFlight() == 0);
    }

    @Test
    void neverRefusesTheStandardHealthCheck() throws Exception {
        start();
        call();
        call();
        await().atMost(Duration.ofSeconds(5)).until(() -> admission.inFlight() == 2);

        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance());

        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    private ListenableFuture<String> call() {
        return ClientCalls.futureUnaryCall(channel.newCall(SLOW, CallOptions.DEFAULT.withDeadlineAfter(10,
                TimeUnit.SECONDS)), "x");
    }

    private void start() throws IOException {
        ServerServiceDefinition slow = ServerServiceDefinition.builder("test.Slow")
                .addMethod(SLOW, ServerCalls.asyncUnaryCall((request, reply) -> {
                    try {
                        answer.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (!((ServerCallStreamObserver<String>) reply).isCancelled()) {
                        reply.onNext("done");
                        reply.onCompleted();
                    }
                })).build();
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name)
                .addService(ServerInterceptors.intercept(slow, admission))
                .addService(ServerInterceptors.intercept(new HealthStatusManager().getHealthService(), admission))
                .build().start();
        channel = InProcessChannelBuilder.forName(name).build();
    }
}
