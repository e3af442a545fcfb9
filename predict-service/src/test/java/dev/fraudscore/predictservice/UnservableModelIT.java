package dev.fraudscore.predictservice;

import static dev.fraudscore.predictservice.PredictServiceIT.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.model.ModelRepository;
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

/** A model version whose weights are missing is refused at load: NOT_SERVING, and callers get the reason. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
class UnservableModelIT {

    private static Path repository;

    @LocalGrpcPort
    int grpcPort;

    @LocalServerPort
    int httpPort;

    private GrpcTestClient client;

    @DynamicPropertySource
    static void modelRepository(DynamicPropertyRegistry registry) {
        registry.add("fraudscore.predict.model-repository", () -> repositoryWithoutWeights().toString());
    }

    private static synchronized Path repositoryWithoutWeights() {
        if (repository == null) {
            repository = TestFiles.newDirectory("predict-service-it-unservable");
            new ModelRepository(repository).writeManifest(TestManifests.fraudV1("fraud-mlp", "1"));
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
    void staysNotServingAndSaysWhyTheModelCannotBeServed() {
        String sentence = "the weights file " + repository.resolve("fraud-mlp/1/fraud-mlp-0000.params")
                + " named by the manifest of fraud-mlp/1 does not exist";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertRefused(
                () -> client.predict().predict(GrpcTestClient.request(TestManifests.fraudV1(), TestManifests.rows(1, 1))),
                Status.Code.UNAVAILABLE, sentence));

        assertThat(client.health("")).isEqualTo(ServingStatus.NOT_SERVING);
        assertThat(client.health(GrpcHealthPublisher.SERVICE)).isEqualTo(ServingStatus.NOT_SERVING);
        assertThat(client.actuatorHealth().statusCode()).isEqualTo(503);
    }
}
