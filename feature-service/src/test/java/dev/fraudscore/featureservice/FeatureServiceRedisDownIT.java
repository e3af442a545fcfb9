package dev.fraudscore.featureservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import dev.fraudscore.contracts.common.v1.Channel;
import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.Transaction;
import dev.fraudscore.testsupport.FreePorts;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service with its Redis unreachable: callers get UNAVAILABLE with a sentence, probes say so. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.grpc.server.port=0", "spring.grpc.server.host=127.0.0.1"})
class FeatureServiceRedisDownIT {

    private static final int CLOSED_PORT = FreePorts.next();

    @DynamicPropertySource
    static void redisNowhere(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> CLOSED_PORT);
    }

    @LocalGrpcPort
    int grpcPort;

    @LocalServerPort
    int httpPort;

    private ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void getFeaturesIsUnavailableNamingTheStore() {
        GetFeaturesRequest request = GetFeaturesRequest.newBuilder()
                .setTransaction(Transaction.newBuilder()
                        .setTransactionId("t-down")
                        .setOccurredAt(Timestamp.newBuilder().setSeconds(1_775_000_000L))
                        .setAmountMinor(100)
                        .setBaseCurrency("EUR")
                        .setCardKey("card-down")
                        .setMerchantKey("m-1")
                        .setChannel(Channel.CHANNEL_ATM))
                .setFeatureSet(FeatureSetRef.newBuilder().setName("fraud").setVersion(1))
                .build();

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
