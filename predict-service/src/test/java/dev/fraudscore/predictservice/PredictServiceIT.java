package dev.fraudscore.predictservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.contracts.predict.v1.GetModelMetadataRequest;
import dev.fraudscore.contracts.predict.v1.ModelMetadata;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.model.LoadedModel;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.health.GrpcHealthPublisher;
import dev.fraudscore.predictservice.model.LoadExecutor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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

/** The service over real gRPC (Netty, port 0) and real HTTP, with a repository holding versions 1 and 2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        "fraudscore.predict.max-rows-per-request=64",
        "fraudscore.predict.warmup.batch-sizes=1,8,64"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PredictServiceIT {

    private static final String MODEL = "fraud-mlp";
    private static final HeldLoads LOADS = new HeldLoads();
    private static Path repository;

    @TestBean(name = "modelLoadExecutor")
    LoadExecutor modelLoadExecutor;

    @LocalGrpcPort
    int grpcPort;

    @LocalServerPort
    int httpPort;

    private GrpcTestClient client;

    static LoadExecutor modelLoadExecutor() {
        return LOADS;
    }

    @DynamicPropertySource
    static void modelRepository(DynamicPropertyRegistry registry) {
        registry.add("fraudscore.predict.model-repository", () -> repository().toString());
    }

    private static synchronized Path repository() {
        if (repository == null) {
            repository = TestFiles.newDirectory("predict-service-it-models");
            TestModelVersions.write(repository, MODEL, "1", 11);
            TestModelVersions.write(repository, MODEL, "2", 22);
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
    @Order(1)
    void reportsNotServingUntilTheModelIsLoadedAndWarm() {
        assertThat(grpcPort).isNotEqualTo(httpPort);
        assertThat(client.health("")).isEqualTo(ServingStatus.NOT_SERVING);
        assertThat(client.health(GrpcHealthPublisher.SERVICE)).isEqualTo(ServingStatus.NOT_SERVING);
        assertThat(client.actuatorHealth().statusCode()).isEqualTo(503);
        assertThat(client.actuatorHealth().body()).contains("the model is still loading");
        assertThat(client.actuatorHealth("/readiness").statusCode()).isEqualTo(503);
        assertRefused(() -> client.predict().predict(GrpcTestClient.request(TestManifests.fraudV1(),
                TestManifests.rows(1, 1))), Status.Code.UNAVAILABLE, "the model is still loading");
        assertRefused(() -> client.predict().getModelMetadata(GetModelMetadataRequest.getDefaultInstance()),
                Status.Code.UNAVAILABLE, "the model is still loading");

        LOADS.release();

        awaitServing();
        assertThat(client.health("")).isEqualTo(ServingStatus.SERVING);
        assertThat(client.actuatorHealth().statusCode()).isEqualTo(200);
        assertThat(client.actuatorHealth().body()).contains("fraud-mlp/2", LoadedModel.preferredDevice().toString());
        assertThat(client.actuatorHealth("/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void scoresEachRowWithTheNewestVersionExactlyAsModelCoreDoes() {
        awaitServing();
        float[][] rows = TestManifests.rows(5, 3);

        PredictResponse response = client.predict().predict(GrpcTestClient.request(TestManifests.fraudV1(), rows));

        assertThat(response.getModel().getName()).isEqualTo(MODEL);
        assertThat(response.getModel().getVersion()).isEqualTo("2");
        assertThat(response.getScoresList()).hasSize(5).allSatisfy(score -> assertThat(score).isBetween(0f, 1f));
        float[] served = toArray(response);
        assertThat(served).containsExactly(scoresOf("2", rows), offset(1e-6f));
        assertThat(served).isNotEqualTo(scoresOf("1", rows));
    }

    @Test
    @Order(3)
    void refusesAnotherFingerprintNamingBoth() {
        awaitServing();
        FeatureSetId other = new FeatureSetId("fraud", 2, "fedcba9876543210");
        assertRefused(() -> client.predict().predict(GrpcTestClient.request(other, TestManifests.rows(1, 1))),
                Status.Code.FAILED_PRECONDITION, description -> assertThat(description)
                        .contains("model fraud-mlp/2 was trained on feature set fraud_v1")
                        .contains(TestManifests.FRAUD_V1.fingerprint())
                        .contains("the request carries fraud_v2 (fingerprint fedcba9876543210)"));
        FeatureSetId unnamed = new FeatureSetId("fraud", 1, "");
        assertRefused(() -> client.predict().predict(GrpcTestClient.request(unnamed, TestManifests.rows(1, 1))),
                Status.Code.FAILED_PRECONDITION, "without a fingerprint");
    }

    @Test
    @Order(4)
    void refusesMalformedRowsNamingWhatIsWrong() {
        awaitServing();
        float[][] rows = TestManifests.rows(2, 1);
        rows[1] = new float[13];
        assertRefused(() -> client.predict().predict(GrpcTestClient.request(TestManifests.fraudV1(), rows)),
                Status.Code.INVALID_ARGUMENT, "row 1 has 13 values but model fraud-mlp/2 takes 14");
        assertRefused(() -> client.predict().predict(GrpcTestClient.request(TestManifests.fraudV1(), new float[0][])),
                Status.Code.INVALID_ARGUMENT, "the request has no rows");
        assertRefused(() -> client.predict().predict(GrpcTestClient.request(TestManifests.fraudV1(),
                TestManifests.rows(65, 1))), Status.Code.INVALID_ARGUMENT, "at most 64 are accepted");
    }

    @Test
    @Order(5)
    void describesTheServedModelFromItsManifest() {
        awaitServing();
        ModelMetadata metadata = client.predict().getModelMetadata(GetModelMetadataRequest.getDefaultInstance());

        assertThat(metadata.getModel().getName()).isEqualTo(MODEL);
        assertThat(metadata.getModel().getVersion()).isEqualTo("2");
        assertThat(metadata.getFeatureSet().getName()).isEqualTo("fraud");
        assertThat(metadata.getFeatureSet().getVersion()).isEqualTo(1);
        assertThat(metadata.getFeatureSet().getFingerprint()).isEqualTo(TestManifests.FRAUD_V1.fingerprint());
        assertThat(metadata.getInputsList()).isEqualTo(TestManifests.FRAUD_V1.featureNames());
        assertThat(metadata.getOutput()).isEqualTo("fraud_probability");
        assertThat(metadata.getMetricsMap()).isEqualTo(TestManifests.METRICS);
        assertThat(metadata.getSuggestedThresholds().getReview()).isEqualTo(TestManifests.THRESHOLDS.review());
        assertThat(metadata.getSuggestedThresholds().getDecline()).isEqualTo(TestManifests.THRESHOLDS.decline());
        assertThat(metadata.getDevice()).isEqualTo(LoadedModel.preferredDevice().toString());
    }

    private void awaitServing() {
        LOADS.release();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(client.health(GrpcHealthPublisher.SERVICE)).isEqualTo(ServingStatus.SERVING));
    }

    /** Scores as model-core computes them, on the device the service picked. */
    private static float[] scoresOf(String version, float[][] rows) {
        try (LoadedModel model = LoadedModel.load(new ModelRepository(repository()), MODEL, version,
                LoadedModel.preferredDevice())) {
            return model.score(rows);
        }
    }

    private static float[] toArray(PredictResponse response) {
        float[] scores = new float[response.getScoresCount()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = response.getScores(i);
        }
        return scores;
    }

    static void assertRefused(ThrowingCallable call, Status.Code code, String descriptionPart) {
        assertRefused(call, code, description -> assertThat(description).contains(descriptionPart));
    }

    static void assertRefused(ThrowingCallable call, Status.Code code, Consumer<String> description) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            description.accept(e.getStatus().getDescription());
        });
    }
}
