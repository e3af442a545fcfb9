package dev.fraudscore.predictservice.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.fraudscore.predictservice.batching.BatchingConfig;
import dev.fraudscore.predictservice.domain.Routing;
import dev.fraudscore.predictservice.domain.VersionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelFoldersTest {

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
    void aModelWithoutConfigGetsTheDefaultsAndWithoutRoutingNone() {
        assertThat(folders.settings("fraud-mlp")).isEqualTo(DEFAULTS);
        assertThat(folders.routing("fraud-mlp")).isEmpty();
    }

    @Test
    void readsEverySettingOfConfigYaml() throws IOException {
        write("config.yaml", """
                versionPolicy: {latest: 2}
                batching: {maxBatchSize: 8, maxQueueDelay: 500us, maxQueuedRows: 64}
                device: cpu
                """);
        assertThat(folders.settings("fraud-mlp")).isEqualTo(new ModelSettings(VersionPolicy.latest(2),
                new BatchingConfig(8, Duration.ofNanos(500_000), 64), "cpu"));
    }

    @Test
    void readsTheSpecificAndAllPolicies() throws IOException {
        write("config.yaml", "versionPolicy: {specific: [\"3\", \"5\"]}\n");
        assertThat(folders.settings("fraud-mlp").versionPolicy())
                .isEqualTo(new VersionPolicy(VersionPolicy.Kind.SPECIFIC, 0, Set.of("3", "5")));
        write("config.yaml", "versionPolicy: {all: true}\n");
        assertThat(folders.settings("fraud-mlp").versionPolicy().kind()).isEqualTo(VersionPolicy.Kind.ALL);
    }

    @Test
    void whatConfigYamlLeavesOutTakesTheDefault() throws IOException {
        write("config.yaml", "batching: {maxQueuedRows: 100}\n");
        assertThat(folders.settings("fraud-mlp")).isEqualTo(new ModelSettings(VersionPolicy.latest(1),
                new BatchingConfig(32, Duration.ofMillis(1), 100), "auto"));
    }

    /** A file that cannot be used, and what its refusal says after the file's path and ": ". */
    static Stream<Arguments> unusableFiles() {
        return Stream.of(
                arguments(ModelFolders.CONFIG, "device: cpu\nbatchSize: 8\n", "Unrecognized property \"batchSize\""),
                arguments(ModelFolders.CONFIG, "versionPolicy: {latest: 1, all: true}\n",
                        "versionPolicy takes exactly one of latest: N, specific: [versions] or all: true"),
                arguments(ModelFolders.CONFIG, "versionPolicy: {latest: 0}\n",
                        "a latest-versions policy serves at least 1 version, not 0"),
                arguments(ModelFolders.CONFIG, "batching: {maxQueueDelay: soon}\n",
                        "batching.maxQueueDelay 'soon' is not a duration such as 2ms"),
                arguments(ModelFolders.CONFIG, "batching: {maxBatchSize: 64, maxQueuedRows: 8}\n",
                        "the batch queue must hold at least one full batch of 64 rows"),
                arguments(ModelFolders.CONFIG, "device: tpu\n", "device 'tpu' is not one of cpu, gpu, auto"),
                arguments(ModelFolders.CONFIG, "versionPolicy: [latest\n", ""),
                arguments(ModelFolders.ROUTING, "shadows: [2]\n", "primary is required: the version that answers by default"),
                arguments(ModelFolders.ROUTING, "primary: 1\ncanary: {version: 2}\n",
                        "canary needs both version and percent, e.g. {version: 4, percent: 10}"),
                arguments(ModelFolders.ROUTING, "primary: 1\ncanary: {version: 2, percent: 120}\n",
                        "the canary share must be between 0 and 100 percent, not 120.0"),
                arguments(ModelFolders.ROUTING, "primary: 1\ncanaries: []\n", "Unrecognized property \"canaries\""));
    }

    @ParameterizedTest
    @MethodSource("unusableFiles")
    void refusesAnUnusableFileNamingItAndWhatIsWrong(String name, String content, String why) throws IOException {
        Path file = write(name, content);
        assertThatThrownBy(() -> {
            if (name.equals(ModelFolders.CONFIG)) {
                folders.settings("fraud-mlp");
            } else {
                folders.routing("fraud-mlp");
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(file + ": " + why);
    }

    @Test
    void readsTheRoutingFile() throws IOException {
        write("routing.yaml", """
                primary: 3
                canary: {version: 4, percent: 12.5}
                shadows: [5, 6]
                """);
        assertThat(folders.routing("fraud-mlp")).contains(new Routing("3", "4", 12.5, List.of("5", "6")));
    }

    @Test
    void aRoutingFileWithOnlyAPrimaryHasNoCanaryAndNoShadows() throws IOException {
        write("routing.yaml", "primary: 3\n");
        assertThat(folders.routing("fraud-mlp")).contains(Routing.primaryOnly("3"));
    }

    private Path write(String name, String content) throws IOException {
        Path file = folders.file("fraud-mlp", name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
