package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainerCommandTest {

    @TempDir
    Path models;

    @Test
    void ifEmptyDoesNothingWhenAVersionExists() {
        ModelRepository repository = new ModelRepository(models);
        repository.writeManifest(new ModelManifest("fraud-mlp", "3", "2025-01-01T00:00:00Z",
                new FeatureSetId("fraud", 1, "x"), List.of("a"), "fraud_probability",
                new ModelManifest.Architecture("mlp", 1, List.of(2)),
                new ModelManifest.Normalization(new float[] {0f}, new float[] {1f}), Map.of(),
                new Thresholds(0.5f, 0.9f), "fraud-mlp-0000.params", Map.of()));
        int exit = new CommandLine(new TrainerCommand()).execute("--models-dir", models.toString(), "--if-empty", "--quiet");
        assertThat(exit).isZero();
        assertThat(repository.versions("fraud-mlp")).containsExactly("3");
    }

    @Test
    void rejectsABadConfigurationWithASentence() {
        assertThatThrownBy(() -> TrainingConfig.small(models).withModelName("../escape"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model name");
        assertThatThrownBy(() -> TrainingConfig.small(models).withData(100, 1))
                .hasMessageContaining("days must be at least 2");
    }
}
