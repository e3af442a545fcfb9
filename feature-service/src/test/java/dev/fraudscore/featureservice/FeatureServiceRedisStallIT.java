package dev.fraudscore.featureservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.testsupport.TestRedis;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service with a Redis that takes connections but stops answering: a GetFeatures fails UNAVAILABLE once the
 * client's command timeout ({@code spring.data.redis.timeout}) is up, not when Redis answers again.
 */
@SpringBootTest(properties = {"spring.grpc.server.port=0", "spring.grpc.server.host=127.0.0.1",
        "spring.data.redis.timeout=500ms"})
class FeatureServiceRedisStallIT extends GrpcClientIT {

    /** Its own server: the test pauses every client of it. */
    private static final TestRedis REDIS = TestRedis.privateServer();
    private static final Duration PAUSE = Duration.ofSeconds(4);

    @DynamicPropertySource
    static void privateRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", REDIS::host);
        registry.add("spring.data.redis.port", REDIS::port);
    }

    @Test
    void getFeaturesFailsAfterTheCommandTimeoutWhileRedisStalls() {
        FeatureServiceGrpc.FeatureServiceBlockingStub features = FeatureServiceGrpc.newBlockingStub(channel);
        assertThat(features.withDeadlineAfter(10, TimeUnit.SECONDS).getFeatures(atmPayment("t-before", "card-stall"))
                .getValuesCount()).as("answered while Redis answers").isPositive();

        pauseEveryClient();
        long started = System.nanoTime();
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, () ->
                features.withDeadlineAfter(10, TimeUnit.SECONDS).getFeatures(atmPayment("t-stalled", "card-stall")));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(error.getStatus().getDescription())
                .isEqualTo("the feature store (Redis at " + REDIS.host() + ":" + REDIS.port() + ") is unreachable");
        assertThat(waited).as("failed on the 500 ms command timeout, before the pause ended").isLessThan(PAUSE);
    }

    /** {@code CLIENT PAUSE}: Redis keeps the connections and answers nothing until the pause is over. */
    private static void pauseEveryClient() {
        RedisClient client = RedisClient.create("redis://" + REDIS.host() + ":" + REDIS.port());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().clientPause(PAUSE.toMillis());
        } finally {
            client.shutdown();
        }
    }
}
