package dev.fraudscore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.systemtests.ApiClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public contract's cases sent to both deployments — decomposed (gateway, business-api and three gRPC
 * services) and embedded (one process) — with the same transactions in the same order: the answers are the
 * same, member for member (but the request id and the problem's instance, which name the call).
 */
class EmbeddedModeSystemIT {

    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(12, ChronoUnit.HOURS);

    private static ApiClient decomposed;
    private static ApiClient embedded;

    @BeforeAll
    static void startBoth() {
        Pipeline pipeline = Pipeline.get();
        decomposed = new ApiClient(pipeline.gatewayUrl());
        embedded = new ApiClient(pipeline.embeddedUrl());
        awaitWholeAnswers(decomposed, "decomposed");
        awaitWholeAnswers(embedded, "embedded");
    }

    /**
     * Both deployments answer within their deadlines before the comparison starts: on a loaded machine the first
     * calls after a start can run out of time and be degraded, which says nothing about the answers' sameness.
     */
    private static void awaitWholeAnswers(ApiClient client, String deployment) {
        await(deployment + " answers not degraded").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !client.score(Transactions.everyday(Transactions.newCard(), AT, "9.99", "m-warm"),
                        Pipeline.API_KEY).body().path("degraded").asBoolean());
    }

    @Test
    void everydayPaymentsAndACardTestingBurstGetTheSameScoresDecisionsAndReasons() {
        String card = Transactions.newCard();
        List<Map<String, Object>> sent = new ArrayList<>();
        sent.add(Transactions.everyday(card, AT.minus(1, ChronoUnit.DAYS), "38.20", "m-grocer-1"));
        sent.add(Transactions.everyday(card, AT, "41.90", "m-grocer-1"));
        for (int i = 0; i < 8; i++) {
            sent.add(Transactions.transaction(Transactions.newId(), card, AT.plusSeconds(3600 + 40L * i), "1." + (10 + i),
                    "m-web-" + i, "5999", "US", "ECOMMERCE"));
        }
        for (Map<String, Object> tx : sent) {
            assertSameAnswer(tx, Pipeline.API_KEY, 200);
        }
    }

    @Test
    void refusalsAreTheSame() {
        Map<String, Object> tx = Transactions.everyday(Transactions.newCard(), AT, "12.00", "m-1");
        Map<String, Object> invalid = new LinkedHashMap<>(tx);
        invalid.put("amount", Map.of("value", "-5", "currency", "EURO"));
        invalid.put("customer", Map.of("id", true));

        assertSameAnswer(invalid, Pipeline.API_KEY, 400);
        assertSameAnswer(tx, null, 401);
        assertSameAnswer(tx, "fsk_not_a_key", 401);
        assertSameAnswer(tx, Pipeline.API_KEY, 200);
        assertSameAnswer(tx, Pipeline.API_KEY, 200);
        Map<String, Object> reused = new LinkedHashMap<>(tx);
        reused.put("amount", Map.of("value", "99.99", "currency", "EUR"));
        assertSameAnswer(reused, Pipeline.API_KEY, 409);
        assertSameAnswer(reused, Pipeline.SECOND_API_KEY, 200);
    }

    @Test
    void anOversizedBodyIs413InBoth() {
        Map<String, Object> tx = Transactions.everyday(Transactions.newCard(), AT, "12.00", "m-1");
        tx.put("padding", "x".repeat(70 * 1024));

        Answer fromDecomposed = decomposed.score(tx, Pipeline.API_KEY);
        Answer fromEmbedded = embedded.score(tx, Pipeline.API_KEY);

        assertThat(fromDecomposed.status()).isEqualTo(413);
        assertThat(fromEmbedded.status()).isEqualTo(413);
        assertThat(fromEmbedded.contentType()).startsWith("application/problem+json");
    }

    private static void assertSameAnswer(Map<String, Object> tx, String apiKey, int status) {
        Answer fromDecomposed = scoreWhole(decomposed, tx, apiKey);
        Answer fromEmbedded = scoreWhole(embedded, tx, apiKey);

        assertThat(fromDecomposed.status()).as("decomposed: %s", fromDecomposed.body()).isEqualTo(status);
        assertThat(fromEmbedded.status()).as("embedded: %s", fromEmbedded.body()).isEqualTo(status);
        assertThat(comparable(fromEmbedded.body())).as("the embedded answer beside the decomposed one")
                .isEqualTo(comparable(fromDecomposed.body()));
    }

    /**
     * The answer, sent again while it comes back degraded, as a caller would retry: on a loaded machine a step can run
     * out of its deadline, which says nothing about the answers' sameness. A degraded answer is not kept for replay,
     * and feature-service gives a retried transaction the history it had the first time, so the retry is scored on
     * the same features.
     */
    private static Answer scoreWhole(ApiClient client, Map<String, Object> tx, String apiKey) {
        Answer answer = client.score(tx, apiKey);
        for (int retry = 0; retry < 5 && answer.status() == 200 && answer.body().path("degraded").asBoolean(); retry++) {
            answer = client.score(tx, apiKey);
        }
        return answer;
    }

    /** The answer without the members that name the call rather than the answer. */
    private static JsonNode comparable(JsonNode body) {
        ObjectNode copy = (ObjectNode) body.deepCopy();
        copy.remove(List.of("requestId", "instance"));
        return copy;
    }
}
