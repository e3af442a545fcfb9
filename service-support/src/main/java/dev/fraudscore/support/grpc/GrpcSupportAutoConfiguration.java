package dev.fraudscore.support.grpc;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.ServerBuilderCustomizer;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/** Every service that serves gRPC gets {@link GrpcStatusMapping} by depending on service-support. */
@AutoConfiguration
@ConditionalOnClass(GrpcExceptionHandler.class)
public class GrpcSupportAutoConfiguration {

    @Bean
    GrpcStatusMapping grpcStatusMapping(@Value("${spring.application.name:the service}") String service) {
        return new GrpcStatusMapping(service);
    }

    /**
     * {@link GrpcCallMetrics} on every gRPC service; a service that counts its calls its own way (predict-service)
     * sets {@code fraudscore.grpc.call-metrics=false}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnProperty(name = "fraudscore.grpc.call-metrics", havingValue = "true", matchIfMissing = true)
    static class CallMetrics {

        @Bean
        @GlobalServerInterceptor
        GrpcCallMetrics grpcCallMetrics(ObjectProvider<MeterRegistry> registry) {
            return new GrpcCallMetrics(registry.getIfAvailable(() -> Metrics.globalRegistry));
        }
    }

    /**
     * {@link GrpcAdmission} where {@code fraudscore.grpc.max-concurrent-calls} is set (feature-service: its Redis
     * calls time out when thousands wait for them).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnProperty(name = "fraudscore.grpc.max-concurrent-calls")
    static class Admission {

        @Bean
        @GlobalServerInterceptor
        GrpcAdmission grpcAdmission(@Value("${spring.application.name:the service}") String service,
                @Value("${fraudscore.grpc.max-concurrent-calls}") int maxConcurrentCalls,
                ObjectProvider<MeterRegistry> registry) {
            if (maxConcurrentCalls < 1) {
                throw new IllegalArgumentException("fraudscore.grpc.max-concurrent-calls must be at least 1, not "
                        + maxConcurrentCalls + "; leave it out to admit every call");
            }
            return new GrpcAdmission(service, maxConcurrentCalls, registry.getIfAvailable(() -> Metrics.globalRegistry));
        }
    }

    /** {@link TransportThreadCalls} where {@code fraudscore.grpc.calls-on-transport-threads} is true. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "fraudscore.grpc.calls-on-transport-threads", havingValue = "true")
    static class TransportThreads {

        @Bean
        ServerBuilderCustomizer<?> runCallsOnTransportThreads() {
            return new TransportThreadCalls<>();
        }
    }
}
