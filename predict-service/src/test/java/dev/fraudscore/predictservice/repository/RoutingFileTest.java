package dev.fraudscore.predictservice.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.predictservice.batching.BatchingConfig;
import dev.fraudscore.predictservice.domain.Routing;
import dev.fraudscore.predictservice.domain.VersionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingFileTest {

    @TempDir
    Path root;

    private ModelFolders folders;
    private RoutingFile routing;

    @BeforeEach
    void files() throws IOException {
        folders = new ModelFolders(root, new ModelSettings(VersionPolicy.latest(1),
                new BatchingConfig(32, Duration.ofMillis(1), 512), "auto"));
        routing = new RoutingFile(folders);
        Files.createDirectories(root.resolve("fraud-mlp"));
    }

    @Test
    void aNewPrimaryKeepsTheCanaryAndTheOtherShadowsAndReadsBackTheSame() throws IOException {
        write("primary: \"3\"\ncanary: {version: \"4\", percent: 12.5}\nshadows: [\"5\", \"6\"]\n");

        Routing written = routing.writePrimary("fraud-mlp", "5");

        assertThat(written).isEqualTo(new Routing("5", "4", 12.5, List.of("6")));
        assertThat(folders.routing("fraud-mlp")).contains(written);
        try (var files = Files.list(root.resolve("fraud-mlp"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("routing.yaml");
        }
    }

    @Test
    void theCanaryThatBecomesThePrimaryIsNoLongerACanary() throws IOException {
        write("primary: \"3\"\ncanary: {version: \"4\", percent: 10}\n");

        assertThat(routing.writePrimary("fraud-mlp", "4")).isEqualTo(Routing.primaryOnly("4"));
        assertThat(folders.routing("fraud-mlp")).contains(Routing.primaryOnly("4"));
    }

    @Test
    void withoutAFileItWritesThePrimaryAloneAndRestoringRemovesItAgain() {
        Optional<byte[]> before = routing.snapshot("fraud-mlp");

        routing.writePrimary("fraud-mlp", "2");
        assertThat(folders.routing("fraud-mlp")).contains(Routing.primaryOnly("2"));
        routing.restore("fraud-mlp", before);

        assertThat(before).isEmpty();
        assertThat(folders.file("fraud-mlp", ModelFolders.ROUTING)).doesNotExist();
    }

    @Test
    void restoringPutsBackTheBytesThatWereThere() throws IOException {
        String original = "# hand-written\nprimary: 3\n";
        write(original);
        Optional<byte[]> before = routing.snapshot("fraud-mlp");

        routing.writePrimary("fraud-mlp", "2");
        routing.restore("fraud-mlp", before);

        assertThat(folders.file("fraud-mlp", ModelFolders.ROUTING)).hasContent(original);
    }

    @Test
    void aFileItCannotReadIsLeftAsItIsAndRefusedNamingIt() throws IOException {
        write("primary: [\n");

        assertThatThrownBy(() -> routing.writePrimary("fraud-mlp", "2")).isInstanceOfSatisfying(DomainException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.MISMATCH);
                    assertThat(e.getMessage()).startsWith("cannot change the routing of fraud-mlp: "
                            + folders.file("fraud-mlp", ModelFolders.ROUTING)).endsWith("; fix or remove the file first");
                });
        assertThat(folders.file("fraud-mlp", ModelFolders.ROUTING)).hasContent("primary: [\n");
    }

    private void write(String content) throws IOException {
        Files.writeString(folders.file("fraud-mlp", ModelFolders.ROUTING), content);
    }
}
