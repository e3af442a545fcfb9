package dev.fraudscore.predictservice.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.predictservice.batching.BatchingConfig;
import dev.fraudscore.predictservice.domain.VersionPolicy;
import dev.fraudscore.predictservice.remote.TorchServeBackend;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The backend section of config.yaml: a remote TorchServe-compatible server instead of DJL in-process. */
class BackendSectionTest {

    private static final ModelSettings DEFAULTS = new ModelSettings(VersionPolicy.latest(1),
            new BatchingConfig(32, Duration.ofMillis(1), 512), "auto");

    @TempDir
    Path root;

    private ModelFolders folders;

    @BeforeEach
    void folders() {
        folders = new ModelFolders(root, DEFAULTS);
    }

    @Test
    void readsEveryFieldOfATorchServeBackend() throws IOException {
        write("""
                backend:
                  type: torchserve
                  url: http://gpu-pool:8080/
                  model: fraud-mlp-gpu
                  version: 3
                  connectTimeout: 200ms
                  callTimeout: 750ms
                  maxIdleConnections: 16
                  keepAlive: 5m
                """);

        ModelSettings settings = folders.settings("fraud-mlp");

        assertThat(settings.remote()).isTrue();
        assertThat(settings.backend()).isEqualTo(new TorchServeBackend(URI.create("http://gpu-pool:8080"), "fraud-mlp-gpu",
                "3", Duration.ofMillis(200), Duration.ofMillis(750), 16, Duration.ofMinutes(5)));
        assertThat(settings.batching()).isEqualTo(DEFAULTS.batching());
    }

    @Test
    void aTorchServeBackendNamingOnlyItsUrlServesOurModelNameOnTheRemotesDefaultVersion() throws IOException {
        write("backend: {type: torchserve, url: \"https://gpu-pool.internal\"}\n");

        assertThat(folders.settings("fraud-mlp").backend())
                .isEqualTo(TorchServeBackend.of(URI.create("https://gpu-pool.internal"), "fraud-mlp", null));
    }

    @Test
    void withoutABackendOrWithTypeLocalTheModelRunsInProcess() throws IOException {
        write("device: cpu\n");
        assertThat(folders.settings("fraud-mlp").remote()).isFalse();

        write("backend: {type: local}\n");
        assertThat(folders.settings("fraud-mlp").remote()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{type: triton, url: 'http://a:1'}                   | backend.type 'triton' is not one of local, torchserve",
            "{type: torchserve}                                  | backend.url is required with type torchserve",
            "{type: torchserve, url: 'gpu-pool:8080'}            | backend.url must be the server's http:// or https://",
            "{type: torchserve, url: 'ftp://a:1'}                | backend.url must be the server's http:// or https://",
            "{type: torchserve, url: 'http://a:1', model: 'a/b'} | backend.model must be a name without '/', not 'a/b'",
            "{type: torchserve, url: 'http://a:1', keepAlive: 0} | backend.keepAlive must be a positive duration",
            "{type: torchserve, url: 'http://a:1', callTimeout: soon} | backend.callTimeout 'soon' is not a duration",
            "{type: torchserve, url: 'http://a:1', maxIdleConnections: -1} | backend.maxIdleConnections must be 0 or more",
            "{type: torchserve, url: 'http://a:1', retries: 3}   | Unrecognized property \"retries\""})
    void anUnusableBackendIsRefusedNamingTheFileAndTheField(String backend, String why) throws IOException {
        write("backend: " + backend + "\n");

        assertThatThrownBy(() -> folders.settings("fraud-mlp")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(root.resolve("fraud-mlp").resolve("config.yaml") + ": ")
                .hasMessageContaining(why);
    }

    private void write(String content) throws IOException {
        Path file = root.resolve("fraud-mlp").resolve(ModelFolders.CONFIG);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
