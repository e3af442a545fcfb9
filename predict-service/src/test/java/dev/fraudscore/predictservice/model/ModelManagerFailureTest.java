package dev.fraudscore.predictservice.model;

import static dev.fraudscore.predictservice.domain.VersionState.FAILED;
import static dev.fraudscore.predictservice.domain.VersionState.READY;
import static dev.fraudscore.predictservice.model.ManagedRepository.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.model.InvalidModelException;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.FakeModelVersion;
import dev.fraudscore.predictservice.TestManifests;
import dev.fraudscore.predictservice.domain.PredictionException;
import dev.fraudscore.predictservice.domain.Routing;
import dev.fraudscore.predictservice.domain.ServedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions that cannot be served, and routing files that cannot be used: the rest keeps serving. */
class ModelManagerFailureTest {

    @TempDir
    Path root;

    /** Versions whose weights do not load; the others score 0.3, version 9 scores NaN. */
    private final Set<String> corrupt = ConcurrentHashMap.newKeySet();
    private ManagedRepository repo;

    @BeforeEach
    void manager() {
        repo = new ManagedRepository(root, (repository, version) -> {
            if (corrupt.contains(version)) {
                throw new InvalidModelException("cannot load the weights of " + MODEL + "/" + version + ": corrupt");
            }
            return new FakeModelVersion(repository.readManifest(MODEL, version), version.equals("9") ? Float.NaN : 0.3f);
        });
    }

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void aNewVersionThatFailsIsMarkedWithItsReasonAndTheGoodOneKeepsServing() {
        repo.write("1");
        repo.rescan();
        corrupt.add("2");
        repo.write("2");

        ServedModel model = repo.rescan();

        assertThat(model.ready()).containsOnlyKeys("1");
        assertThat(model.routing()).isEqualTo(Routing.primaryOnly("1"));
        assertThat(repo.states()).isEqualTo(Map.of("1", READY, "2", FAILED));
        assertThat(repo.status("2").reason()).isEqualTo("cannot load the weights of fraud-mlp/2: corrupt");
        assertThat(repo.status("2").featureSet()).isEqualTo(TestManifests.fraudV1());
        assertThat(repo.events.loadFailures).containsExactly(MODEL + "/2");
    }

    @Test
    void aFailedVersionIsNotTriedAgainUntilItsFilesChange() {
        corrupt.add("2");
        repo.write("1", "2");
        repo.rescan();
        repo.rescan();
        assertThat(repo.opener.opens(MODEL + "/2")).isEqualTo(1);
        assertThat(repo.events.loadFailures).containsExactly(MODEL + "/2");

        corrupt.remove("2");
        repo.writeFile("2/fraud-mlp-0000.params", "weights written again");
        ServedModel model = repo.rescan();

        assertThat(repo.opener.opens(MODEL + "/2")).isEqualTo(2);
        assertThat(model.ready()).containsOnlyKeys("2");
        assertThat(repo.states()).isEqualTo(Map.of("2", READY));
    }

    @Test
    void aVersionScoringNanOnWarmUpIsFailedAndClosed() {
        repo.write("1", "9");

        ServedModel model = repo.rescan();

        assertThat(model.ready()).containsOnlyKeys("1");
        assertThat(repo.status("9").state()).isEqualTo(FAILED);
        assertThat(repo.status("9").reason()).startsWith("warm-up of fraud-mlp/9 scored a row of zeros as NaN");
        assertThat(repo.opener.version(MODEL + "/9").closed()).isTrue();
    }

    @Test
    void aVersionOnAFeatureSetThatIsNotServedIsFailedWithoutOpeningIt() {
        ModelManifest good = TestManifests.fraudV1(MODEL, "2");
        repo.write("1");
        repo.write(new ModelManifest(good.name(), good.version(), good.createdAt(), new FeatureSetId("fraud", 1, "0badf00d"),
                good.inputs(), good.output(), good.architecture(), good.normalization(), good.metrics(),
                good.suggestedThresholds(), good.weights(), good.training()));

        repo.rescan();

        assertThat(repo.status("2").state()).isEqualTo(FAILED);
        assertThat(repo.status("2").reason()).startsWith("its manifest names feature set fraud_v1 (fingerprint 0badf00d),"
                + " which no served feature set has");
        assertThat(repo.opener.opens(MODEL + "/2")).isZero();
        assertThat(repo.model().ready()).containsOnlyKeys("1");
    }

    @Test
    void aFailedVersionWhoseDirectoryIsDeletedIsForgotten() {
        corrupt.add("2");
        repo.write("1", "2");
        repo.rescan();

        repo.delete("2");

        assertThat(repo.rescan().statuses()).containsOnlyKeys("1");
    }

    @Test
    void aRefusedRoutingFileKeepsTheLastGoodRoutingAndSaysWhyOnce() {
        repo.writeFile("config.yaml", "versionPolicy: {all: true}\n");
        repo.writeFile("routing.yaml", "primary: 1\ncanary: {version: 2, percent: 10}\n");
        repo.write("1", "2");
        Routing good = repo.rescan().routing();

        repo.writeFile("routing.yaml", "primary: 1\ncanary: {version: 7, percent: 10}\n");
        repo.rescan();
        ServedModel model = repo.rescan();

        assertThat(model.routing()).isEqualTo(good).isEqualTo(new Routing("1", "2", 10, List.of()));
        assertThat(model.routingError()).isEqualTo(root.resolve(MODEL).resolve("routing.yaml") + " names version 7,"
                + " which is not servable; its versions: 1 (READY), 2 (READY)");
        assertThat(repo.events.routingRefusals).containsExactly(MODEL);

        repo.writeFile("routing.yaml", "primary: 2\n");
        model = repo.rescan();
        assertThat(model.routing()).isEqualTo(Routing.primaryOnly("2"));
        assertThat(model.routingError()).isNull();
    }

    @Test
    void aRoutingFileThatDoesNotParseLeavesTheNewestVersionServingAndSaysWhy() {
        repo.writeFile("routing.yaml", "primary: [1\n");
        repo.write("1", "2");

        ServedModel model = repo.rescan();

        assertThat(model.routing()).isEqualTo(Routing.primaryOnly("2"));
        assertThat(model.routingError()).startsWith(root.resolve(MODEL).resolve("routing.yaml") + ": ");
    }

    @Test
    void loadingAModelThatIsNotInTheRepositoryIsNotFoundNamingTheModelsThatAre() {
        repo.write("1");

        assertThat(repo.manager.load("fraud-gbm", null)).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .havingCause().isInstanceOfSatisfying(PredictionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
                    assertThat(e).hasMessage("model fraud-gbm is not in the model repository " + root + "; its models: "
                            + MODEL);
                });
    }

    @Test
    void anUnusableConfigYamlServesTheModelWithTheDefaults() {
        repo.writeFile("config.yaml", "device: tpu\n");
        repo.write("1", "2");

        assertThat(repo.rescan().ready()).containsOnlyKeys("2");
    }
}
