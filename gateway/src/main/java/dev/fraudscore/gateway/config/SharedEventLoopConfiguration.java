package dev.fraudscore.gateway.config;

import dev.fraudscore.support.netty.SharedEventLoop;
import io.netty.channel.EventLoopGroup;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;

/**
 * The HTTP server, the client to business-api and the rate limiter's Redis client on one event loop
 * ({@link SharedEventLoop}, {@code fraudscore.gateway.io-threads}): a request is read, checked against its caller's
 * token bucket in Redis, sent on to business-api and answered on one thread.
 */
@Configuration(proxyBeanMethods = false)
public class SharedEventLoopConfiguration {

    /** Shut down by the Redis client's resources, not here ({@link SharedEventLoop#shutdown}). */
    @Bean(destroyMethod = "")
    SharedEventLoop sharedEventLoop(GatewayProperties properties) {
        return new SharedEventLoop("gateway-io", properties.ioThreads());
    }

    @Bean
    ClientResourcesBuilderCustomizer redisOnTheSharedLoop(SharedEventLoop loop) {
        return resources -> resources.eventLoopGroupProvider(loop);
    }

    /**
     * Reactor Netty's resources for the public server and for clients made by Spring, on the shared loop instead of
     * Reactor Netty's global one. (The actuator's server, in Spring Boot's management child context, keeps the
     * global loop: it is off the request path.)
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory(SharedEventLoop loop) {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        resources.setLoopResources(new SharedLoopResources(loop.group()));
        return resources;
    }

    /**
     * Spring Cloud Gateway builds its client to business-api itself, on Reactor Netty's global loop unless told; its
     * response timeout is the connection's read timeout, a timer of the loop itself
     * ({@code fraudscore.gateway.upstream-timeout}).
     */
    @Bean
    HttpClientCustomizer upstreamClientOnTheSharedLoop(ReactorResourceFactory resources, GatewayProperties properties) {
        return client -> client.runOn(resources.getLoopResources()).responseTimeout(properties.upstreamTimeout());
    }

    /**
     * Reactor Netty's view of the shared loop. A client connection opens on the thread that asks for it (colocated),
     * so a request and its call to business-api stay on one thread whatever the thread count. Disposing it does
     * nothing: the loop is Lettuce's to shut down.
     */
    private record SharedLoopResources(EventLoopGroup group, EventLoopGroup colocated) implements LoopResources {

        SharedLoopResources(EventLoopGroup group) {
            this(group, LoopResources.colocate(group));
        }

        @Override
        public EventLoopGroup onServer(boolean useNative) {
            return group;
        }

        @Override
        public EventLoopGroup onClient(boolean useNative) {
            return colocated;
        }
    }
}
