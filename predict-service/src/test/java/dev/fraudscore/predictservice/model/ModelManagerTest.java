package dev.fraudscore.predictservice.model;

import static dev.fraudscore.predictservice.domain.VersionState.LOADING;
import static dev.fraudscore.predictservice.domain.VersionState.READY;
import static dev.fraudscore.predictservice.model.ManagedRepository.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.predictservice.domain.Routing;
import dev.fraudscore.predictservice.domain.ServedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which versions serve, and how they come and go, with fake versions in a temporary repository. */
class ModelManagerTest {

    @TempDir
    Path root;

    private ManagedRepository repo;

    @BeforeEach
    void manager() {
        repo = new ManagedRepository(root);
    }

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void servesTheNewestVersionUnderTheDefaultPolicyAndNeverOpensTheOthers() {
        repo.write("1", "2");

        ServedModel model = repo.rescan();

        assertThat(model.ready()).containsOnlyKeys("2");
        assertThat(model.routing()).isEqualTo(Routing.primaryOnly("2"));
        assertThat(repo.states()).isEqualTo(Map.of("2", READY));
        assertThat(repo.opener.opens(MODEL + "/1")).isZero();
    }

    @Test
    void servesWhatConfigYamlSelectsAndANewVersionRetiresTheOldestOne() {
        repo.writeFile("config.yaml", "versionPolicy: {latest: 2}\n");
        repo.write("1", "2");
        assertThat(repo.rescan().ready()).containsOnlyKeys("1", "2");

        repo.write("3");
        ServedModel model = repo.rescan();

        assertThat(model.ready()).containsOnlyKeys("2", "3");
        assertThat(model.routing()).isEqualTo(Routing.primaryOnly("3"));
        assertThat(repo.opener.version(MODEL + "/1").closed()).isTrue();
        assertThat(repo.states()).isEqualTo(Map.of("2", READY, "3", READY));
    }

    @Test
    void theOldVersionServesUntilTheNewOneIsReady() {
        repo.write("1");
        repo.rescan();
        repo.write("2");
        repo.opener.holdOpens();

        CompletableFuture<ServedModel> loading = repo.manager.load(MODEL, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> repo.opener.opening(MODEL + "/2"));

        assertThat(repo.model().ready()).containsOnlyKeys("1");
        assertThat(repo.model().primary()).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo("1"));
        assertThat(repo.states()).isEqualTo(Map.of("1", READY, "2", LOADING));
        repo.opener.releaseOpens();
        assertThat(loading.join().ready()).containsOnlyKeys("2");
        assertThat(repo.model().routing()).isEqualTo(Routing.primaryOnly("2"));
        assertThat(repo.opener.version(MODEL + "/1").closed()).isTrue();
        assertThat(repo.states()).isEqualTo(Map.of("2", READY));
    }

    @Test
    void aVersionWhoseDirectoryIsDeletedIsRetiredAndTheRemainingOneServes() {
        repo.write("1", "2");
        repo.rescan();

        repo.delete("2");
        ServedModel model = repo.rescan();

        assertThat(model.ready()).containsOnlyKeys("1");
        assertThat(model.routing()).isEqualTo(Routing.primaryOnly("1"));
        assertThat(repo.opener.version(MODEL + "/2").closed()).isTrue();
        assertThat(repo.states()).isEqualTo(Map.of("1", READY));
    }

    @Test
    void withTheLastVersionDeletedTheModelHasNothingToServe() {
        repo.write("1");
        repo.rescan();

        repo.delete("1");
        ServedModel model = repo.rescan();

        assertThat(model.ready()).isEmpty();
        assertThat(model.routing()).isNull();
        assertThat(repo.opener.version(MODEL + "/1").closed()).isTrue();
        assertThat(model.statuses()).isEmpty();
    }

    @Test
    void anExplicitUnloadKeepsTheVersionUnloadedAcrossPollsUntilLoadedAgain() {
        repo.writeFile("config.yaml", "versionPolicy: {all: true}\n");
        repo.write("1", "2");
        repo.rescan();

        ServedModel unloaded = repo.manager.unload(MODEL, "2").join();
        repo.manager.start(Duration.ofMillis(5));
        int polls = repo.events.changes.get();
        await().atMost(Duration.ofSeconds(5)).until(() -> repo.events.changes.get() >= polls + 3);

        assertThat(unloaded.ready()).containsOnlyKeys("1");
        assertThat(repo.model().ready()).containsOnlyKeys("1");
        assertThat(repo.model().routing()).isEqualTo(Routing.primaryOnly("1"));
        assertThat(repo.opener.opens(MODEL + "/2")).isEqualTo(1);
        assertThat(repo.manager.load(MODEL, "2").join().ready()).containsOnlyKeys("1", "2");
        assertThat(repo.opener.opens(MODEL + "/2")).isEqualTo(2);
    }

    @Test
    void anExplicitLoadServesAVersionOutsideThePolicyUntilUnloaded() {
        repo.write("1", "2");
        repo.rescan();

        assertThat(repo.manager.load(MODEL, "1").join().ready()).containsOnlyKeys("1", "2");
        assertThat(repo.rescan().ready()).containsOnlyKeys("1", "2");
        assertThat(repo.model().routing()).isEqualTo(Routing.primaryOnly("2"));

        assertThat(repo.manager.unload(MODEL, "1").join().ready()).containsOnlyKeys("2");
        assertThat(repo.opener.version(MODEL + "/1").closed()).isTrue();
    }

    @Test
    void unloadingEveryVersionLeavesNothingServedUntilTheModelIsLoadedAgain() {
        repo.write("1", "2");
        repo.rescan();

        assertThat(repo.manager.unload(MODEL, null).join().ready()).isEmpty();
        assertThat(repo.rescan().ready()).containsOnlyKeys("2");
    }

    @Test
    void appliesTheRoutingFile() {
        repo.writeFile("config.yaml", "versionPolicy: {all: true}\n");
        repo.writeFile("routing.yaml", "primary: 1\ncanary: {version: 2, percent: 10}\nshadows: [3]\n");
        repo.write("1", "2", "3");

        ServedModel model = repo.rescan();

        assertThat(model.routing()).isEqualTo(new Routing("1", "2", 10, List.of("3")));
        assertThat(model.routingError()).isNull();
    }
}
