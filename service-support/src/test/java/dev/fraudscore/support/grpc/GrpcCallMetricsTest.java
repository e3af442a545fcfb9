package dev.fraudscore.support.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ServerInterceptors;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GrpcCallMetricsTest {

    private static final String CHECK = "grpc.health.v1.Health/Check";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private InProcessGrpc grpc;

    @AfterEach
    void close() {
        grpc.close();
    }

    @Test
    void timesEachCallByMethodAndStatusCode() throws Exception {
        HealthStatusManager health = new HealthStatusManager();
        grpc = InProcessGrpc.start(server -> server.directExecutor()
                .addService(ServerInterceptors.intercept(health.getHealthService(), new GrpcCallMetrics(registry))));
        HealthGrpc.HealthBlockingStub stub = HealthGrpc.newBlockingStub(grpc.channel()).withDeadlineAfter(5, TimeUnit.SECONDS);

        stub.check(HealthCheckRequest.newBuilder().build());
        stub.check(HealthCheckRequest.newBuilder().build());
        assertThatThrownBy(() -> stub.check(HealthCheckRequest.newBuilder().setService("no-such-service").build()))
                .isInstanceOf(StatusRuntimeException.class);

        assertThat(registry.get(GrpcCallMetrics.NAME).tag("method", CHECK).tag("code", "OK").timer().count())
                .isEqualTo(2);
        assertThat(registry.get(GrpcCallMetrics.NAME).tag("method", CHECK).tag("code", "NOT_FOUND").timer().count())
                .isEqualTo(1);
    }
}
