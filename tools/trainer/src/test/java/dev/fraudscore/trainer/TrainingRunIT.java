package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.fraudscore.domain.Channel;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.FraudV1;
import dev.fraudscore.features.HistoryStore;
import dev.fraudscore.features.InMemoryHistoryStore;
import dev.fraudscore.model.LoadedModel;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains the small preset once with the real DJL PyTorch engine and checks what it wrote. */
class TrainingRunIT {

    @TempDir
    static Path models;

    static TrainingResult result;
    static ModelRepository repository;

    @BeforeAll
    static void train() {
        result = TrainingRun.execute(TrainingConfig.small(models), System.out);
        repository = new ModelRepository(models);
    }

    @Test
    void metricsAreProbabilitiesAndTheModelSeparatesFraud() {
        ModelManifest m = result.manifest();
        assertThat(m.metrics()).containsKeys("pr_auc", "roc_auc", "recall_at_1pct_fpr");
        assertThat(m.metrics().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        assertThat(m.metrics().get("roc_auc")).isGreaterThan(0.95);
        assertThat(m.metrics().get("pr_auc")).isGreaterThan(0.6);
        assertThat(m.metrics().get("recall_at_1pct_fpr")).isGreaterThan(0.6);
        assertThat(m.suggestedThresholds().review()).isGreaterThan(0f);
        assertThat(m.suggestedThresholds().decline()).isGreaterThan(m.suggestedThresholds().review()).isLessThanOrEqualTo(1f);
        assertThat(result.evaluation().atReview().falsePositiveRate()).isLessThanOrEqualTo(0.01);
        assertThat(result.evaluation().atDecline().falsePositiveRate()).isLessThanOrEqualTo(0.001);
    }

    @Test
    void writesTheVersionWithManifestWeightsReportAndPlot() throws Exception {
        Path dir = models.resolve("fraud-mlp").resolve("1");
        assertThat(result.directory()).isEqualTo(dir);
        assertThat(repository.versions("fraud-mlp")).containsExactly("1");
        ModelManifest m = repository.readManifest("fraud-mlp", "1");
        assertThat(m.weights()).isEqualTo("fraud-mlp-0000.params");
        assertThat(dir.resolve(m.weights())).isRegularFile();
        assertThat(dir.resolve("evaluation.json")).content().contains("\"roc_auc\"", "\"truePositives\"", "card_testing");
        assertThat(dir.resolve("evaluation.md")).content().contains("review (1 % FPR)");
        byte[] png = Files.readAllBytes(dir.resolve("pr-curve.png"));
        assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
        try (var entries = Files.list(models.resolve("fraud-mlp"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("1");
        }
    }

    @Test
    void manifestDescribesTheFeatureSetItWasTrainedOn() {
        ModelManifest m = repository.readManifest("fraud-mlp", "1");
        FraudV1 features = new FraudV1();
        assertThat(m.featureSet().fingerprint()).isEqualTo(features.fingerprint());
        assertThat(m.featureSet().id()).isEqualTo("fraud_v1");
        assertThat(m.inputs()).isEqualTo(features.featureNames());
        assertThat(m.output()).isEqualTo("fraud_probability");
        assertThat(m.architecture().inputSize()).isEqualTo(14);
        for (float std : m.normalization().std()) {
            assertThat(std).isPositive();
        }
        assertThat(m.training()).containsKeys("seed", "rows", "epochs", "patterns").containsEntry("steps", 1);
        // the default: one step per input that has two values or more in the training rows, so a wider first layer
        assertThat(m.normalization().steps()).hasNumberOfRows(14);
        assertThat(m.networkWidth()).isGreaterThan(14).isLessThanOrEqualTo(28);
    }

    @Test
    void withoutStepsTheNetworkTakesTheStandardisedInputsAlone(@TempDir Path elsewhere) {
        TrainingRun.execute(TrainingConfig.small(elsewhere).withEpochs(1).withSteps(0), System.out);
        ModelManifest m = new ModelRepository(elsewhere).readManifest("fraud-mlp", "1");
        assertThat(m.normalization().steps()).isNull();
        assertThat(m.networkWidth()).isEqualTo(14);
    }

    @Test
    void reloadedVersionScoresAsInTraining() {
        try (LoadedModel loaded = LoadedModel.load(repository, "fraud-mlp", "1", Device.cpu())) {
            float[] again = loaded.score(result.checked().rows());
            assertThat(again).hasSameSizeAs(result.checked().scores()).hasSizeGreaterThan(16);
            for (int i = 0; i < again.length; i++) {
                assertThat(again[i]).isCloseTo(result.checked().scores()[i], within(1e-5f));
            }
        }
    }

    @Test
    void anEnsembleWithDropoutIsWrittenAsOneVersionAndScoresAsInTrainingWhenReloaded(@TempDir Path elsewhere) {
        TrainingResult ensemble = TrainingRun.execute(TrainingConfig.small(elsewhere).withEpochs(2).withEnsemble(3, 0.2f),
                System.out);
        ModelManifest m = new ModelRepository(elsewhere).readManifest("fraud-mlp", "1");
        assertThat(m.architecture()).isEqualTo(new ModelManifest.Architecture("mlp", 14, List.of(32, 16), 3, 0.2f));
        try (LoadedModel loaded = LoadedModel.load(new ModelRepository(elsewhere), "fraud-mlp", "1", Device.cpu())) {
            float[] again = loaded.score(ensemble.checked().rows());
            for (int i = 0; i < again.length; i++) {
                assertThat(again[i]).isCloseTo(ensemble.checked().scores()[i], within(1e-5f));
            }
        }
        assertThat(m.metrics().get("roc_auc")).isGreaterThan(0.9);
    }

    @Test
    void cardTestingBurstScoresRiseAndAnOrdinaryPaymentStaysBelowReview() {
        float review = result.manifest().suggestedThresholds().review();
        Instant noon = Instant.parse("2025-03-03T12:00:00Z");
        try (LoadedModel loaded = LoadedModel.load(repository, "fraud-mlp", "1", Device.cpu())) {
            HistoryStore store = new InMemoryHistoryStore();
            List<FeatureTransaction> burst = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                burst.add(new FeatureTransaction("burst-" + i, noon.plus(Duration.ofSeconds(25L * i)), 100 + 45L * i,
                        "card-burst", "DE", "m-never-" + i, "5999", "DE", Channel.ECOMMERCE));
            }
            float[] scores = loaded.score(rows(store, burst));
            System.out.println("burst scores " + Arrays.toString(scores) + ", review " + review);
            assertThat(scores[9]).isGreaterThan(review).isGreaterThan(scores[0] + 0.3f);
            assertThat(scores[5]).isGreaterThan(scores[0]);

            FeatureTransaction lunch = new FeatureTransaction("lunch-1", noon, 4_000, "card-ordinary", "DE",
                    "m-bakery", "5411", "DE", Channel.POS);
            float lunchScore = loaded.score(rows(store, List.of(lunch)))[0];
            System.out.println("ordinary POS score " + lunchScore);
            assertThat(lunchScore).isLessThan(review);
        }
    }

    /** The vectors feature-service would compute for these transactions, in this order. */
    private static float[][] rows(HistoryStore store, List<FeatureTransaction> txs) {
        FraudV1 features = new FraudV1();
        float[][] rows = new float[txs.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = features.compute(txs.get(i), store.observe(txs.get(i)).history()).values();
        }
        return rows;
    }
}
