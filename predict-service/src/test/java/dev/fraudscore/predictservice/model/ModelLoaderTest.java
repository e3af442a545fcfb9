package dev.fraudscore.predictservice.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.model.InvalidModelException;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.FakeServedModel;
import dev.fraudscore.predictservice.TestManifests;
import dev.fraudscore.predictservice.domain.ModelSlot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {

    @TempDir
    Path root;

    private final ModelSlot slot = new ModelSlot();
    private final Map<String, FakeServedModel> models = new HashMap<>();
    private final List<String> opened = new ArrayList<>();

    @Test
    void leavesTheSlotUnavailableWithATrainingHintWhenTheRepositoryIsEmpty() {
        loader(List.of(1, 16)).run();

        assertThat(slot.state()).isInstanceOf(ModelSlot.Unavailable.class);
        Path dir = root.toAbsolutePath().normalize();
        assertThat(((ModelSlot.Unavailable) slot.state()).sentence()).isEqualTo(
                "no model version found in " + dir + " for fraud-mlp; train one with: java -jar"
                        + " tools/trainer/target/trainer-0.1.0-SNAPSHOT-exec.jar --models-dir " + dir + " --name fraud-mlp");
        assertThat(opened).isEmpty();
    }

    @Test
    void servesTheNewestVersionInNumericOrderAfterWarmingItUp() {
        for (String version : List.of("1", "2", "10")) {
            new ModelRepository(root).writeManifest(TestManifests.fraudV1("fraud-mlp", version));
            models.put(version, new FakeServedModel(TestManifests.fraudV1("fraud-mlp", version), 0.5f));
        }

        loader(List.of(1, 16, 128, 4096)).run();

        assertThat(opened).containsExactly("10");
        assertThat(slot.require()).isSameAs(models.get("10"));
        // zeros first, then per size a batch of zeros and two timed rounds; 4096 is above the cap of 1024
        assertThat(models.get("10").batchSizes()).containsExactly(1, 1, 1, 1, 16, 16, 16, 128, 128, 128);
    }

    @Test
    void reportsTheSentenceOfAnInvalidModel() {
        new ModelRepository(root).writeManifest(TestManifests.fraudV1("fraud-mlp", "1"));
        ModelLoader loader = new ModelLoader(new ModelRepository(root), "fraud-mlp", (repository, name, version) -> {
            throw new InvalidModelException("the weights file /m/fraud-mlp-0000.params named by the manifest of"
                    + " fraud-mlp/1 does not exist");
        }, new Warmup(List.of(1), 1, 1024), slot);

        loader.run();

        assertThat(slot.state()).isEqualTo(new ModelSlot.Unavailable(
                "the weights file /m/fraud-mlp-0000.params named by the manifest of fraud-mlp/1 does not exist"));
    }

    @Test
    void neverServesAModelWhoseWarmupScoresAreNotProbabilities() {
        new ModelRepository(root).writeManifest(TestManifests.fraudV1("fraud-mlp", "1"));
        models.put("1", new FakeServedModel(TestManifests.fraudV1("fraud-mlp", "1"), Float.NaN));

        loader(List.of(1)).run();

        assertThat(slot.isReady()).isFalse();
        assertThat(((ModelSlot.Unavailable) slot.state()).sentence())
                .startsWith("warm-up of fraud-mlp/1 scored a row of zeros as NaN, not a probability in [0, 1]");
        assertThat(models.get("1").closed()).isTrue();
    }

    private ModelLoader loader(List<Integer> warmupSizes) {
        ModelOpener opener = (repository, name, version) -> {
            opened.add(version);
            return models.get(version);
        };
        return new ModelLoader(new ModelRepository(root), "fraud-mlp", opener, new Warmup(warmupSizes, 2, 1024), slot);
    }
}
