package dev.fraudscore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.fraudscore.contracts.common.v1.Channel;
import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.GetFeaturesResponse;
import dev.fraudscore.contracts.feature.v1.Transaction;
import dev.fraudscore.systemtests.ApiClient.Answer;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Late labels through the public API, in both deployments: a transaction scored with the default model (whose
 * set, {@code fraud_v1}, counts no labels) takes a FRAUD label once, a repeat gets the same answer, the other label
 * is 409, an unknown id 404, a report in the future 400; every answer as the OpenAPI document says, and the same
 * in the embedded deployment. The label moves {@code fraud_v2}'s merchant risk for vectors computed after it, at
 * least the delay (7 days) after the transaction, and not for one computed before it.
 */
class FraudFeedbackSystemIT {

    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(12, ChronoUnit.HOURS);
    private static final String PATH = "/fraud-feedback";

    private static Pipeline pipeline;
    private static ApiClient decomposed;
    private static ApiClient embedded;
    private static ManagedChannel features;

    @BeforeAll
    static void startBoth() {
        pipeline = Pipeline.get();
        decomposed = new ApiClient(pipeline.gatewayUrl());
        embedded = new ApiClient(pipeline.embeddedUrl());
        features = NettyChannelBuilder.forAddress("127.0.0.1", pipeline.featuresGrpcPort).usePlaintext().build();
    }

    @AfterAll
    static void disconnect() {
        features.shutdownNow();
    }

    @Test
    void aScoredTransactionTakesOneLabelInBothDeploymentsAsTheDocumentSays() {
        String merchant = "m-fb-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> tx = Transactions.everyday(Transactions.newCard(), AT, "23.10", merchant);
        String id = (String) tx.get("transactionId");
        scoreWhole(decomposed, tx);
        scoreWhole(embedded, tx);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        float riskBefore = merchantRisk1d(merchant, "probe-before-" + id, Duration.ofDays(8));

        Answer first = assertSameAnswer(feedback(id, "FRAUD", now), 200);
        Answer repeated = assertSameAnswer(feedback(id, "FRAUD", now), 200);
        Answer other = assertSameAnswer(feedback(id, "GENUINE", now), 409);
        Answer unknown = assertSameAnswer(feedback("never-" + id, "FRAUD", now), 404);
        Answer future = assertSameAnswer(feedback(id, "GENUINE", Instant.now().plus(Duration.ofHours(1)).toString()), 400);
        float riskAfter = merchantRisk1d(merchant, "probe-after-" + id, Duration.ofDays(8).plusSeconds(1));

        assertThat(first.rawBody()).isEqualTo("{\"transactionId\":\"" + id + "\",\"label\":\"FRAUD\",\"accepted\":true}");
        assertThat(repeated.rawBody()).as("a repeat gets the same answer").isEqualTo(first.rawBody());
        assertThat(other.body().path("detail").asString()).contains("already labelled FRAUD");
        assertThat(unknown.body().path("detail").asString()).contains("was scored in the last 39 days");
        assertThat(future.body().path("errors").get(0).path("field").asString()).isEqualTo("reportedAt");
        assertThat(future.body().path("errors")).hasSize(1);
        assertThat(riskBefore).as("fraud_v2 merchant risk, 8 days later, before the label").isZero();
        assertThat(riskAfter).as("after it: one fraud among one transaction, counted once").isEqualTo(1f);
    }

    @Test
    void feedbackNeedsAnApiKey() {
        Answer refused = decomposed.post(PATH, feedback("tx-any", "FRAUD", Instant.now().toString()), null);

        assertConforms(refused, 401);
    }

    private static String feedback(String id, String label, String reportedAt) {
        return ApiClient.JSON.writeValueAsString(Map.of("transactionId", id, "label", label, "reportedAt", reportedAt));
    }

    /** Scored whole: a degraded answer (a step out of time on a loaded machine) is sent again, as a caller would. */
    private static void scoreWhole(ApiClient client, Map<String, Object> tx) {
        Answer answer = client.score(tx, Pipeline.API_KEY);
        for (int retry = 0; retry < 5 && answer.body().path("degraded").asBoolean(); retry++) {
            answer = client.score(tx, Pipeline.API_KEY);
        }
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("featureSet").asString()).as("the default model's set").isEqualTo("fraud_v1");
    }

    private static Answer assertSameAnswer(String body, int status) {
        Answer fromDecomposed = decomposed.post(PATH, body, Pipeline.API_KEY);
        Answer fromEmbedded = embedded.post(PATH, body, Pipeline.API_KEY);

        assertConforms(fromDecomposed, status);
        assertConforms(fromEmbedded, status);
        assertThat(comparable(fromEmbedded.body())).as("the embedded answer beside the decomposed one")
                .isEqualTo(comparable(fromDecomposed.body()));
        return fromDecomposed;
    }

    private static void assertConforms(Answer answer, int status) {
        assertThat(answer.status()).as("status of %s", answer.rawBody()).isEqualTo(status);
        assertThat(OpenApiContract.violations(PATH, answer)).as("%d %s %s against %s", status, answer.contentType(),
                answer.rawBody(), OpenApiContract.DOCUMENT).isEmpty();
    }

    private static JsonNode comparable(JsonNode body) {
        ObjectNode copy = (ObjectNode) body.deepCopy();
        copy.remove(List.of("requestId", "instance"));
        return copy;
    }

    /**
     * {@code merchant_risk_1d_delayed} of a new card's transaction at the merchant {@code after} the scored one, from
     * feature-service's {@code fraud_v2} (the decomposed deployment's store): the share of fraud among the
     * merchant's transactions of the day a week before.
     */
    private static float merchantRisk1d(String merchant, String id, Duration after) {
        Instant at = AT.plus(after);
        GetFeaturesResponse vector = FeatureServiceGrpc.newBlockingStub(features).withDeadlineAfter(5, TimeUnit.SECONDS)
                .getFeatures(GetFeaturesRequest.newBuilder()
                        .setFeatureSet(FeatureSetRef.newBuilder().setName("fraud").setVersion(2))
                        .setTransaction(Transaction.newBuilder().setTransactionId(id)
                                .setOccurredAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond()))
                                .setAmountMinor(1_000).setBaseCurrency("EUR").setCardKey("tok_probe-" + id)
                                .setMerchantKey(merchant).setChannel(Channel.CHANNEL_POS))
                        .build());
        assertThat(vector.getValues(vector.getNamesList().indexOf("merchant_tx_count_1d_delayed")))
                .as("the scored transaction, recorded in fraud_v2 though fraud_v1 served it").isEqualTo(1f);
        return vector.getValues(vector.getNamesList().indexOf("merchant_risk_1d_delayed"));
    }
}
