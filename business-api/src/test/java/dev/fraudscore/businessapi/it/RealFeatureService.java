package dev.fraudscore.businessapi.it;

import dev.fraudscore.featureservice.domain.FeatureComputer;
import dev.fraudscore.featureservice.domain.ServedFeatureSets;
import dev.fraudscore.featureservice.grpc.FeatureServiceEndpoint;
import dev.fraudscore.featureservice.store.HistoryTtls;
import dev.fraudscore.featureservice.store.RedisFeatureStores;
import dev.fraudscore.support.grpc.GrpcStatusMapping;
import dev.fraudscore.testsupport.TestRedis;
import dev.fraudscore.testsupport.TestRedisTemplate;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.springframework.grpc.server.exception.GrpcExceptionHandlerInterceptor;

/**
 * feature-service's real endpoint, computer and Redis store (both sets, record-in-label-sets on) on a port of its
 * own, with the service's one status mapping. Stops and starts again on the same port, so business-api's channel
 * finds it back.
 */
final class RealFeatureService implements AutoCloseable {

    private final TestRedisTemplate redis = TestRedisTemplate.open();
    private final FeatureServiceEndpoint endpoint;
    private Server server;
    private int port;

    RealFeatureService() {
        ServedFeatureSets sets = ServedFeatureSets.of(List.of("fraud_v1", "fraud_v2"));
        RedisFeatureStores stores = new RedisFeatureStores(redis.template(), TestRedis.uniquePrefix(),
                HistoryTtls.of(Duration.ofHours(25), Duration.ofHours(24)), Clock.systemUTC(), "Redis under test");
        endpoint = new FeatureServiceEndpoint(new FeatureComputer(sets, stores::storeOf, stores, true),
                new GrpcStatusMapping("feature-service"), ForkJoinPool.commonPool());
        start(0);
    }

    String target() {
        return "127.0.0.1:" + port;
    }

    FeatureServiceEndpoint endpoint() {
        return endpoint;
    }

    void start(int onPort) {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", onPort))
                    .addService(ServerInterceptors.intercept(endpoint,
                            new GrpcExceptionHandlerInterceptor(new GrpcStatusMapping("feature-service"))))
                    .build().start();
            port = server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    void restart() {
        if (server.isShutdown()) {
            start(port);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        redis.close();
    }
}
