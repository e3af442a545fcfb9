package dev.fraudscore.postprocess.config;

import dev.fraudscore.postprocess.grpc.SelfWarmup;
import dev.fraudscore.support.readiness.GrpcSelfWarmup;
import dev.fraudscore.support.readiness.ReadinessGate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Ready (grpc.health.v1 and actuator readiness) once Decide has been warmed up over the gRPC port. The policy is
 * loaded before the context starts, so there is nothing else to wait for. Not imported by the embedded deployment,
 * which serves no gRPC.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

    @Bean
    ReadinessGate readinessGate() {
        return new ReadinessGate(GrpcSelfWarmup.CONDITION, "warming up Decide over the gRPC port");
    }

    @Bean
    GrpcSelfWarmup selfWarmup(ReadinessGate gate) {
        return new GrpcSelfWarmup(gate, "decide-warmup", new SelfWarmup()::warm);
    }
}
