package dev.fraudscore.predictservice.grpc;

import static dev.fraudscore.predictservice.GrpcAssertions.assertRefused;
import static dev.fraudscore.predictservice.GrpcAssertions.states;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.contracts.predict.v1.GetModelMetadataResponse;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.contracts.predict.v1.VersionState;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.model.LoadedModel;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.GrpcTestClient;
import dev.fraudscore.predictservice.RunningService;
import dev.fraudscore.predictservice.TestManifests;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default model (fraud-mlp, versions 1 and 2 on disk, latest-1 policy) over real gRPC and DJL. */
class PredictIT extends RunningService {

    private static final String SERVICE = "fraudscore.predict.v1.PredictService";

    @Test
    void scoresRowsExactlyAsModelCoreDoesWithTheVersionItNames() {
        float[][] rows = TestManifests.rows(5, 3);

        PredictResponse response = client.predict().predict(GrpcTestClient.request(TestManifests.fraudV1(), rows));

        assertThat(response.getModel().getName()).isEqualTo(DEFAULT_MODEL);
        assertThat(response.getModel().getVersion()).isEqualTo("2");
        float[] served = scores(response);
        assertThat(served).containsExactly(modelCoreScores("2", rows));
        assertThat(served).isNotEqualTo(modelCoreScores("1", rows));
    }

    @Test
    void answersWithTheScoringVersionsSuggestedThresholds() {
        PredictResponse response = client.predict().predict(GrpcTestClient.request(TestManifests.fraudV1(),
                TestManifests.rows(1, 1)));

        assertThat(response.getSuggestedThresholds().getReview()).isEqualTo(TestManifests.THRESHOLDS.review());
        assertThat(response.getSuggestedThresholds().getDecline()).isEqualTo(TestManifests.THRESHOLDS.decline());
    }

    @Test
    void describesTheModelItsVersionsAndItsRouting() {
        GetModelMetadataResponse metadata = client.metadata("");

        assertThat(metadata.getModel().getName()).isEqualTo(DEFAULT_MODEL);
        assertThat(metadata.getModel().getVersion()).isEqualTo("2");
        assertThat(metadata.getFeatureSet().getFingerprint()).isEqualTo(TestManifests.FRAUD_V1.fingerprint());
        assertThat(metadata.getInputsList()).isEqualTo(TestManifests.FRAUD_V1.featureNames());
        assertThat(metadata.getOutput()).isEqualTo("fraud_probability");
        assertThat(metadata.getMetricsMap()).isEqualTo(TestManifests.METRICS);
        assertThat(metadata.getSuggestedThresholds().getDecline()).isEqualTo(TestManifests.THRESHOLDS.decline());
        assertThat(metadata.getDevice()).isEqualTo(LoadedModel.preferredDevice().toString());
        assertThat(states(metadata)).isEqualTo(Map.of("2", VersionState.VERSION_STATE_READY));
        assertThat(metadata.getVersions(0).getDevice()).isEqualTo(metadata.getDevice());
        assertThat(metadata.getVersions(0).getFeatureSet()).isEqualTo(metadata.getFeatureSet());
        assertThat(metadata.getRouting().getPrimary()).isEqualTo("2");
        assertThat(metadata.getRouting().getCanary()).isEmpty();
        assertThat(metadata.getRouting().getShadowsList()).isEmpty();
        assertThat(metadata.getRouting().getError()).isEmpty();
        assertThat(metadata.getServedModelsList()).contains(DEFAULT_MODEL);
    }

    @Test
    void anUnknownModelIsNotFoundNamingTheServedOnes() {
        assertRefused(() -> client.predict().predict(GrpcTestClient.request("fraud-gbm", "", "card-1",
                TestManifests.rows(1, 1))), Status.Code.NOT_FOUND, "model fraud-gbm is not served here; served: ");
        assertRefused(() -> client.metadata("fraud-gbm"), Status.Code.NOT_FOUND, DEFAULT_MODEL);
    }

    @Test
    void aVersionThatIsNotServedIsNotFoundNamingTheServedOnes() {
        assertRefused(() -> client.predict().predict(GrpcTestClient.request(DEFAULT_MODEL, "1", "card-1",
                        TestManifests.rows(1, 1))), Status.Code.NOT_FOUND,
                "version 1 of fraud-mlp is not served; its versions: 2 (READY)");
    }

    @Test
    void rowsOfAnotherFeatureSetAreRefusedNamingBoth() {
        FeatureSetId other = new FeatureSetId("fraud", 2, "fedcba9876543210");
        assertRefused(() -> client.predict().predict(GrpcTestClient.request(other, TestManifests.rows(1, 1))),
                Status.Code.FAILED_PRECONDITION, "model fraud-mlp/2 was trained on feature set fraud_v1 (fingerprint "
                        + TestManifests.FRAUD_V1.fingerprint() + "), the request carries fraud_v2 (fingerprint fedcba9876543210)");
    }

    @Test
    void rowsOfTheWrongWidthAreInvalid() {
        float[][] rows = TestManifests.rows(2, 1);
        rows[1] = new float[13];
        assertRefused(() -> client.predict().predict(GrpcTestClient.request(TestManifests.fraudV1(), rows)),
                Status.Code.INVALID_ARGUMENT, "row 1 has 13 values but model fraud-mlp/2 takes 14");
    }

    @Test
    void isServingOnceTheDefaultModelServes() {
        assertThat(client.health("")).isEqualTo(ServingStatus.SERVING);
        assertThat(client.health(SERVICE)).isEqualTo(ServingStatus.SERVING);
        var readiness = client.actuatorHealth("/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("fraud-mlp/2");
    }

    /** Scores as model-core computes them for the same version, on the device the service picked. */
    private static float[] modelCoreScores(String version, float[][] rows) {
        try (LoadedModel model = LoadedModel.load(new ModelRepository(repository().root()), DEFAULT_MODEL, version,
                LoadedModel.preferredDevice())) {
            return model.score(rows);
        }
    }

    private static float[] scores(PredictResponse response) {
        float[] scores = new float[response.getScoresCount()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = response.getScores(i);
        }
        return scores;
    }
}
