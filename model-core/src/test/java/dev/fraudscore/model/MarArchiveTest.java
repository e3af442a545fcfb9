package dev.fraudscore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarArchiveTest {

    private static final String MAR_MANIFEST = "{\"runtime\": \"python\", \"model\": {\"modelName\": \"m\","
            + " \"serializedFile\": \"model.pt\", \"handler\": \"base_handler\"}}";

    @TempDir
    Path dir;

    @Test
    void readsTheSerializedFileTheMarManifestNames() throws IOException {
        Path mar = zip(Map.of(MarArchive.MAR_MANIFEST, MAR_MANIFEST, "model.pt", "torchscript bytes"));
        try (MarArchive archive = MarArchive.open(mar)) {
            assertThat(archive.serializedFile()).isEqualTo("model.pt");
            assertThat(archive.describeSerializedFile()).isEqualTo(mar + "!/model.pt");
            assertThat(archive.embeddedManifest()).isEmpty();
            Path copy = dir.resolve("copy.pt");
            archive.extractSerializedFile(copy);
            assertThat(copy).hasContent("torchscript bytes");
        }
    }

    @Test
    void refusesAFileThatIsNotAZip() throws IOException {
        Path mar = Files.writeString(dir.resolve("model.mar"), "not a zip at all");
        assertThatThrownBy(() -> MarArchive.open(mar)).isInstanceOf(InvalidModelException.class)
                .hasMessageStartingWith("the model archive " + mar + " is not a zip file");
    }

    @Test
    void refusesAMissingArchive() {
        Path mar = dir.resolve("absent.mar");
        assertThatThrownBy(() -> MarArchive.open(mar)).isInstanceOf(InvalidModelException.class)
                .hasMessage("the model archive " + mar + " does not exist");
    }

    @Test
    void refusesAZipWithoutMarManifest() throws IOException {
        Path mar = zip(Map.of("model.pt", "x"));
        assertThatThrownBy(() -> MarArchive.open(mar)).isInstanceOf(InvalidModelException.class)
                .hasMessage("the model archive " + mar + " has no MAR-INF/MANIFEST.json, so it is not a TorchServe model archive");
    }

    @Test
    void refusesAMarManifestThatNamesNoSerializedFile() throws IOException {
        Path mar = zip(Map.of(MarArchive.MAR_MANIFEST, "{\"model\": {\"modelName\": \"m\", \"handler\": \"h\"}}"));
        assertThatThrownBy(() -> MarArchive.open(mar)).isInstanceOf(InvalidModelException.class)
                .hasMessage("the MAR-INF/MANIFEST.json of the model archive " + mar
                        + " names no model.serializedFile (the TorchScript file to serve)");
    }

    @Test
    void refusesASerializedFileTheArchiveDoesNotHold() throws IOException {
        Path mar = zip(Map.of(MarArchive.MAR_MANIFEST, MAR_MANIFEST, "other.pt", "x"));
        assertThatThrownBy(() -> MarArchive.open(mar)).isInstanceOf(InvalidModelException.class)
                .hasMessage("the MAR-INF/MANIFEST.json of the model archive " + mar
                        + " names model.serializedFile 'model.pt', which the archive does not hold");
    }

    @Test
    void refusesAMarManifestThatIsNotJson() throws IOException {
        Path mar = zip(Map.of(MarArchive.MAR_MANIFEST, "model: model.pt"));
        assertThatThrownBy(() -> MarArchive.open(mar)).isInstanceOf(InvalidModelException.class)
                .hasMessageStartingWith("the MAR-INF/MANIFEST.json of the model archive " + mar + " is not JSON");
    }

    @Test
    void refusesAnEmbeddedManifestOfAnotherFeatureSet() throws IOException {
        ModelManifest beside = TestManifests.torchScript("1", null);
        String inside = "{\"name\": \"m\", \"version\": \"1\", \"featureSet\": {\"name\": \"fraud\", \"version\": 1,"
                + " \"fingerprint\": \"other\"}, \"inputs\": [\"a\", \"b\"], \"weights\": \"m.mar\"}";
        Path mar = zip(Map.of(MarArchive.MAR_MANIFEST, MAR_MANIFEST, "model.pt", "x", ModelManifest.FILE_NAME, inside));
        try (MarArchive archive = MarArchive.open(mar)) {
            assertThatThrownBy(() -> archive.requireAgreesWith(beside)).isInstanceOf(InvalidModelException.class)
                    .hasMessageContaining("the manifest.json inside the model archive " + mar)
                    .hasMessageContaining("fraud_v1 (fingerprint other)")
                    .hasMessageContaining("but the manifest beside it describes");
        }
        Path agreeing = dir.resolve("agreeing");
        Files.createDirectories(agreeing);
        ModelRepository repository = new ModelRepository(agreeing);
        repository.writeManifest(beside);
        String same = Files.readString(repository.versionDir(beside.name(), beside.version()).resolve(ModelManifest.FILE_NAME));
        try (MarArchive archive = MarArchive.open(zip(Map.of(MarArchive.MAR_MANIFEST, MAR_MANIFEST, "model.pt", "x",
                ModelManifest.FILE_NAME, same)))) {
            archive.requireAgreesWith(beside);
            assertThat(archive.embeddedManifest()).hasValueSatisfying(m -> assertThat(m.inputs()).isEqualTo(List.of("a", "b")));
        }
    }

    private Path zip(Map<String, String> entries) throws IOException {
        Path file = Files.createTempFile(dir, "model-", ".mar");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : new LinkedHashMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
