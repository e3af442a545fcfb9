package dev.fraudscore.support.grpc;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/** Every service that serves gRPC gets {@link GrpcStatusMapping} by depending on service-support. */
@AutoConfiguration
@ConditionalOnClass(GrpcExceptionHandler.class)
public class GrpcSupportAutoConfiguration {

    @Bean
    GrpcStatusMapping grpcStatusMapping(@Value("${spring.application.name:the service}") String service) {
        return new GrpcStatusMapping(service);
    }
}
