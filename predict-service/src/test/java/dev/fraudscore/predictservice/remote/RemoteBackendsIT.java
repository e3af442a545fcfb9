package dev.fraudscore.predictservice.remote;

import static dev.fraudscore.predictservice.remote.RemoteAnswers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.model.InvalidModelException;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.TestManifests;
import dev.fraudscore.predictservice.domain.ModelVersion;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opening remote-backed versions: the remote's health decides, and versions on one backend share its client. */
class RemoteBackendsIT {

    private static final ModelManifest MANIFEST = TestManifests.fraudV1("fraud-gpu", "7");

    private final RemoteBackends remotes = new RemoteBackends(RemotePolicy.defaults(), Clock.systemUTC());
    private MockWebServer server;
    private TorchServeBackend remote;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        remote = TorchServeBackend.of(URI.create("http://127.0.0.1:" + server.getPort()), "fraud-gpu-remote", "3");
    }

    @AfterEach
    void stop() {
        remotes.close();
        server.close();
    }

    @Test
    void aRemoteThatIsNotHealthyIsRefusedWithTheReasonAndLeavesNoClientOpen() {
        server.enqueue(json(503, "{\"status\": \"Unhealthy\"}"));

        assertThatThrownBy(() -> remotes.open(MANIFEST, remote)).isInstanceOf(InvalidModelException.class)
                .hasMessage(remote.describe() + " cannot serve fraud-gpu/7: GET " + remote.url() + "/ping answered 503"
                        + " ({\"status\": \"Unhealthy\"}); predict-service tries again as it polls the repository");
        assertThat(remotes.inUse()).isZero();
    }

    @Test
    void aRemoteThatIsDownIsRefusedWithTheReason() {
        server.close();

        assertThatThrownBy(() -> remotes.open(MANIFEST, remote)).isInstanceOf(InvalidModelException.class)
                .hasMessageStartingWith(remote.describe() + " cannot serve fraud-gpu/7: GET " + remote.url()
                        + "/ping failed (java.net.ConnectException");
    }

    @Test
    void aHealthyRemoteServesTheVersionWithItsLocalManifest() {
        server.enqueue(json(200, "{\"status\": \"Healthy\"}"));
        server.enqueue(json(200, "[0.125]"));

        try (ModelVersion version = remotes.open(MANIFEST, remote)) {
            assertThat(version.manifest()).isEqualTo(MANIFEST);
            assertThat(version.device()).isEqualTo("remote " + remote.url() + "/predictions/fraud-gpu-remote/3");
            assertThat(version.score(TestManifests.rows(1, 1), Instant.MAX)).containsExactly(0.125f);
        }
    }

    @Test
    void versionsOnOneBackendShareItsClientUntilTheLastIsClosed() {
        server.enqueue(json(200, "{\"status\": \"Healthy\"}"));
        server.enqueue(json(200, "{\"status\": \"Healthy\"}"));
        ModelVersion first = remotes.open(MANIFEST, remote);
        ModelVersion second = remotes.open(TestManifests.fraudV1("fraud-gpu", "8"), remote);
        assertThat(remotes.inUse()).isEqualTo(1);

        first.close();
        first.close();
        assertThat(remotes.inUse()).isEqualTo(1);
        second.close();
        assertThat(remotes.inUse()).isZero();
    }

}
