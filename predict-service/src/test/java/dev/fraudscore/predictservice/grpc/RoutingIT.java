package dev.fraudscore.predictservice.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.contracts.predict.v1.RoutingStatus;
import dev.fraudscore.predictservice.GrpcTestClient;
import dev.fraudscore.predictservice.Prometheus;
import dev.fraudscore.predictservice.RunningService;
import dev.fraudscore.predictservice.TestManifests;
import dev.fraudscore.predictservice.domain.Routing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Canary and shadow routing from routing.yaml, through gRPC with real versions. */
class RoutingIT extends RunningService {

    private static final String SERVE_ALL = "versionPolicy: {all: true}\n";
    private static final int IN_FLIGHT = 32;

    @Test
    void theCanaryAnswersItsShareOfCardsAndEachCardAlwaysTheSameVersion() {
        publish("canary-mlp", "1", "2");
        repository().writeFile("canary-mlp", "config.yaml", SERVE_ALL);
        repository().writeFile("canary-mlp", "routing.yaml", "primary: 1\ncanary: {version: 2, percent: 20}\n");
        RoutingStatus routing = client.load("canary-mlp").getRouting();
        assertThat(routing.getPrimary()).isEqualTo("1");
        assertThat(routing.getCanary()).isEqualTo("2");
        assertThat(routing.getCanaryPercent()).isEqualTo(20.0);
        Routing expected = new Routing("1", "2", 20, List.of());
        List<String> cards = IntStream.range(0, 2000).mapToObj(i -> "card-" + i).toList();

        List<String> versions = predictAll("canary-mlp", cards).stream().map(r -> r.getModel().getVersion()).toList();

        assertThat(versions).isEqualTo(cards.stream().map(expected::versionFor).toList());
        assertThat(100.0 * versions.stream().filter("2"::equals).count() / cards.size()).isCloseTo(20.0, within(2.0));
        assertThat(predictAll("canary-mlp", cards.subList(0, 200)).stream().map(r -> r.getModel().getVersion()).toList())
                .isEqualTo(versions.subList(0, 200));
    }

    @Test
    void aShadowNeverChangesAnAnswerAndItsScoresAreRecorded() {
        publish("shadow-mlp", "1", "2");
        repository().writeFile("shadow-mlp", "config.yaml", SERVE_ALL);
        repository().writeFile("shadow-mlp", "routing.yaml", "primary: 1\n");
        client.load("shadow-mlp");
        List<String> cards = IntStream.range(0, 40).mapToObj(i -> "card-" + i).toList();
        List<PredictResponse> alone = predictOneByOne("shadow-mlp", cards);

        repository().writeFile("shadow-mlp", "routing.yaml", "primary: 1\nshadows: [2]\n");
        assertThat(client.load("shadow-mlp").getRouting().getShadowsList()).containsExactly("2");
        List<PredictResponse> shadowed = predictOneByOne("shadow-mlp", cards);

        assertThat(shadowed).isEqualTo(alone);
        assertThat(alone).allSatisfy(r -> assertThat(r.getModel().getVersion()).isEqualTo("1"));
        int rows = cards.size() * 3;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = client.prometheus();
            assertThat(Prometheus.sum(metrics, "fraudscore_predict_scores_count", "model=\"shadow-mlp\"",
                    "role=\"shadow\"", "version=\"2\"")).isEqualTo(rows);
            assertThat(Prometheus.sum(metrics, "fraudscore_predict_scores_count", "model=\"shadow-mlp\"",
                    "role=\"primary\"", "version=\"1\"")).isEqualTo(rows);
            assertThat(Prometheus.sum(metrics, "fraudscore_predict_shadow_agreement_total", "model=\"shadow-mlp\"",
                    "primary=\"1\"", "shadow=\"2\"")).isEqualTo(rows);
        });
    }

    private static void publish(String model, String... versions) {
        for (String version : versions) {
            repository().publish(model, version, 100 + Integer.parseInt(version));
        }
    }

    /** One request a card, {@value #IN_FLIGHT} at a time (well within a batch queue). */
    private List<PredictResponse> predictAll(String model, List<String> cards) {
        List<PredictResponse> answers = new ArrayList<>();
        for (int from = 0; from < cards.size(); from += IN_FLIGHT) {
            List<ListenableFuture<PredictResponse>> wave = cards.subList(from, Math.min(from + IN_FLIGHT, cards.size()))
                    .stream().map(card -> client.predictAsync().predict(GrpcTestClient.request(model, "", card,
                            TestManifests.rows(1, 7)))).toList();
            answers.addAll(Futures.getUnchecked(Futures.allAsList(wave)));
        }
        return answers;
    }

    /** One request a card, one after the other, three rows each: each forward pass holds one request. */
    private List<PredictResponse> predictOneByOne(String model, List<String> cards) {
        return cards.stream().map(card -> client.predict().predict(GrpcTestClient.request(model, "", card,
                TestManifests.rows(3, card.hashCode())))).toList();
    }
}
