package dev.fraudscore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.systemtests.ApiClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/** The public API through the real gateway, business-api and the three gRPC services, with Redis and a trained model. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FraudScoreSystemIT {

    private static final Instant YESTERDAY_NOON = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(12, ChronoUnit.HOURS);

    private static Pipeline pipeline;
    private static ApiClient api;
    private static CardAggregates aggregates;

    @BeforeAll
    static void startSystem() {
        pipeline = Pipeline.get();
        api = new ApiClient(pipeline.gatewayUrl());
        aggregates = new CardAggregates(pipeline.redis, pipeline.featureKeyPrefix());
    }

    @Test
    @Order(1)
    void everydayPaymentIsApprovedWithModelAndFeatureSetVersions() {
        String card = Transactions.newCard();
        assertThat(api.score(Transactions.everyday(card, YESTERDAY_NOON.minus(1, ChronoUnit.DAYS), "38.20", "m-grocer-1"),
                Pipeline.API_KEY).status()).isEqualTo(200);

        Answer answer = api.score(Transactions.everyday(card, YESTERDAY_NOON, "41.90", "m-grocer-1"), Pipeline.API_KEY);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.requestId()).isNotBlank();
        JsonNode body = answer.body();
        assertThat(body.path("decision").asString()).as("decision in %s", body).isEqualTo("APPROVE");
        assertThat(body.path("label").asString()).isEqualTo("NOT_FRAUD");
        assertThat(body.path("degraded").asBoolean()).isFalse();
        assertThat(body.path("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(body.path("model").path("name").asString()).isEqualTo(pipeline.model.name());
        assertThat(body.path("model").path("version").asString()).isEqualTo(pipeline.model.version());
        assertThat(body.path("featureSet").asString()).isEqualTo("fraud_v1");
        assertThat(body.path("policyVersion").asString()).isNotBlank();
    }

    @Test
    @Order(2)
    void cardTestingBurstScoresHigherAndIsStopped() {
        String card = Transactions.newCard();
        Instant start = YESTERDAY_NOON.plus(3, ChronoUnit.HOURS);
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> tx = Transactions.transaction(Transactions.newId(), card, start.plusSeconds(40L * i),
                    "1." + (10 + i), "m-web-" + i, "5999", "US", "ECOMMERCE");
            Answer answer = api.score(tx, Pipeline.API_KEY);
            assertThat(answer.status()).isEqualTo(200);
            answers.add(answer.body());
        }

        double first = answers.get(0).path("score").asDouble();
        double last = answers.get(answers.size() - 1).path("score").asDouble();
        assertThat(last).as("score of the 10th payment of the burst vs the 1st").isGreaterThan(first);
        assertThat(answers.subList(5, 10)).extracting(a -> a.path("decision").asString())
                .containsAnyOf("REVIEW", "DECLINE");
        assertThat(answers.get(9).path("reasons").findValuesAsString("code")).contains("HIGH_VELOCITY");
    }

    @Test
    @Order(3)
    void invalidBodyNamesEachBadFieldAndRecordsNothing() {
        String card = Transactions.newCard();
        assertThat(api.score(Transactions.everyday(card, YESTERDAY_NOON, "12.00", "m-1"), Pipeline.API_KEY).status())
                .isEqualTo(200);
        long before = aggregates.transactionsOf(card);

        Map<String, Object> bad = Transactions.everyday(card, YESTERDAY_NOON.plusSeconds(60), "-5", "m-1");
        bad.put("amount", Map.of("value", "-5", "currency", "EURO"));
        bad.put("channel", "CARRIER_PIGEON");
        Answer answer = api.score(bad, Pipeline.API_KEY);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("errors").findValuesAsString("field"))
                .contains("amount.value", "amount.currency", "channel");
        assertThat(answer.body().path("errors").findValuesAsString("message")).allSatisfy(m -> assertThat(m).isNotBlank());
        assertThat(aggregates.transactionsOf(card)).isEqualTo(before).isEqualTo(1);
    }

    @Test
    @Order(4)
    void missingOrUnknownApiKeyIsRefused() {
        Map<String, Object> tx = Transactions.everyday(Transactions.newCard(), YESTERDAY_NOON, "10.00", "m-1");

        Answer noKey = api.score(tx, null);
        Answer wrongKey = api.score(tx, "fsk_not_a_key");

        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.contentType()).startsWith("application/problem+json");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(aggregates.transactionsOf(tx)).isZero();
    }

    @Test
    @Order(5)
    void sameTransactionTwiceGivesTheFirstAnswerAndCountsOnce() {
        String card = Transactions.newCard();
        Map<String, Object> tx = Transactions.everyday(card, YESTERDAY_NOON, "23.45", "m-bakery");

        Answer first = api.score(tx, Pipeline.API_KEY);
        Answer second = api.score(tx, Pipeline.API_KEY);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(aggregates.transactionsOf(card)).isEqualTo(1);

        Map<String, Object> changed = Transactions.everyday(card, YESTERDAY_NOON, "99.99", "m-bakery");
        changed.put("transactionId", tx.get("transactionId"));
        assertThat(api.score(changed, Pipeline.API_KEY).status()).isEqualTo(409);
        assertThat(aggregates.transactionsOf(card)).isEqualTo(1);
    }

    @Test
    @Order(100)
    void predictServiceDownGivesADegradedAnswerInTime() {
        assertDegradedWhileDown("predict-service", "MODEL_UNAVAILABLE", true);
    }

    @Test
    @Order(101)
    void featureServiceDownGivesADegradedAnswerInTimeAndRecordsNothing() {
        assertDegradedWhileDown("feature-service", "FEATURES_UNAVAILABLE", true);
    }

    @Test
    @Order(102)
    void postprocessServiceDownGivesBusinessApisFailModeInTime() {
        assertDegradedWhileDown("postprocess-service", "POSTPROCESS_UNAVAILABLE", false);
    }

    /** Kills a service (SIGKILL), checks the answer of the failure table's row, and brings the service back. */
    private static void assertDegradedWhileDown(String service, String reason, boolean scoreMissing) {
        pipeline.service(service).kill();
        try {
            Answer answer = api.score(Transactions.everyday(Transactions.newCard(), YESTERDAY_NOON, "15.00", "m-2"),
                    Pipeline.API_KEY);
            // on a loaded machine another step can run out of its deadline too; a new transaction shows this row alone
            for (int retry = 0; retry < 3 && answer.body().has("score") != !scoreMissing; retry++) {
                answer = api.score(Transactions.everyday(Transactions.newCard(), YESTERDAY_NOON, "15.00", "m-2"),
                        Pipeline.API_KEY);
            }

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("label").asString()).isEqualTo("UNCERTAIN");
            assertThat(answer.body().path("decision").asString()).isEqualTo("REVIEW");
            assertThat(answer.body().path("degraded").asBoolean()).isTrue();
            assertThat(answer.body().has("score")).isEqualTo(!scoreMissing);
            assertThat(answer.body().path("reasons").findValuesAsString("code")).as("reasons of %s", answer.body())
                    .contains(reason);
            // business-api's deadline is 300 ms; allow for the gateway hop on a busy 2-core CI machine
            assertThat(answer.millis()).isLessThan(1000);
        } finally {
            pipeline.restart(service);
            awaitRecovered(service);
        }
    }

    /** Answers are whole again soon after the service is back: business-api notices it recovered. */
    private static void awaitRecovered(String service) {
        long start = System.nanoTime();
        await("non-degraded answers after " + service + " is back").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> !api.score(Transactions.everyday(Transactions.newCard(),
                        YESTERDAY_NOON, "16.00", "m-3"), Pipeline.API_KEY).body().path("degraded").asBoolean());
        System.out.printf("answers were whole again %d ms after %s was ready%n", (System.nanoTime() - start) / 1_000_000,
                service);
    }
}
