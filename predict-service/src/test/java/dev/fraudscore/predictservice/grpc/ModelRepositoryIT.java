package dev.fraudscore.predictservice.grpc;

import static dev.fraudscore.contracts.predict.v1.VersionState.VERSION_STATE_READY;
import static dev.fraudscore.predictservice.GrpcAssertions.assertRefused;
import static dev.fraudscore.predictservice.GrpcAssertions.states;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.predictservice.GrpcTestClient;
import dev.fraudscore.predictservice.RunningService;
import dev.fraudscore.predictservice.TestManifests;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LoadModel, UnloadModel and versions whose folders are deleted, while the service runs (latest-1 policy). */
class ModelRepositoryIT extends RunningService {

    @Test
    void anUnloadedVersionStaysUnloadedUntilLoadedAgain() {
        publish("reload-mlp", "1", "2");
        assertThat(states(client.load("reload-mlp"))).isEqualTo(Map.of("2", VERSION_STATE_READY));

        assertThat(client.unload("reload-mlp", "2").getVersionsList()).isEmpty();
        // several polls of the repository go by, and none brings it back
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertRefused(
                () -> predict("reload-mlp", ""), Status.Code.NOT_FOUND, "model reload-mlp is not served here"));
        assertThat(opener().version("reload-mlp/2").closed()).isTrue();

        assertThat(states(client.load("reload-mlp", "2"))).isEqualTo(Map.of("2", VERSION_STATE_READY));
        assertThat(predict("reload-mlp", "").getModel().getVersion()).isEqualTo("2");
    }

    @Test
    void anOlderVersionLoadedByNameServesBesideThePolicysOneAndAnswersWhenNamed() {
        publish("pinned-mlp", "1", "2");
        client.load("pinned-mlp");

        assertThat(states(client.load("pinned-mlp", "1")))
                .isEqualTo(Map.of("1", VERSION_STATE_READY, "2", VERSION_STATE_READY));

        assertThat(predict("pinned-mlp", "1").getModel().getVersion()).isEqualTo("1");
        assertThat(predict("pinned-mlp", "").getModel().getVersion()).isEqualTo("2");
        assertThat(client.metadata("pinned-mlp").getRouting().getPrimary()).isEqualTo("2");
    }

    @Test
    void deletingTheFoldersOfServedVersionsRetiresThemWithoutHarmingTheService() {
        publish("deleted-mlp", "1", "2");
        client.load("deleted-mlp");

        repository().delete("deleted-mlp", "2");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(states(client.metadata("deleted-mlp"))).isEqualTo(Map.of("1", VERSION_STATE_READY)));
        assertThat(predict("deleted-mlp", "").getModel().getVersion()).isEqualTo("1");

        repository().delete("deleted-mlp", "1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertRefused(() -> predict("deleted-mlp", ""),
                Status.Code.NOT_FOUND, "model deleted-mlp is not served here; served: "));
        assertThat(client.health("")).isEqualTo(ServingStatus.SERVING);
        assertThat(predict("", "").getModel().getName()).isEqualTo(DEFAULT_MODEL);
    }

    @Test
    void loadingAModelThatIsNotInTheRepositoryIsNotFound() {
        assertRefused(() -> client.load("nowhere-mlp"), Status.Code.NOT_FOUND,
                "model nowhere-mlp is not in the model repository");
    }

    private static void publish(String model, String... versions) {
        for (String version : versions) {
            repository().publish(model, version, Integer.parseInt(version));
        }
    }

    private PredictResponse predict(String model, String version) {
        return client.predict().predict(GrpcTestClient.request(model, version, "card-1", TestManifests.rows(1, 1)));
    }
}
