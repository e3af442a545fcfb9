package dev.fraudscore.support.readiness;

import io.grpc.BindableService;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** A service with a {@link ReadinessGate} and a gRPC health service gets the gate published to it. */
@AutoConfiguration(afterName = "org.springframework.boot.grpc.server.autoconfigure.health.GrpcServerHealthAutoConfiguration")
@ConditionalOnClass(HealthStatusManager.class)
@ConditionalOnBean({ReadinessGate.class, HealthStatusManager.class})
public class ReadinessAutoConfiguration {

    @Bean
    GrpcHealthPublisher grpcHealthPublisher(ReadinessGate gate, HealthStatusManager health,
            ObjectProvider<BindableService> services) {
        List<BindableService> all = services.orderedStream().toList();
        return new GrpcHealthPublisher(gate, health, all);
    }
}
