package dev.fraudscore.predictservice.grpc;

import static dev.fraudscore.contracts.predict.v1.VersionState.VERSION_STATE_FAILED;
import static dev.fraudscore.contracts.predict.v1.VersionState.VERSION_STATE_READY;
import static dev.fraudscore.predictservice.GrpcAssertions.assertRefused;
import static dev.fraudscore.predictservice.GrpcAssertions.states;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.contracts.predict.v1.GetModelMetadataResponse;
import dev.fraudscore.contracts.predict.v1.VersionStatus;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.GrpcTestClient;
import dev.fraudscore.predictservice.Prometheus;
import dev.fraudscore.predictservice.RunningService;
import dev.fraudscore.predictservice.TestManifests;
import io.grpc.Status;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * broken-mlp: version 2 is good, version 3 has corrupt weights and version 4 was trained on a feature set no one
 * serves. Under the latest-1 policy the broken newer versions are refused and version 2 keeps serving.
 */
class BrokenVersionIT extends RunningService {

    private static final String MODEL = "broken-mlp";

    @BeforeAll
    static void publishGoodAndBrokenVersions() {
        repository().publish(MODEL, "1", 1);
        repository().publish(MODEL, "2", 2);
        repository().publish(MODEL, "3", 3, dir -> Files.writeString(dir.resolve(MODEL + "-0000.params"), "not weights"));
        repository().publish(MODEL, "4", 4, dir -> {
            ModelManifest m = TestManifests.fraudV1(MODEL, "4");
            new ModelRepository(dir.getParent().getParent()).writeManifest(new ModelManifest(m.name(), m.version(),
                    m.createdAt(), new FeatureSetId("fraud", 1, "0badf00d"), m.inputs(), m.output(), m.architecture(),
                    m.normalization(), m.metrics(), m.suggestedThresholds(), m.weights(), m.training()));
        });
    }

    @Test
    void theBrokenVersionsAreFailedWithTheirReasonAndTheGoodOneServes() {
        GetModelMetadataResponse metadata = client.load(MODEL);

        assertThat(states(metadata)).isEqualTo(Map.of("2", VERSION_STATE_READY, "3", VERSION_STATE_FAILED,
                "4", VERSION_STATE_FAILED));
        assertThat(version(metadata, "3").getReason()).isEqualTo("cannot load the weights of broken-mlp/3: "
                + repository().root().resolve("broken-mlp/3/broken-mlp-0000.params") + " is not a DJL parameter file");
        assertThat(version(metadata, "4").getReason()).startsWith("its manifest names feature set fraud_v1"
                + " (fingerprint 0badf00d), which no served feature set has");
        assertThat(version(metadata, "4").getFeatureSet().getFingerprint()).isEqualTo("0badf00d");
        assertThat(metadata.getRouting().getPrimary()).isEqualTo("2");
        assertThat(client.predict().predict(GrpcTestClient.request(MODEL, "", "card-1", TestManifests.rows(3, 1)))
                .getModel().getVersion()).isEqualTo("2");
    }

    @Test
    void aBrokenVersionNeverAnswers() {
        client.load(MODEL);

        assertRefused(() -> client.predict().predict(GrpcTestClient.request(MODEL, "3", "card-1", TestManifests.rows(1, 1))),
                Status.Code.NOT_FOUND, "version 3 of broken-mlp is not served; its versions: 2 (READY),"
                        + " 3 (FAILED: cannot load the weights of broken-mlp/3");
    }

    @Test
    void theMetricsCountEachFailureOnceAndShowTheStates() {
        client.load(MODEL);
        client.load(MODEL);

        String metrics = client.prometheus();

        assertThat(Prometheus.sum(metrics, "fraudscore_predict_load_failures_total", "model=\"broken-mlp\"", "version=\"3\""))
                .isEqualTo(1.0);
        assertThat(Prometheus.sum(metrics, "fraudscore_predict_load_failures_total", "model=\"broken-mlp\"", "version=\"4\""))
                .isEqualTo(1.0);
        assertThat(Prometheus.sum(metrics, "fraudscore_predict_versions", "model=\"broken-mlp\"", "state=\"FAILED\""))
                .isEqualTo(2.0);
        assertThat(Prometheus.sum(metrics, "fraudscore_predict_versions", "model=\"broken-mlp\"", "state=\"READY\""))
                .isEqualTo(1.0);
    }

    private static VersionStatus version(GetModelMetadataResponse metadata, String version) {
        return metadata.getVersionsList().stream().filter(v -> v.getVersion().equals(version)).findFirst().orElseThrow();
    }
}
