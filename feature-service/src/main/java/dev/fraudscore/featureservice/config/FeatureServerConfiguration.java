package dev.fraudscore.featureservice.config;

import io.grpc.netty.NettyServerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.ServerBuilderCustomizer;

/**
 * The gRPC server runs each call on the transport thread that read it, with no executor in between: GetFeatures
 * never blocks (it answers from Lettuce's I/O thread when Redis replies) and RecordLabel hands its blocking work to
 * the application's task executor, so the only threads a request crosses are the server's transport thread and
 * Lettuce's. Each executor hop saved is a thread wake-up less per call (README "CPU budget").
 */
@Configuration(proxyBeanMethods = false)
public class FeatureServerConfiguration {

    @Bean
    ServerBuilderCustomizer<NettyServerBuilder> runCallsOnTransportThreads() {
        return NettyServerBuilder::directExecutor;
    }
}
