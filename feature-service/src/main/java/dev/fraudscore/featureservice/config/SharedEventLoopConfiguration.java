package dev.fraudscore.featureservice.config;

import dev.fraudscore.support.netty.SharedEventLoop;
import io.grpc.netty.NettyServerBuilder;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.ServerBuilderCustomizer;

/** The gRPC server and the Redis client on one event loop ({@link SharedEventLoop}). */
@Configuration(proxyBeanMethods = false)
public class SharedEventLoopConfiguration {

    /** Shut down by the Redis client's resources, not here ({@link SharedEventLoop#shutdown}). */
    @Bean(destroyMethod = "")
    SharedEventLoop sharedEventLoop(FeatureServiceProperties properties) {
        return new SharedEventLoop("feature-io", properties.ioThreads());
    }

    @Bean
    ClientResourcesBuilderCustomizer redisOnTheSharedLoop(SharedEventLoop loop) {
        return resources -> resources.eventLoopGroupProvider(loop);
    }

    @Bean
    ServerBuilderCustomizer<NettyServerBuilder> grpcOnTheSharedLoop(SharedEventLoop loop) {
        return server -> server.bossEventLoopGroup(loop.group()).workerEventLoopGroup(loop.group())
                .channelType(loop.serverChannel());
    }
}
