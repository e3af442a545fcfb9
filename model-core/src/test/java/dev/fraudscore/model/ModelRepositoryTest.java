package dev.fraudscore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSetId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRepositoryTest {

    @TempDir
    Path root;

    @Test
    void newestVersionIsTheHighestNumberWithAManifest() throws IOException {
        ModelRepository repository = new ModelRepository(root);
        assertThat(repository.newestVersion("fraud-mlp")).isEmpty();
        assertThat(repository.nextVersion("fraud-mlp")).isEqualTo("1");

        repository.writeManifest(manifest("2"));
        repository.writeManifest(manifest("10"));
        Files.createDirectories(root.resolve("fraud-mlp/11")); // no manifest: an unfinished version
        Files.createDirectories(root.resolve("fraud-mlp/latest"));

        assertThat(repository.versions("fraud-mlp")).containsExactly("2", "10");
        assertThat(repository.newestVersion("fraud-mlp")).contains("10");
        assertThat(repository.nextVersion("fraud-mlp")).isEqualTo("11");
        assertThat(repository.names()).containsExactly("fraud-mlp");
    }

    @Test
    void aManifestRoundTripsThroughJson() {
        ModelRepository repository = new ModelRepository(root);
        repository.writeManifest(manifest("1"));

        ModelManifest read = repository.readManifest("fraud-mlp", "1");

        assertThat(read.featureSet()).isEqualTo(new FeatureSetId("fraud", 1, "abc123"));
        assertThat(read.normalization().std()).containsExactly(1f, 2f);
        assertThat(read.suggestedThresholds().decline()).isEqualTo(0.9f);
    }

    @Test
    void anInconsistentManifestIsRefusedWithASentence() {
        ModelManifest wrongWidth = new ModelManifest("fraud-mlp", "1", "now", new FeatureSetId("fraud", 1, "abc"),
                List.of("a", "b"), "p", new ModelManifest.Architecture("mlp", 3, List.of(4)),
                new ModelManifest.Normalization(new float[2], new float[2]), Map.of(), null, "w-0000.params", Map.of());

        assertThatThrownBy(wrongWidth::validate).isInstanceOf(InvalidModelException.class)
                .hasMessage("the manifest of fraud-mlp/1 lists 2 inputs but its network takes 3");
        assertThatThrownBy(() -> new ModelRepository(root).readManifest("fraud-mlp", "7"))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("cannot read the manifest");
    }

    @Test
    void stepsRoundTripThroughJsonAndWidenTheNetworksInput() {
        ModelRepository repository = new ModelRepository(root);
        ModelManifest plain = manifest("1");
        ModelManifest.Normalization stepped = new ModelManifest.Normalization(plain.normalization().mean(),
                plain.normalization().std(), new float[][] {{5.39f}, {}});
        repository.writeManifest(withNormalization(plain, stepped));

        ModelManifest read = repository.readManifest("fraud-mlp", "1");

        assertThat(read.normalization().steps()).hasNumberOfRows(2);
        assertThat(read.normalization().steps()[1]).isEmpty();
        assertThat(read.normalization().steps()[0]).containsExactly(5.39f);
        assertThat(read.networkWidth()).isEqualTo(3);
        assertThat(plain.networkWidth()).isEqualTo(2);
    }

    @Test
    void stepsThatDoNotFitTheInputsAreRefusedWithASentence() {
        ModelManifest plain = manifest("1");
        float[] mean = plain.normalization().mean();
        float[] std = plain.normalization().std();
        assertThatThrownBy(withNormalization(plain, new ModelManifest.Normalization(mean, std, new float[][] {{1f}}))::validate)
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("the normalisation of fraud-mlp/1 has 1 lists of steps for 2 inputs");
        assertThatThrownBy(withNormalization(plain, new ModelManifest.Normalization(mean, std,
                        new float[][] {{}, {2f, 1f}}))::validate)
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("the normalisation of fraud-mlp/1 has steps of input 1 that do not ascend");
        assertThatThrownBy(withNormalization(plain, new ModelManifest.Normalization(mean, std,
                        new float[][] {{1f}, null}))::validate)
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("the normalisation of fraud-mlp/1 has no list of steps for input 1 (an input without steps has [])");
    }

    @Test
    void weightsPrefixDropsTheEpochSuffix() {
        assertThat(LoadedModel.weightsPrefix("fraud-mlp-0000.params")).isEqualTo("fraud-mlp");
    }

    private static ModelManifest withNormalization(ModelManifest m, ModelManifest.Normalization normalization) {
        return new ModelManifest(m.name(), m.version(), m.createdAt(), m.featureSet(), m.inputs(), m.output(),
                m.architecture(), normalization, m.metrics(), m.suggestedThresholds(), m.weights(), m.training());
    }

    private static ModelManifest manifest(String version) {
        return new ModelManifest("fraud-mlp", version, "2026-11-22T00:00:00Z",
                new FeatureSetId("fraud", 1, "abc123"), List.of("a", "b"), "fraud_probability",
                new ModelManifest.Architecture("mlp", 2, List.of(4)),
                new ModelManifest.Normalization(new float[] {0f, 0f}, new float[] {1f, 2f}),
                Map.of("roc_auc", 0.99), new Thresholds(0.3f, 0.9f), "fraud-mlp-0000.params", Map.of());
    }
}
