package dev.fraudscore.businessapi.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.contracts.common.v1.Channel;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public contract: answer shape, validation, idempotency, errors. */
class FraudScoreApiIT extends PipelineITSupport {

    @Test
    void happyPathAnswersWithModelFeatureSetAndPolicy() {
        String id = newId();

        HttpResponse<String> response = post(transaction(id), "application/json", "req-happy-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-happy-1");
        JsonNode answer = json(response);
        assertThat(answer.get("transactionId").asString()).isEqualTo(id);
        assertThat(answer.get("decision").asString()).isEqualTo("DECLINE");
        assertThat(answer.get("label").asString()).isEqualTo("HIGHLY_SUSPICIOUS");
        assertThat(answer.get("score").asDouble()).isEqualTo(0.87);
        assertThat(answer.get("reasons").get(0).get("code").asString()).isEqualTo("HIGH_SCORE");
        assertThat(answer.get("reasons").get(0).get("weight").asDouble()).isEqualTo(0.75);
        assertThat(answer.get("model").get("name").asString()).isEqualTo("fraud-mlp");
        assertThat(answer.get("model").get("version").asString()).isEqualTo("1");
        assertThat(answer.get("featureSet").asString()).isEqualTo("fraud_v1");
        assertThat(answer.get("policyVersion").asString()).isEqualTo("policy-test-1");
        assertThat(answer.get("degraded").asBoolean()).isFalse();

        GetFeaturesRequest asked = FIXTURES.features.requests.peek();
        assertThat(asked.getFeatureSet().getFingerprint()).isEqualTo("fp-1");
        assertThat(asked.getTransaction().getAmountMinor()).isEqualTo(12_999L);
        assertThat(asked.getTransaction().getBaseCurrency()).isEqualTo("EUR");
        assertThat(asked.getTransaction().getCardKey()).isEqualTo("tok_4f9a2c");
        assertThat(asked.getTransaction().getChannel()).isEqualTo(Channel.CHANNEL_ECOMMERCE);
        assertThat(FIXTURES.predict.requests.peek().getRows(0).getValuesCount()).isEqualTo(2);
        DecideRequest decided = FIXTURES.postprocess.requests.peek();
        assertThat(decided.getScore()).isEqualTo(0.87f);
        assertThat(decided.getFeaturesMap()).containsOnlyKeys("amount_log", "tx_count_1h");
        assertThat(decided.getModel().getVersion()).isEqualTo("1");
    }

    @Test
    void invalidBodyNamesEveryBadFieldAndTouchesNothing() {
        String id = newId();
        String body = transaction(id)
                .replace("\"EUR\"", "\"euro\"")
                .replace("\"424242\"", "\"42\"")
                .replace("\"ECOMMERCE\"", "\"PHONE\"");

        HttpResponse<String> response = post(body, "application/json", "req-invalid-1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isEqualTo("Invalid transaction");
        assertThat(problem.get("type").asString()).endsWith("/problems/invalid-transaction");
        assertThat(problem.get("instance").asString()).isEqualTo("/fraud-score");
        assertThat(problem.get("requestId").asString()).isEqualTo("req-invalid-1");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly("amount.currency", "card.bin", "channel");
        assertThat(problem.get("errors").get(0).get("message").asString())
                .isEqualTo("must be an ISO 4217 code of three capital letters, e.g. EUR");
        assertThat(FIXTURES.features.requests).isEmpty();
        assertThat(FIXTURES.predict.requests).isEmpty();
        assertThat(FIXTURES.postprocess.requests).isEmpty();
        assertThat(idempotencyPlace(id)).isEmpty();
    }

    @Test
    void sameIdAndBodyTwiceGivesTheSameAnswerAndCallsFeaturesOnce() {
        String id = newId();

        HttpResponse<String> first = post(transaction(id));
        // same transaction, other whitespace and field order
        HttpResponse<String> second = post(transaction(id).replace("\n", "  ")
                .replace("\"channel\": \"ECOMMERCE\",", "").replace("{\"transactionId\"", "{\"channel\": \"ECOMMERCE\", \"transactionId\""));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(FIXTURES.features.requests).hasSize(1);
        assertThat(FIXTURES.postprocess.requests).hasSize(1);
        // kept compact: the fingerprint's 16 bytes, a skeleton id and the answer's numbers, not its JSON
        assertThat(storedBytes(id)).isGreaterThan(16).isLessThan(first.body().length() / 4);
        // its bucket expires at the end of the day plus the TTL (24h)
        assertThat(redis.getExpire(idempotencyPlace(id).orElseThrow().bucket())).isBetween(24 * 3600L - 1, 48 * 3600L);
    }

    @Test
    void sameIdWithAnotherBodyIsAConflict() {
        String id = newId();
        assertThat(post(transaction(id, "10.00")).statusCode()).isEqualTo(200);

        HttpResponse<String> reused = post(transaction(id, "99.00"));

        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(reused).get("detail").asString())
                .isEqualTo("transactionId " + id + " was already used for a different transaction; use a new id");
        assertThat(FIXTURES.features.requests).hasSize(1);
    }

    @Test
    void malformedJsonAndWrongTypesAreBadRequests() {
        HttpResponse<String> notJson = post("{\"transactionId\": \"tx-1\", ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("detail").asString()).startsWith("body is not valid JSON: ");
        assertThat(json(notJson).has("errors")).isFalse();

        HttpResponse<String> wrongType = post(transaction(newId()).replace("\"card\": {", "\"card\": \"tok\", \"x\": {"));
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("errors").get(0).get("field").asString()).isEqualTo("card");
        assertThat(json(wrongType).get("errors").get(0).get("message").asString()).isEqualTo("must be a JSON object");
        assertThat(FIXTURES.features.requests).isEmpty();
    }

    @Test
    void aBodyOver64KbIsRefusedWith413() {
        String huge = transaction(newId()).replace("\"channel\"", "\"padding\": \"" + "x".repeat(70 * 1024) + "\", \"channel\"");

        HttpResponse<String> response = post(huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("detail").asString()).startsWith("The body is larger than 64 KB");
        assertThat(FIXTURES.features.requests).isEmpty();
    }

    @Test
    void unknownPathsMethodsAndMediaTypesGetProblemsWithoutStackTraces() {
        HttpResponse<String> notFound = send(HttpRequest.newBuilder(uri("/nope")).GET());
        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri("/fraud-score")).GET());
        HttpResponse<String> wrongType = post(transaction(newId()), "text/plain", "req-415");

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(json(wrongType).get("requestId").asString()).isEqualTo("req-415");
        assertThat(json(wrongType).get("detail").asString()).contains("send the transaction as application/json");
        for (HttpResponse<String> response : List.of(notFound, wrongMethod, wrongType)) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aTransactionFeatureServiceRefusesIs400AndLeavesNoClaim() {
        FIXTURES.features.mode = FeatureFixture.Mode.INVALID_ARGUMENT;
        String id = newId();

        HttpResponse<String> response = post(transaction(id));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asString()).isEqualTo(
                "feature-service refused the transaction: transaction.merchant_category_code 9999 is not a known MCC");
        assertThat(FIXTURES.predict.requests).isEmpty();
        assertThat(idempotencyPlace(id)).isEmpty();
    }

    @Test
    void twoCallersUsingTheSameIdForDifferentPaymentsEachGetTheirOwnAnswer() {
        String id = newId();

        HttpResponse<String> shop = post(transaction(id, "10.00"), "shop");
        HttpResponse<String> bank = post(transaction(id, "990.00"), "bank");
        HttpResponse<String> shopAgain = post(transaction(id, "10.00"), "shop");
        HttpResponse<String> shopOtherBody = post(transaction(id, "11.00"), "shop");

        assertThat(shop.statusCode()).isEqualTo(200);
        assertThat(bank.statusCode()).isEqualTo(200);
        assertThat(shopAgain.body()).isEqualTo(shop.body());
        assertThat(shopOtherBody.statusCode()).isEqualTo(409);
        assertThat(idempotencyPlace("shop", id)).isPresent();
        assertThat(idempotencyPlace("bank", id)).isPresent();
    }

    @Test
    void otherMethodsAre405NamingPost() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/fraud-score")).GET());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("type").asString()).isEqualTo("https://fraudscore.dev/problems/method-not-allowed");
        assertThat(json(response).get("detail").asString()).isEqualTo("Method GET is not supported at /fraud-score; use POST.");
    }

    @Test
    void healthIsUpAndBreakersAreScraped() {
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).GET());
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asString()).isEqualTo("UP");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("resilience4j_circuitbreaker_state{").contains("name=\"features\"")
                .contains("name=\"predict\"").contains("name=\"postprocess\"");
    }
}
