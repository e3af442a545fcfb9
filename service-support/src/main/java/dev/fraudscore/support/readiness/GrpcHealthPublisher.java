package dev.fraudscore.support.readiness;

import io.grpc.BindableService;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@code grpc.health.v1} follow a {@link ReadinessGate} at once (not by polling): the server ("") and
 * each of its services are NOT_SERVING until the gate is ready. Registered before the gRPC server starts,
 * so no client ever sees the health manager's initial SERVING.
 */
public final class GrpcHealthPublisher {

    private static final Logger log = LoggerFactory.getLogger(GrpcHealthPublisher.class);

    public GrpcHealthPublisher(ReadinessGate gate, HealthStatusManager health, List<BindableService> services) {
        List<String> names = services.stream().map(s -> s.bindService().getServiceDescriptor().getName())
                .filter(name -> !name.startsWith("grpc.")).toList();
        gate.onChange(ready -> {
            ServingStatus status = ready ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
            health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
            names.forEach(name -> health.setStatus(name, status));
            log.info("gRPC health of {} is {}", names, status);
        });
    }
}
