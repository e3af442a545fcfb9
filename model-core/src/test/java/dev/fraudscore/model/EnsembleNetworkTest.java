package dev.fraudscore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSetId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ensemble of MLPs is one block, one weights file and one manifest, served as the mean of its members' logits. */
class EnsembleNetworkTest {

    private static final float[][] ROWS = {{0.5f, -1f}, {2f, 0.25f}, {-3f, 1.5f}};
    private static final ModelManifest.Architecture ENSEMBLE =
            new ModelManifest.Architecture("mlp", 2, List.of(8, 4), 3, 0.5f);

    @TempDir
    Path root;

    @Test
    void servesTheMeanOfItsMembersLogitsWithoutDropoutAfterASaveAndALoad() throws Exception {
        ModelRepository repository = new ModelRepository(root);
        float[] expected;
        try (Model model = Model.newInstance("m", Device.cpu(), "PyTorch")) {
            model.setBlock(MlpNetwork.build(ENSEMBLE));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 2));
            expected = meanOfMemberLogitsThroughSigmoid(model);
            assertThat(MlpNetwork.probabilities(model, identity(), ROWS)).containsExactly(expected, within(1e-6f));
            repository.writeManifest(manifest());
            model.save(repository.versionDir("m", "1"), "m");
        }

        try (LoadedModel loaded = LoadedModel.load(repository, "m", "1", Device.cpu())) {
            float[] first = loaded.score(ROWS);
            assertThat(first).containsExactly(expected, within(1e-6f));
            // dropout is for training only: serving the same rows again gives the same scores
            assertThat(loaded.score(ROWS)).containsExactly(first);
        }
    }

    @Test
    void trainingSeesEveryMembersLogitSoEachLearnsOnItsOwn() {
        try (Model model = Model.newInstance("m", Device.cpu(), "PyTorch"); NDManager manager = NDManager.newBaseManager()) {
            model.setBlock(MlpNetwork.build(ENSEMBLE));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 2));
            NDArray input = manager.create(new float[] {1f, 2f, 3f, 4f}, new Shape(2, 2));
            ParameterStore store = new ParameterStore(manager, false);
            assertThat(model.getBlock().forward(store, new NDList(input), true).singletonOrThrow().getShape())
                    .isEqualTo(new Shape(2, 3));
            assertThat(model.getBlock().forward(store, new NDList(input), false).singletonOrThrow().getShape())
                    .isEqualTo(new Shape(2, 1));
        }
    }

    @Test
    void aManifestWithoutMembersIsOneNetworkAndIsWrittenAsBefore() {
        ModelManifest.Architecture plain = new ModelManifest.Architecture("mlp", 2, List.of(4));
        assertThat(plain.memberCount()).isEqualTo(1);
        assertThat(plain.dropoutRate()).isZero();
        ModelRepository repository = new ModelRepository(root);
        repository.writeManifest(withArchitecture(plain));
        assertThat(repository.versionDir("m", "1").resolve(ModelManifest.FILE_NAME)).content()
                .doesNotContain("members").doesNotContain("dropout");
        repository.writeManifest(manifest());
        assertThat(repository.readManifest("m", "1").architecture()).isEqualTo(ENSEMBLE);
    }

    @Test
    void refusesAnEmptyEnsembleOrADropoutThatDropsEverything() {
        assertThatThrownBy(withArchitecture(new ModelManifest.Architecture("mlp", 2, List.of(4), 0, null))::validate)
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("the architecture of m/1 says members 0; an ensemble has at least one network");
        assertThatThrownBy(withArchitecture(new ModelManifest.Architecture("mlp", 2, List.of(4), 2, 1f))::validate)
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("the architecture of m/1 says dropout 1.0; it is a share of units in [0, 1)");
    }

    /** What the ensemble must serve, computed from its members one by one. */
    private static float[] meanOfMemberLogitsThroughSigmoid(Model model) {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] flat = new float[ROWS.length * 2];
            for (int r = 0; r < ROWS.length; r++) {
                System.arraycopy(ROWS[r], 0, flat, r * 2, 2);
            }
            NDArray input = manager.create(flat, new Shape(ROWS.length, 2));
            float[] sum = new float[ROWS.length];
            List<Block> members = model.getBlock().getChildren().values();
            assertThat(members).hasSize(3);
            for (Block member : members) {
                float[] logits = member.forward(new ParameterStore(manager, false), new NDList(input), false)
                        .singletonOrThrow().toFloatArray();
                for (int r = 0; r < ROWS.length; r++) {
                    sum[r] += logits[r];
                }
            }
            float[] expected = new float[ROWS.length];
            for (int r = 0; r < ROWS.length; r++) {
                expected[r] = (float) (1 / (1 + Math.exp(-sum[r] / members.size())));
            }
            return expected;
        }
    }

    private static ModelManifest.Normalization identity() {
        return new ModelManifest.Normalization(new float[2], new float[] {1f, 1f});
    }

    private static ModelManifest manifest() {
        return withArchitecture(ENSEMBLE);
    }

    private static ModelManifest withArchitecture(ModelManifest.Architecture architecture) {
        return new ModelManifest("m", "1", "2026-12-07T00:00:00Z", new FeatureSetId("fraud", 1, "abc123"),
                List.of("a", "b"), "fraud_probability", architecture, identity(), Map.of("roc_auc", 0.9),
                new Thresholds(0.3f, 0.9f), "m-0000.params", Map.of());
    }
}
