package dev.fraudscore.predictservice.health;

import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import dev.fraudscore.predictservice.domain.ModelSlot;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes grpc.health.v1 follow the model slot: NOT_SERVING for the server ("") and for
 * {@code fraudscore.predict.v1.PredictService} until the model is loaded and warmed, SERVING after.
 *
 * <p>Spring gRPC's own actuator adapter is not used: it polls (5 s by default) and reports under
 * indicator names, while load balancers and Kubernetes probes ask for the service name at once.
 */
@Component
public class GrpcHealthPublisher {

    public static final String SERVICE = PredictServiceGrpc.SERVICE_NAME;

    public GrpcHealthPublisher(ObjectProvider<HealthStatusManager> health, ModelSlot slot) {
        // Registered in the constructor, before the gRPC server starts, so no client ever sees the
        // manager's initial SERVING for "".
        health.ifAvailable(manager -> slot.onChange(state -> {
            ServingStatus status = state instanceof ModelSlot.Ready ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
            manager.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
            manager.setStatus(SERVICE, status);
        }));
    }
}
