package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenchRepositoryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    @Test
    void seedsVersionOneFromTheSourceAndAddsVersionsThatNameThemselves() throws IOException {
        Path source = temp.resolve("source/other-name/7");
        Files.createDirectories(source);
        Files.writeString(source.resolve("manifest.json"),
                "{\"name\":\"other-name\",\"version\":\"7\",\"weights\":\"w.params\"}");
        Files.writeString(source.resolve("w.params"), "weights");

        try (BenchRepository repository = BenchRepository.seed(source, "fraud-mlp", temp.resolve("work"))) {
            repository.addVersion("2");

            Path model = repository.root().resolve("fraud-mlp");
            JsonNode first = manifest(model.resolve("1"));
            assertThat(first.get("name").asString()).isEqualTo("fraud-mlp");
            assertThat(first.get("version").asString()).isEqualTo("1");
            assertThat(first.get("weights").asString()).isEqualTo("w.params");
            assertThat(manifest(model.resolve("2")).get("version").asString()).isEqualTo("2");
            assertThat(model.resolve("2/w.params")).hasContent("weights");
            // nothing is left beside the versions: the copy in progress was renamed in
            try (Stream<Path> entries = Files.list(model)) {
                assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("1", "2");
            }
        }
    }

    @Test
    void writesModelFilesWholeAndDeletesItselfWhenClosed() throws IOException {
        Path source = temp.resolve("source/fraud-mlp/1");
        Files.createDirectories(source);
        Files.writeString(source.resolve("manifest.json"), "{\"name\":\"fraud-mlp\",\"version\":\"1\"}");
        BenchRepository repository = BenchRepository.seed(source, "fraud-mlp", temp.resolve("work"));

        repository.writeModelFile("routing.yaml", "primary: \"1\"\n");
        repository.writeModelFile("routing.yaml", "primary: \"2\"\n");

        assertThat(repository.root().resolve("fraud-mlp/routing.yaml")).hasContent("primary: \"2\"");
        repository.close();
        assertThat(repository.root()).doesNotExist();
    }

    private static JsonNode manifest(Path version) {
        return JSON.readTree(version.resolve("manifest.json").toFile());
    }
}
