package dev.fraudscore.support.grpc;

import io.grpc.Metadata;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.ServerBuilderCustomizer;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

/**
 * Every service that serves gRPC gets {@link GrpcStatusMapping} by depending on service-support. The settings below
 * are read when the service starts, never as bean conditions: a service run from its Spring AOT build
 * ({@code -Dspring.aot.enabled=true}, as {@code ./fraudscore up} runs them) fixes its beans when the jar is built, and
 * would otherwise ignore a setting given at start.
 */
@AutoConfiguration
@ConditionalOnClass(GrpcExceptionHandler.class)
public class GrpcSupportAutoConfiguration {

    /** The interceptor of a setting that is off. */
    private static final ServerInterceptor PASS = new ServerInterceptor() {
        @Override
        public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
                ServerCallHandler<ReqT, RespT> next) {
            return next.startCall(call, headers);
        }
    };

    @Bean
    GrpcStatusMapping grpcStatusMapping(@Value("${spring.application.name:the service}") String service) {
        return new GrpcStatusMapping(service);
    }

    /** Runs each gRPC call on its transport thread where {@code fraudscore.grpc.calls-on-transport-threads} is true. */
    @Bean
    <T extends ServerBuilder<T>> ServerBuilderCustomizer<T> transportThreadCalls(
            @Value("${fraudscore.grpc.calls-on-transport-threads:false}") boolean onTransportThreads) {
        return onTransportThreads ? new TransportThreadCalls<>() : builder -> { };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Interceptors {

        /**
         * {@link GrpcCallMetrics} on every gRPC service; a service that counts its calls its own way (predict-service)
         * sets {@code fraudscore.grpc.call-metrics=false}.
         */
        @Bean
        @GlobalServerInterceptor
        ServerInterceptor grpcCallMetrics(@Value("${fraudscore.grpc.call-metrics:true}") boolean enabled,
                ObjectProvider<MeterRegistry> registry) {
            return enabled ? new GrpcCallMetrics(registry.getIfAvailable(() -> Metrics.globalRegistry)) : PASS;
        }

        /**
         * {@link GrpcAdmission} where {@code fraudscore.grpc.max-concurrent-calls} is set (feature-service: its Redis
         * calls time out when thousands wait for them).
         */
        @Bean
        @GlobalServerInterceptor
        ServerInterceptor grpcAdmission(@Value("${spring.application.name:the service}") String service,
                @Value("${fraudscore.grpc.max-concurrent-calls:#{null}}") Integer maxConcurrentCalls,
                ObjectProvider<MeterRegistry> registry) {
            if (maxConcurrentCalls == null) {
                return PASS;
            }
            if (maxConcurrentCalls < 1) {
                throw new IllegalArgumentException("fraudscore.grpc.max-concurrent-calls must be at least 1, not "
                        + maxConcurrentCalls + "; leave it out to admit every call");
            }
            return new GrpcAdmission(service, maxConcurrentCalls, registry.getIfAvailable(() -> Metrics.globalRegistry));
        }
    }
}
