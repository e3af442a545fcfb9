package dev.fraudscore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.systemtests.ApiClient.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the gateway and business-api refuse, sent through the real system: each lax input the refactor
 * issue found gets 400 problem+json naming the field and moves nothing in the feature store; other methods
 * get 405; and two callers may use one transaction id for two different payments.
 */
class StrictInputSystemIT {

    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(12, ChronoUnit.HOURS);

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
    void aNumberOrABooleanWhereAnIdGoesIsRefused() {
        assertRefused("card.token", tx -> tx.put("card", Map.of("token", 0, "bin", "424242", "country", "FR")));
        assertRefused("customer.id", tx -> tx.put("customer", Map.of("id", true)));
        assertRefused("merchant.id", tx -> tx.put("merchant", Map.of("id", 1e308, "categoryCode", "5411", "country", "FR")));
    }

    @Test
    void idsWithControlCharactersOrEmojiAreRefused() {
        assertRefused("customer.id", tx -> tx.put("customer", Map.of("id", "cust\u0000")));
        assertRefused("merchant.id", tx -> tx.put("merchant", Map.of("id", "shop-\uD83D\uDED2", "categoryCode", "5411",
                "country", "FR")));
        assertRefused("card.token", tx -> tx.put("card", Map.of("token", "tok\u0000", "bin", "424242", "country", "FR")));
    }

    @Test
    void anEmailDomainMustBeADomainName() {
        assertRefused("customer.emailDomain", tx -> tx.put("customer", Map.of("id", "c-1", "emailDomain", 1e308)));
        assertRefused("customer.emailDomain", tx -> tx.put("customer", Map.of("id", "c-1", "emailDomain", "\u0000")));
        assertRefused("customer.emailDomain", tx -> tx.put("customer", Map.of("id", "c-1",
                "emailDomain", "2026-02-30T00:00:00Z")));
    }

    @Test
    void anAccountIsOpenedAfter1970AndBeforeThePayment() {
        assertRefused("customer.accountCreatedAt", tx -> tx.put("customer", Map.of("id", "c-1",
                "accountCreatedAt", "9999-01-01T00:00:00Z")));
        assertRefused("customer.accountCreatedAt", tx -> tx.put("customer", Map.of("id", "c-1",
                "accountCreatedAt", "0000-01-01T00:00:00Z")));
    }

    @Test
    void otherMethodsAre405AllowingPost() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(pipeline.gatewayUrl() + "/fraud-score")).header("X-API-Key", Pipeline.API_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ApiClient.JSON.readTree(response.body()).path("type").asString())
                .isEqualTo("https://fraudscore.dev/problems/method-not-allowed");
    }

    @Test
    void twoCallersUsingOneTransactionIdForDifferentPaymentsEachGetTheirOwnAnswer() {
        String id = Transactions.newId();
        Map<String, Object> shop = Transactions.transaction(id, Transactions.newCard(), AT, "10.00", "m-1", "5411", "FR", "POS");
        Map<String, Object> bank = Transactions.transaction(id, Transactions.newCard(), AT, "990.00", "m-2", "5732", "FR", "POS");

        Answer first = api.score(shop, Pipeline.API_KEY);
        Answer second = api.score(bank, Pipeline.SECOND_API_KEY);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).as("the second caller's answer: %s", second.body()).isEqualTo(200);
        assertThat(first.body().path("transactionId").asString()).isEqualTo(id);
        assertThat(second.body().path("transactionId").asString()).isEqualTo(id);
        assertThat(api.score(shop, Pipeline.API_KEY).body()).as("the first caller's replay").isEqualTo(first.body());
        assertThat(api.score(bank, Pipeline.API_KEY).status()).as("the same id and another body from the first caller")
                .isEqualTo(409);
    }

    private static void assertRefused(String field, Consumer<Map<String, Object>> breakIt) {
        String card = Transactions.newCard();
        Map<String, Object> tx = new LinkedHashMap<>(Transactions.everyday(card, AT, "12.00", "m-1"));
        breakIt.accept(tx);

        Answer answer = api.score(tx, Pipeline.API_KEY);

        assertThat(answer.status()).as("%s in %s", field, tx).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("errors").findValuesAsString("field")).as("%s", answer.body()).containsExactly(field);
        assertThat(aggregates.transactionsOf(card)).as("nothing recorded for the card").isZero();
    }
}
