package dev.fraudscore.predictservice.grpc;

import static dev.fraudscore.predictservice.GrpcAssertions.assertRefused;
import static dev.fraudscore.predictservice.GrpcAssertions.states;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.contracts.predict.v1.GetModelMetadataResponse;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.contracts.predict.v1.VersionState;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.predictservice.GrpcTestClient;
import dev.fraudscore.predictservice.RunningService;
import dev.fraudscore.predictservice.TestManifests;
import dev.fraudscore.predictservice.remote.SigmoidTorchServe;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Models whose config.yaml names a torchserve backend, through the service's real gRPC Predict: the manifest is
 * checked here, the scores are the remote's (a MockWebServer playing a TorchServe-compatible server), and the
 * remote's health decides whether a version is servable, now and as the poller comes by.
 */
class TorchServeBackendIT extends RunningService {

    private MockWebServer remote;

    @AfterEach
    void stopRemote() {
        if (remote != null) {
            remote.close();
        }
    }

    @Test
    void aModelOnATorchServeBackendAnswersTheRemotesScoresThroughPredict() throws IOException {
        startRemote("fraud-gpu-remote");
        // config.yaml first, so the poller never sees the version without it; and no weights: they are the remote's
        repository().writeFile("fraud-gpu", "config.yaml", backend("fraud-gpu-remote", "3"));
        repository().publish("fraud-gpu", "7", 7, dir -> Files.delete(dir.resolve("fraud-gpu-0000.params")));

        client.load("fraud-gpu");
        GetModelMetadataResponse metadata = client.metadata("fraud-gpu");
        float[][] rows = TestManifests.rows(4, 9);
        PredictResponse response = client.predict().predict(GrpcTestClient.request("fraud-gpu", "", "card-1", rows));

        assertThat(states(metadata)).isEqualTo(Map.of("7", VersionState.VERSION_STATE_READY));
        assertThat(metadata.getDevice()).isEqualTo("remote http://127.0.0.1:" + remote.getPort()
                + "/predictions/fraud-gpu-remote/3");
        assertThat(response.getModel().getName()).isEqualTo("fraud-gpu");
        assertThat(response.getModel().getVersion()).isEqualTo("7");
        assertThat(response.getScoresList()).containsExactly(SigmoidTorchServe.score(rows[0]),
                SigmoidTorchServe.score(rows[1]), SigmoidTorchServe.score(rows[2]), SigmoidTorchServe.score(rows[3]));
        assertThat(response.getSuggestedThresholds().getDecline()).isEqualTo(TestManifests.THRESHOLDS.decline());
    }

    @Test
    void predictServicesOwnTorchServeFaceIsARemoteTheBackendCanUse() throws IOException {
        // the remote is this very service's TorchServe face on its HTTP port, serving fraud-mlp/2 with DJL
        repository().writeFile("fraud-loop", "config.yaml", "backend: {type: torchserve, url: \"http://127.0.0.1:"
                + httpPort + "\", model: " + DEFAULT_MODEL + ", version: \"2\"}\n");
        repository().publish("fraud-loop", "1", 3, dir -> Files.delete(dir.resolve("fraud-loop-0000.params")));
        client.load("fraud-loop");
        float[][] rows = TestManifests.rows(3, 11);

        PredictResponse viaFace = client.predict().predict(GrpcTestClient.request("fraud-loop", "", "card-1", rows));
        PredictResponse local = client.predict().predict(GrpcTestClient.request(DEFAULT_MODEL, "2", "card-1", rows));

        assertThat(viaFace.getModel().getName()).isEqualTo("fraud-loop");
        assertThat(viaFace.getScoresList()).isEqualTo(local.getScoresList());
    }

    @Test
    void theFeatureSetIsCheckedHereBeforeAnythingIsSentToTheRemote() throws IOException {
        SigmoidTorchServe scorer = startRemote("fraud-gpu-checked");
        repository().writeFile("fraud-gpu-checked", "config.yaml", backend("fraud-gpu-checked", null));
        repository().publish("fraud-gpu-checked", "1", 8);
        client.load("fraud-gpu-checked");
        int afterWarmup = scorer.predictions();
        FeatureSetId other = new FeatureSetId("fraud", 1, "0badf00d");

        assertRefused(() -> client.predict().predict(GrpcTestClient.request(other, TestManifests.rows(1, 1)).toBuilder()
                .setModelName("fraud-gpu-checked").build()), Status.Code.FAILED_PRECONDITION, "0badf00d");
        assertThat(scorer.predictions()).isEqualTo(afterWarmup);
    }

    @Test
    void aRemoteDownAtLoadFailsTheVersionWithItsReasonAndAFollowingPollServesItOnceTheRemoteRecovers()
            throws IOException {
        SigmoidTorchServe scorer = startRemote("fraud-flaky");
        scorer.healthy(false);
        repository().writeFile("fraud-flaky", "config.yaml", backend("fraud-flaky", null));
        repository().publish("fraud-flaky", "1", 9);

        GetModelMetadataResponse failed = client.load("fraud-flaky");

        assertThat(states(failed)).isEqualTo(Map.of("1", VersionState.VERSION_STATE_FAILED));
        assertThat(failed.getVersions(0).getReason()).isEqualTo("the TorchServe-compatible server at http://127.0.0.1:"
                + remote.getPort() + " (model fraud-flaky, its default version) cannot serve fraud-flaky/1: GET http://127.0.0.1:"
                + remote.getPort() + "/ping answered 503 ({\"status\": \"Unhealthy\"}); predict-service tries again as it"
                + " polls the repository");
        assertRefused(() -> client.predict().predict(GrpcTestClient.request("fraud-flaky", "", "card-1",
                TestManifests.rows(1, 1))), Status.Code.UNAVAILABLE, "fraud-flaky has no servable version yet");

        scorer.healthy(true);

        // the metadata is UNAVAILABLE while the model has no servable version
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(StatusRuntimeException.class)
                .until(() -> states(client.metadata("fraud-flaky"))
                .equals(Map.of("1", VersionState.VERSION_STATE_READY)));
        float[][] rows = TestManifests.rows(2, 4);
        assertThat(client.predict().predict(GrpcTestClient.request("fraud-flaky", "", "card-1", rows)).getScoresList())
                .containsExactly(SigmoidTorchServe.score(rows[0]), SigmoidTorchServe.score(rows[1]));
    }

    private SigmoidTorchServe startRemote(String model) throws IOException {
        SigmoidTorchServe scorer = new SigmoidTorchServe(model);
        remote = new MockWebServer();
        remote.setDispatcher(scorer);
        remote.start(InetAddress.getLoopbackAddress(), 0);
        return scorer;
    }

    private String backend(String model, String version) {
        return "backend:\n  type: torchserve\n  url: http://127.0.0.1:" + remote.getPort() + "\n  model: " + model + "\n"
                + (version == null ? "" : "  version: \"" + version + "\"\n") + "  connectTimeout: 200ms\n"
                + "  maxIdleConnections: 4\n  keepAlive: 1m\n";
    }
}
