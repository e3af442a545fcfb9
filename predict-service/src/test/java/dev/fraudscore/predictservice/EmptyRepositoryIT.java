package dev.fraudscore.predictservice;

import static dev.fraudscore.predictservice.PredictServiceIT.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.contracts.predict.v1.GetModelMetadataRequest;
import dev.fraudscore.predictservice.health.GrpcHealthPublisher;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With no model version to serve, the service keeps running, NOT_SERVING, and says how to get one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
class EmptyRepositoryIT {

    private static Path repository;

    @LocalGrpcPort
    int grpcPort;

    @LocalServerPort
    int httpPort;

    private GrpcTestClient client;

    @DynamicPropertySource
    static void modelRepository(DynamicPropertyRegistry registry) {
        registry.add("fraudscore.predict.model-repository", () -> emptyRepository().toString());
    }

    private static synchronized Path emptyRepository() {
        if (repository == null) {
            repository = TestFiles.newDirectory("predict-service-it-empty");
        }
        return repository;
    }

    @AfterAll
    static void deleteRepository() {
        TestFiles.deleteRecursively(repository);
    }

    @BeforeEach
    void connect() {
        client = new GrpcTestClient(grpcPort, httpPort);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        client.close();
    }

    @Test
    void staysNotServingAndTellsCallersToTrainAModel() {
        String sentence = "no model version found in " + emptyRepository().toAbsolutePath().normalize()
                + " for fraud-mlp; train one with";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertRefused(
                () -> client.predict().predict(GrpcTestClient.request(TestManifests.fraudV1(), TestManifests.rows(1, 1))),
                Status.Code.UNAVAILABLE, sentence));

        assertThat(client.health("")).isEqualTo(ServingStatus.NOT_SERVING);
        assertThat(client.health(GrpcHealthPublisher.SERVICE)).isEqualTo(ServingStatus.NOT_SERVING);
        assertThat(client.actuatorHealth().statusCode()).isEqualTo(503);
        assertThat(client.actuatorHealth().body()).contains("no model version found");
        assertRefused(() -> client.predict().getModelMetadata(GetModelMetadataRequest.getDefaultInstance()),
                Status.Code.UNAVAILABLE, sentence);
    }
}
