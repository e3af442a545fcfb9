package dev.fraudscore.model;

import static dev.fraudscore.model.TestManifests.torchScript;
import static dev.fraudscore.model.TestManifests.withFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.fraudscore.features.FeatureSetId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's {@code format} and {@code outputTransform}, and what is checked before any native code runs. */
class ModelFormatsTest {

    @TempDir
    Path root;

    @Test
    void aManifestWithoutFormatIsTheTrainersDjlMlpAndIsWrittenWithoutTheNewFields() throws IOException {
        ModelManifest legacy = new ModelManifest("m", "1", "now", new FeatureSetId("fraud", 1, "abc"),
                List.of("a", "b"), "p", new ModelManifest.Architecture("mlp", 2, List.of(4)),
                new ModelManifest.Normalization(new float[2], new float[] {1f, 1f}), Map.of(), null, "m-0000.params", Map.of());
        ModelRepository repository = new ModelRepository(root);
        repository.writeManifest(legacy);

        String json = Files.readString(repository.versionDir("m", "1").resolve(ModelManifest.FILE_NAME));
        assertThat(json).doesNotContain("format").doesNotContain("outputTransform");
        ModelManifest read = repository.readManifest("m", "1");
        assertThat(read.modelFormat()).isEqualTo(ModelFormat.DJL_MLP);
        assertThat(read.transform()).isEqualTo(OutputTransform.SIGMOID);
    }

    @Test
    void torchScriptNeedsNeitherArchitectureNorNormalisation() {
        ModelManifest manifest = torchScript("1", null);
        manifest.validate();
        assertThat(manifest.modelFormat()).isEqualTo(ModelFormat.TORCHSCRIPT);
        assertThat(manifest.transform()).isEqualTo(OutputTransform.SIGMOID);
        ModelManifest archived = withFormat(manifest, "m.mar", "torchserve-mar", "none");
        archived.validate();
        assertThat(archived.modelFormat()).isEqualTo(ModelFormat.TORCHSERVE_MAR);
        assertThat(archived.transform()).isEqualTo(OutputTransform.NONE);
    }

    @Test
    void aNewManifestRoundTripsThroughJson() {
        ModelRepository repository = new ModelRepository(root);
        repository.writeManifest(torchScript("4", new ModelManifest.Normalization(new float[] {1f, 2f}, new float[] {3f, 4f})));
        ModelManifest read = repository.readManifest("m", "4");
        assertThat(read.format()).isEqualTo("torchscript");
        assertThat(read.outputTransform()).isEqualTo("sigmoid");
        assertThat(read.architecture()).isNull();
        assertThat(read.normalization().std()).containsExactly(3f, 4f);
    }

    @Test
    void refusesAnUnknownFormatOrOutputTransformWithASentence() {
        assertThatThrownBy(withFormat(torchScript("1", null), "m.onnx", "onnx", "sigmoid")::validate)
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("the manifest of m/1 has format 'onnx'; this build knows djl-mlp, torchscript, torchserve-mar");
        assertThatThrownBy(withFormat(torchScript("1", null), "model.pt", "torchscript", null)::validate)
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("the manifest of m/1 does not say whether the module outputs a logit or a probability:"
                        + " give outputTransform 'sigmoid' or 'none'");
        assertThatThrownBy(withFormat(torchScript("1", null), "model.pt", "torchscript", "softmax")::validate)
                .hasMessageStartingWith("the manifest of m/1 says outputTransform 'softmax', not whether");
    }

    @Test
    void refusesWhatDoesNotAgreeWithTheInputs() {
        assertThatThrownBy(torchScript("1", new ModelManifest.Normalization(new float[3], new float[3]))::validate)
                .hasMessage("the normalisation of m/1 does not have one mean and std per input");
        ModelManifest mlpWithoutArchitecture = withFormat(torchScript("1", null), "m-0000.params", "djl-mlp", null);
        assertThatThrownBy(mlpWithoutArchitecture::validate)
                .hasMessage("the manifest of m/1 (format djl-mlp) has no architecture");
        assertThatThrownBy(withFormat(torchScript("1", null), "../../elsewhere.pt", "torchscript", "none")::validate)
                .hasMessage("the manifest of m/1 names weights '../../elsewhere.pt'; it must be a file name in the version folder");
    }

    @Test
    void aMissingWeightsFileOrABrokenArchiveIsRefusedBeforeAnyEngineStarts() throws IOException {
        ModelRepository repository = new ModelRepository(root);
        repository.writeManifest(torchScript("1", null));
        assertThatThrownBy(() -> LoadedModel.load(repository, "m", "1", Device.cpu()))
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("the weights file " + repository.versionDir("m", "1").resolve("model.pt")
                        + " named by the manifest of m/1 does not exist");

        repository.writeManifest(withFormat(torchScript("2", null), "m.mar", "torchserve-mar", "sigmoid"));
        Path mar = Files.writeString(repository.versionDir("m", "2").resolve("m.mar"), "not a zip");
        assertThatThrownBy(() -> LoadedModel.load(repository, "m", "2", Device.cpu()))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageStartingWith("the model archive " + mar + " is not a zip file");
    }
}
