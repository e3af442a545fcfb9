package dev.fraudscore.predictservice.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.model.MarArchive;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.TestManifests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class VersionImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    private ModelRepository repository;
    private VersionImport imports;

    @BeforeEach
    void repository() {
        repository = new ModelRepository(work.resolve("models"));
        imports = new VersionImport(repository);
    }

    @Test
    void copiesAVersionFolderUnderItsManifestsNameAndVersion() throws IOException {
        Path source = folder("fraud-mlp", "3");
        Files.writeString(source.resolve("report.json"), "{}");

        VersionImport.Imported imported = imports.copy(source, "fraud-mlp");

        assertThat(imported.dir()).isEqualTo(repository.versionDir("fraud-mlp", "3"));
        assertThat(repository.versions("fraud-mlp")).containsExactly("3");
        assertThat(repository.readManifest("fraud-mlp", "3")).usingRecursiveComparison()
                .isEqualTo(TestManifests.fraudV1("fraud-mlp", "3"));
        assertThat(imported.dir().resolve("fraud-mlp-0000.params")).hasContent("weights");
        assertThat(imported.dir().resolve("report.json")).exists();
        try (var left = Files.list(imported.dir().getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("3");
        }
    }

    @Test
    void copiesAnArchiveWithTheManifestInsideIt() throws IOException {
        ModelManifest manifest = marManifest("fraud-ts", "4");
        Path mar = work.resolve("export/fraud-ts.mar");
        Files.createDirectories(mar.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(mar))) {
            entry(zip, MarArchive.MAR_MANIFEST, "{\"model\": {\"serializedFile\": \"model.pt\"}}");
            entry(zip, "model.pt", "torchscript");
            entry(zip, ModelManifest.FILE_NAME, JSON.writeValueAsString(manifest));
        }

        VersionImport.Imported imported = imports.copy(mar, null);

        assertThat(repository.readManifest("fraud-ts", "4")).usingRecursiveComparison().isEqualTo(manifest);
        assertThat(imported.dir().resolve("fraud-ts.mar")).hasSameBinaryContentAs(mar);
    }

    @Test
    void neverOverwritesAVersion() throws IOException {
        imports.copy(folder("fraud-mlp", "3"), null);

        assertRefused(() -> imports.copy(folder("fraud-mlp", "3"), null), DomainException.Kind.MISMATCH,
                "version 3 of fraud-mlp is already in the model repository");
    }

    @Test
    void refusesWhatIsNotAVersionItCanServe() throws IOException {
        Path noWeights = folder("fraud-mlp", "5");
        Files.delete(noWeights.resolve("fraud-mlp-0000.params"));
        Path djlArchive = work.resolve("djl/fraud.mar");
        Files.createDirectories(djlArchive.getParent());
        Files.writeString(djlArchive, "zip");
        JSON.writeValue(djlArchive.resolveSibling(ModelManifest.FILE_NAME).toFile(), TestManifests.fraudV1("fraud-mlp", "6"));

        assertRefused(() -> imports.copy(work.resolve("absent"), null), DomainException.Kind.NOT_FOUND, "nothing is at ");
        assertRefused(() -> imports.copy(folder("fraud-mlp", "3"), "fraud-gbm"), DomainException.Kind.INVALID,
                "model_name fraud-gbm is not the name in the manifest of ");
        assertRefused(() -> imports.copy(folder("fraud-mlp", "v3"), null), DomainException.Kind.INVALID,
                "the manifest of " + work.resolve("export-fraud-mlp-v3/fraud-mlp/v3") + " gives version 'v3'");
        assertRefused(() -> imports.copy(folder("fraud mlp", "3"), null), DomainException.Kind.INVALID, "the manifest of "
                + work.resolve("export-fraud mlp-3/fraud mlp/3") + " names model 'fraud mlp'; a model name is 1 to 128");
        assertRefused(() -> imports.copy(noWeights, null), DomainException.Kind.INVALID, "the manifest of " + noWeights
                + " names weights fraud-mlp-0000.params, which that folder does not hold");
        assertRefused(() -> imports.copy(djlArchive, null), DomainException.Kind.INVALID, "the manifest of " + djlArchive
                + " has format djl-mlp; a .mar is served with format torchserve-mar");
        assertRefused(() -> imports.copy(work, null), DomainException.Kind.INVALID, work + " has no manifest.json");
        assertThat(repository.names()).isEmpty();
    }

    @Test
    void removesACopiedVersionAndTheModelFolderItLeavesEmpty() throws IOException {
        VersionImport.Imported imported = imports.copy(folder("fraud-mlp", "3"), null);

        imports.remove(imported);

        assertThat(repository.names()).isEmpty();
    }

    /** A version folder as the trainer writes one, with stand-in weights (nothing here loads them). */
    private Path folder(String name, String version) throws IOException {
        Path dir = work.resolve("export-" + name + "-" + version).resolve(name).resolve(version);
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve(ModelManifest.FILE_NAME).toFile(), TestManifests.fraudV1(name, version));
        Files.writeString(dir.resolve(name + "-0000.params"), "weights");
        return dir;
    }

    private static ModelManifest marManifest(String name, String version) {
        ModelManifest base = TestManifests.fraudV1(name, version);
        return new ModelManifest(name, version, base.createdAt(), base.featureSet(), base.inputs(), base.output(), null,
                null, base.metrics(), base.suggestedThresholds(), name + ".mar", base.training(), "torchserve-mar", "sigmoid");
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void assertRefused(ThrowingCallable call, DomainException.Kind kind, String sentenceStart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).startsWith(sentenceStart);
        });
    }
}
