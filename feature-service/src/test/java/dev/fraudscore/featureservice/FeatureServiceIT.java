package dev.fraudscore.featureservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import dev.fraudscore.contracts.common.v1.Channel;
import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.FraudLabel;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.GetFeaturesResponse;
import dev.fraudscore.contracts.feature.v1.RecordLabelRequest;
import dev.fraudscore.contracts.feature.v1.RecordLabelResponse;
import dev.fraudscore.contracts.feature.v1.Transaction;
import dev.fraudscore.features.FraudV1;
import dev.fraudscore.features.FraudV2;
import dev.fraudscore.testsupport.TestRedis;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole service: gRPC on its own Netty port (0), the actuator on the servlet port, a real Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.grpc.server.port=0", "spring.grpc.server.host=127.0.0.1"})
class FeatureServiceIT extends GrpcClientIT {

    private static final String PREFIX = TestRedis.uniquePrefix();
    private static final Instant AT = Instant.parse("2026-04-01T09:30:00Z");

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        TestRedisProperties.register(registry, PREFIX);
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    StringRedisTemplate redis;

    private FeatureServiceGrpc.FeatureServiceBlockingStub features() {
        return FeatureServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    private static Transaction.Builder transaction(String id, String card, Instant at) {
        return Transaction.newBuilder()
                .setTransactionId(id)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
                .setAmountMinor(4_200)
                .setBaseCurrency("EUR")
                .setCardKey(card)
                .setCardCountry("DE")
                .setMerchantKey("merchant-1")
                .setMerchantCategoryCode("5411")
                .setMerchantCountry("DE")
                .setChannel(Channel.CHANNEL_POS);
    }

    private static GetFeaturesRequest request(Transaction.Builder tx, String name, int version, String fingerprint) {
        return GetFeaturesRequest.newBuilder()
                .setTransaction(tx)
                .setFeatureSet(FeatureSetRef.newBuilder().setName(name).setVersion(version).setFingerprint(fingerprint))
                .build();
    }

    @Test
    void answersWithTheFraudV1VectorAndCountsARetryOnce() {
        FraudV1 fraudV1 = new FraudV1();

        GetFeaturesResponse first = features().getFeatures(request(transaction("t-1", "card-ok", AT), "fraud", 1, ""));
        GetFeaturesResponse retry = features().getFeatures(request(transaction("t-1", "card-ok", AT), "fraud", 1, ""));
        GetFeaturesResponse next = features().getFeatures(
                request(transaction("t-2", "card-ok", AT.plusSeconds(90)), "fraud", 1, fraudV1.fingerprint()));

        assertThat(first.getFeatureSet().getName()).isEqualTo("fraud");
        assertThat(first.getFeatureSet().getVersion()).isEqualTo(1);
        assertThat(first.getFeatureSet().getFingerprint()).isEqualTo(fraudV1.fingerprint()).isNotEmpty();
        assertThat(first.getNamesList()).isEqualTo(fraudV1.featureNames());
        assertThat(first.getValuesList()).hasSize(fraudV1.featureNames().size());
        assertThat(first.getMissingList()).contains("seconds_since_last_tx_log1p");
        assertThat(first.getReplayed()).isFalse();
        assertThat(retry.getReplayed()).isTrue();
        assertThat(retry.getValuesList()).isEqualTo(first.getValuesList());
        int count24h = fraudV1.featureNames().indexOf("card_tx_count_24h");
        assertThat(next.getValuesList().get(count24h)).as("the retry was not counted again").isEqualTo(1f);
        assertThat(next.getMissingList()).doesNotContain("seconds_since_last_tx_log1p");
    }

    @Test
    void servesFraudV2BesideFraudV1EachInItsOwnNamespace() {
        FraudV2 fraudV2 = new FraudV2();

        GetFeaturesResponse v1 = features().getFeatures(request(transaction("both-1", "card-both", AT), "fraud", 1, ""));
        GetFeaturesResponse v2 = features().getFeatures(
                request(transaction("both-1", "card-both", AT), "fraud", 2, fraudV2.fingerprint()));
        GetFeaturesResponse v2Next = features().getFeatures(
                request(transaction("both-2", "card-both", AT.plusSeconds(60)), "fraud", 2, ""));

        assertThat(v1.getNamesList()).isEqualTo(new FraudV1().featureNames());
        assertThat(v2.getFeatureSet().getFingerprint()).isEqualTo(fraudV2.fingerprint());
        assertThat(v2.getNamesList()).isEqualTo(fraudV2.featureNames());
        // served from fraud_v1, the transaction was recorded in fraud_v2 too (it counts labels): a replay there
        assertThat(v2.getReplayed()).as("recorded in fraud_v2 when fraud_v1 served it").isTrue();
        int count1h = fraudV2.featureNames().indexOf("card_tx_count_1h");
        assertThat(v2Next.getValuesList().get(count1h)).as("both-1, counted once in fraud_v2").isEqualTo(1f);
        assertThat(redis.keys(PREFIX + "fraud_v1:{card-both}:*")).isNotEmpty();
        assertThat(redis.keys(PREFIX + "fraud_v2:{card-both}:*")).isNotEmpty();
        assertThat(redis.keys(PREFIX + "fraud_v2:m:{merchant-1}:*")).containsExactly(PREFIX + "fraud_v2:m:{merchant-1}:md");
    }

    private static RecordLabelRequest label(String id, FraudLabel label, Instant reportedAt) {
        return RecordLabelRequest.newBuilder().setTransactionId(id).setLabel(label)
                .setReportedAt(Timestamp.newBuilder().setSeconds(reportedAt.getEpochSecond())).build();
    }

    @Test
    void aTransactionScoredThroughFraudV1TakesALateLabelThatMovesFraudV2sMerchantRisk() {
        FraudV2 fraudV2 = new FraudV2();
        features().getFeatures(request(transaction("lab-1", "card-lab", AT).setMerchantKey("m-lab"), "fraud", 1, ""));
        Instant reported = AT.plus(Duration.ofDays(2));

        RecordLabelResponse first = features().recordLabel(label("lab-1", FraudLabel.FRAUD_LABEL_FRAUD, reported));
        RecordLabelResponse repeated = features().recordLabel(label("lab-1", FraudLabel.FRAUD_LABEL_FRAUD, reported));
        StatusRuntimeException conflict = catchThrowableOfType(StatusRuntimeException.class,
                () -> features().recordLabel(label("lab-1", FraudLabel.FRAUD_LABEL_GENUINE, reported)));
        GetFeaturesResponse later = features().getFeatures(request(
                transaction("lab-2", "card-lab-2", AT.plus(Duration.ofDays(8))).setMerchantKey("m-lab"), "fraud", 2, ""));

        assertThat(first.getTransactionId()).isEqualTo("lab-1");
        assertThat(first.getLabel()).isEqualTo(FraudLabel.FRAUD_LABEL_FRAUD);
        assertThat(repeated).as("the same answer, counted once").isEqualTo(first);
        assertThat(conflict.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(conflict.getStatus().getDescription())
                .isEqualTo("transaction lab-1 is already labelled FRAUD; a label is final, so GENUINE was not recorded");
        int risk1d = fraudV2.featureNames().indexOf("merchant_risk_1d_delayed");
        assertThat(later.getValuesList().get(risk1d)).as("one fraud among one transaction, 8 days before").isEqualTo(1f);
    }

    @Test
    void aLabelForATransactionNeverScoredIsNotFoundNamingTheHorizon() {
        StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class,
                () -> features().recordLabel(label("never-scored", FraudLabel.FRAUD_LABEL_FRAUD, AT)));

        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(unknown.getStatus().getDescription()).isEqualTo("no transaction never-scored was scored in the"
                + " last 39 days, the horizon of late labels, so there is nothing to label");
    }

    @Test
    void refusesABadLabelNamingEachField() throws Exception {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> features().recordLabel(RecordLabelRequest.getDefaultInstance()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        BadRequest badRequest = StatusProto.fromThrowable(refused).getDetails(0).unpack(BadRequest.class);
        assertThat(badRequest.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
                .containsExactly("transaction_id", "label", "reported_at");
    }

    @Test
    void refusesAnotherFingerprint() {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, () -> features().getFeatures(
                request(transaction("t-fp", "card-fp", AT), "fraud", 1, "0000000000000000")));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(error.getStatus().getDescription())
                .contains("0000000000000000")
                .contains(new FraudV1().fingerprint());
        assertThat(redis.hasKey(PREFIX + "fraud_v1:{card-fp}:w")).as("nothing recorded").isFalse();
    }

    @Test
    void refusesAFeatureSetItDoesNotServe() {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, () -> features().getFeatures(
                request(transaction("t-nf", "card-nf", AT), "fraud", 9, "")));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(error.getStatus().getDescription()).isEqualTo("feature set fraud_v9 is not served here; served: fraud_v1, fraud_v2");
    }

    @Test
    void refusesABadTransactionNamingEachField() throws Exception {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, () -> features().getFeatures(
                request(transaction("t-bad", "card-bad", AT).setAmountMinor(-1).setChannel(Channel.CHANNEL_UNSPECIFIED),
                        "fraud", 1, "")));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(error.getStatus().getDescription())
                .contains("transaction.amount_minor must not be negative")
                .contains("transaction.channel must be one of CHANNEL_ECOMMERCE, CHANNEL_POS, CHANNEL_ATM, CHANNEL_MOTO")
                .doesNotContain("Exception");
        BadRequest details = StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class);
        assertThat(details.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
                .containsExactly("transaction.amount_minor", "transaction.channel");
        assertThat(redis.keys(PREFIX + "*{card-bad}*")).as("nothing recorded").isEmpty();
    }

    @Test
    void servesStandardGrpcHealthForTheServerAndItsServiceOnceWarm() {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
        for (String service : new String[] {"", FeatureServiceGrpc.SERVICE_NAME}) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(health
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus())
                    .isEqualTo(ServingStatus.SERVING));
        }
    }

    @Test
    void theWarmUpLeavesNoKeyAndNoRecordOfItsOwn() {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(health
                .withDeadlineAfter(5, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(ServingStatus.SERVING));

        // its card's keys, and its records in the transaction cache's and the label records' shared buckets
        Set<String> keys = redis.keys(PREFIX + "*");
        assertThat(keys).noneMatch(key -> key.contains("warmup-"));
        for (String key : keys) {
            if (key.contains(":t:{") || key.contains(":l:{")) {
                assertThat(redis.opsForHash().keys(key)).as(key)
                        .noneMatch(field -> String.valueOf(field).startsWith("warmup-"));
            }
        }
    }

    @Test
    void actuatorHealthIncludesRedisAndIsUpOnceWarm() {
        // the service warms itself up over gRPC before it reports UP (health component readinessGate)
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"redis\":{\"status\":\"UP\"}")
                    .contains("\"readinessGate\":{\"status\":\"UP\"}").contains("\"status\":\"UP\"");
        });
        assertThat(httpPort).as("actuator and gRPC listen apart").isNotEqualTo(grpcPort);
    }
}
