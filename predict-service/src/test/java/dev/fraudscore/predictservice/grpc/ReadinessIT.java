package dev.fraudscore.predictservice.grpc;

import static dev.fraudscore.predictservice.GrpcAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.predictservice.GrpcTestClient;
import dev.fraudscore.predictservice.HttpTestClient;
import dev.fraudscore.predictservice.TestManifests;
import dev.fraudscore.predictservice.TestOpener;
import dev.fraudscore.predictservice.TestRepository;
import dev.fraudscore.predictservice.model.ModelOpener;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * A service of its own, started on an empty repository: the life of its readiness (gRPC health for the server
 * and for PredictService, actuator readiness) as the default model arrives, loads (held by the opener until the
 * test lets it go), serves, and is deleted again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        "fraudscore.predict.poll-period=100ms",
        "fraudscore.predict.warmup.batch-sizes=1",
        "fraudscore.predict.warmup.rounds=1"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadinessIT {

    private static final String SERVICE = "fraudscore.predict.v1.PredictService";
    private static final String TRAINER = "train one with: java -jar tools/trainer/target/trainer-0.1.0-SNAPSHOT-exec.jar";
    private static final TestRepository REPOSITORY = TestRepository.create("predict-service-readiness-it");

    @TestBean(name = "modelOpener", methodName = "djlOpener")
    ModelOpener modelOpener;

    @LocalGrpcPort
    int grpcPort;

    @LocalServerPort
    int httpPort;

    private GrpcTestClient client;

    static ModelOpener djlOpener() {
        return TestOpener.djl();
    }

    @DynamicPropertySource
    static void modelRepository(DynamicPropertyRegistry properties) {
        properties.add("fraudscore.predict.model-repository", () -> REPOSITORY.root().toString());
    }

    @BeforeEach
    void connect() {
        client = new GrpcTestClient(grpcPort, httpPort);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        opener().releaseOpens();
        client.close();
    }

    @AfterAll
    static void deleteRepository() {
        REPOSITORY.deleteAll();
    }

    @Test
    @Order(1)
    void anEmptyRepositoryKeepsTheServiceUpNotServingAndSaysHowToTrainAModel() {
        await().atMost(Duration.ofSeconds(30)).until(() -> client.actuatorHealth("/readiness").body().contains(TRAINER));

        assertNotServing();
        // Predict is warmed up over the gRPC port only once there is a model to warm
        assertThat(client.actuatorHealth("/readiness").body()).contains("warming up Predict over the gRPC port");
        assertRefused(this::predict, Status.Code.UNAVAILABLE,
                "the default model fraud-mlp has no version to serve yet; served: none yet");
        assertRefused(() -> client.metadata(""), Status.Code.UNAVAILABLE, "the default model fraud-mlp has no version");
    }

    @Test
    @Order(2)
    void isNotServingWhileTheDefaultModelLoadsAndServingOnceItIsWarm() {
        opener().holdOpens();
        REPOSITORY.publish("fraud-mlp", "1", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> opener().opening("fraud-mlp/1"));

        assertNotServing();
        assertRefused(this::predict, Status.Code.UNAVAILABLE,
                "model fraud-mlp has no servable version yet; its versions: 1 (LOADING)");

        opener().releaseOpens();
        await().atMost(Duration.ofSeconds(30)).until(() -> client.health("") == ServingStatus.SERVING);
        assertThat(client.health(SERVICE)).isEqualTo(ServingStatus.SERVING);
        var readiness = client.actuatorHealth("/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("fraud-mlp/1").doesNotContain("warming up Predict");
        assertThat(predict().getModel().getVersion()).isEqualTo("1");
    }

    @Test
    @Order(3)
    void deletingTheLastVersionMakesTheServiceNotServingAgainWithoutStoppingIt() {
        REPOSITORY.delete("fraud-mlp", "1");

        await().atMost(Duration.ofSeconds(30)).until(() -> client.health("") == ServingStatus.NOT_SERVING);
        assertNotServing();
        assertThat(client.actuatorHealth("/readiness").body()).contains(TRAINER);
        assertRefused(this::predict, Status.Code.UNAVAILABLE, "the default model fraud-mlp has no version to serve yet");
    }

    private void assertNotServing() {
        assertThat(client.health("")).isEqualTo(ServingStatus.NOT_SERVING);
        assertThat(client.health(SERVICE)).isEqualTo(ServingStatus.NOT_SERVING);
        assertThat(client.actuatorHealth("/readiness").statusCode()).isEqualTo(503);
        assertThat(client.actuatorHealth().statusCode()).isEqualTo(503);
        // the standard faces read the same readiness: TorchServe's ping and the Open Inference Protocol's probes
        HttpTestClient http = new HttpTestClient(httpPort);
        assertThat(http.get("/ping").json().get("status").asString()).isEqualTo("Unhealthy");
        assertThat(http.get("/ping").status()).isEqualTo(500);
        assertThat(http.get("/v2/health/ready").status()).isEqualTo(503);
        assertThat(http.get("/v2/models/fraud-mlp/ready").json().get("error").asString()).contains("fraud-mlp");
    }

    private PredictResponse predict() {
        return client.predict().predict(GrpcTestClient.request(TestManifests.fraudV1(), TestManifests.rows(1, 1)));
    }

    private TestOpener opener() {
        return (TestOpener) modelOpener;
    }
}
