package dev.fraudscore.featureservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.testsupport.FreePorts;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service with its Redis unreachable: callers get UNAVAILABLE with a sentence, probes say so. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.grpc.server.port=0", "spring.grpc.server.host=127.0.0.1"})
class FeatureServiceRedisDownIT extends GrpcClientIT {

    private static final int CLOSED_PORT = FreePorts.next();

    @DynamicPropertySource
    static void redisNowhere(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> CLOSED_PORT);
    }

    @LocalServerPort
    int httpPort;

    @Test
    void getFeaturesIsUnavailableNamingTheStore() {
        GetFeaturesRequest request = atmPayment("t-down", "card-down");

        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, () ->
                FeatureServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).getFeatures(request));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(error.getStatus().getDescription())
                .isEqualTo("the feature store (Redis at 127.0.0.1:" + CLOSED_PORT + ") is unreachable");
    }

    @Test
    void grpcHealthTurnsNotServing() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.newBuilder().setService("").build()).getStatus())
                .isEqualTo(ServingStatus.NOT_SERVING));
    }

    @Test
    void actuatorHealthIsDown() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"redis\":{\"status\":\"DOWN\"}");
    }
}
