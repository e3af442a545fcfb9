package dev.fraudscore.businessapi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.businessapi.grpc.DownstreamChannels;
import dev.fraudscore.businessapi.grpc.ModelMetadataCache;
import dev.fraudscore.features.FraudV1;
import dev.fraudscore.testsupport.TestRedis;
import io.grpc.ConnectivityState;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /fraud-feedback} end to end: business-api on a random port, feature-service's real endpoint and
 * Redis store behind it (both sets), predict- and postprocess-service as fixtures. A transaction is scored through
 * {@code /fraud-score} with the default model's set ({@code fraud_v1}), then labelled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedbackApiIT {

    static final RealFeatureService FEATURES = new RealFeatureService();
    static final FixtureServers FIXTURES = FixtureServers.start();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        FIXTURES.predict.metadata = PredictFixture.model("1", new FraudV1().fingerprint());
    }

    @LocalServerPort
    int port;
    @Autowired
    ModelMetadataCache models;
    @Autowired
    DownstreamChannels channels;
    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void wire(DynamicPropertyRegistry registry) {
        TestRedis testRedis = TestRedis.get();
        registry.add("spring.data.redis.host", testRedis::host);
        registry.add("spring.data.redis.port", testRedis::port);
        registry.add("fraudscore.api.idempotency.key-prefix", TestRedis::uniquePrefix);
        registry.add("fraudscore.api.downstream.features", FEATURES::target);
        registry.add("fraudscore.api.downstream.predict", FIXTURES::predictTarget);
        registry.add("fraudscore.api.downstream.postprocess", FIXTURES::postprocessTarget);
        registry.add("fraudscore.api.deadline", () -> "2s");
        registry.add("resilience4j.timelimiter.instances.features.timeout-duration", () -> "1s");
        registry.add("resilience4j.timelimiter.instances.predict.timeout-duration", () -> "500ms");
        registry.add("resilience4j.timelimiter.instances.postprocess.timeout-duration", () -> "500ms");
        registry.add("resilience4j.circuitbreaker.configs.default.minimum-number-of-calls", () -> "1000");
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        FEATURES.close();
    }

    @BeforeEach
    void ready() {
        FEATURES.restart();
        awaitFeatureChannel();
        await().atMost(Duration.ofSeconds(10)).until(() -> models.current().isPresent());
    }

    private void awaitFeatureChannel() {
        await().atMost(Duration.ofSeconds(10)).until(() -> channels.features().getState(true) == ConnectivityState.READY);
    }

    private String scored() {
        String id = "fb-" + UUID.randomUUID();
        // an hour ago: a label can only be reported within the label horizon (39 days) of its transaction
        HttpResponse<String> scored = post("/fraud-score", """
                {"transactionId": "%s", "occurredAt": "%s", "amount": {"value": "42.00", "currency": "EUR"},
                 "card": {"token": "tok_fb", "bin": "424242", "country": "FR"}, "customer": {"id": "cust-fb"},
                 "merchant": {"id": "m-fb", "categoryCode": "5411", "country": "FR"}, "channel": "POS"}"""
                .formatted(id, now().minus(Duration.ofHours(1))));
        assertThat(scored.statusCode()).isEqualTo(200);
        assertThat(json(scored).get("degraded").asBoolean()).as(scored.body()).isFalse();
        return id;
    }

    private static String feedback(String id, String label, Instant reportedAt) {
        return """
                {"transactionId": "%s", "label": "%s", "reportedAt": "%s"}""".formatted(id, label, reportedAt);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aScoredTransactionTakesItsLabelOnceAndRefusesTheOther() {
        String id = scored();
        double acceptedBefore = counted("accepted");

        HttpResponse<String> first = post("/fraud-feedback", feedback(id, "FRAUD", now()));
        HttpResponse<String> repeated = post("/fraud-feedback", feedback(id, "FRAUD", now()));
        HttpResponse<String> other = post("/fraud-feedback", feedback(id, "GENUINE", now()));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(first.body()).isEqualTo("{\"transactionId\":\"" + id + "\",\"label\":\"FRAUD\",\"accepted\":true}");
        assertThat(repeated.statusCode()).isEqualTo(200);
        assertThat(repeated.body()).isEqualTo(first.body());
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(other).get("detail").asString()).isEqualTo("Transaction " + id
                + " is already labelled FRAUD; a label is final, so GENUINE was not recorded.");
        assertThat(json(other).get("type").asString()).endsWith("label-conflict");
        assertThat(counted("accepted") - acceptedBefore).isEqualTo(2);
    }

    @Test
    void aLabelForATransactionNeverScoredIsNotFoundNamingTheHorizon() {
        HttpResponse<String> unknown = post("/fraud-feedback", feedback("never-scored", "FRAUD", now()));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asString()).isEqualTo("No transaction never-scored was scored in the last"
                + " 39 days, the horizon of late labels, so there is nothing to label.");
    }

    @Test
    void aRefusedFeedbackNamesEachFieldAndChangesNothing() {
        String id = scored();

        HttpResponse<String> future = post("/fraud-feedback", feedback(id, "FRAUD", now().plus(Duration.ofHours(1))));
        HttpResponse<String> badLabel = post("/fraud-feedback", feedback(id, "MAYBE", now()));
        HttpResponse<String> wrongType = post("/fraud-feedback",
                "{\"transactionId\": \"" + id + "\", \"label\": 1, \"reportedAt\": \"" + now() + "\"}");
        HttpResponse<String> afterwards = post("/fraud-feedback", feedback(id, "GENUINE", now()));

        assertThat(future.statusCode()).isEqualTo(400);
        JsonNode futureProblem = json(future);
        assertThat(futureProblem.get("title").asString()).isEqualTo("Invalid feedback");
        assertThat(futureProblem.get("detail").asString()).isEqualTo("The feedback has an invalid field: reportedAt; see errors.");
        assertThat(futureProblem.get("errors").get(0).get("field").asString()).isEqualTo("reportedAt");
        assertThat(futureProblem.get("errors").get(0).get("message").asString())
                .isEqualTo("must not be in the future (this server allows 5 seconds of clock skew): a label counts from"
                        + " when it was reported");
        assertThat(json(badLabel).get("errors").get(0).get("field").asString()).isEqualTo("label");
        assertThat(json(badLabel).get("errors").get(0).get("message").asString()).isEqualTo("must be FRAUD or GENUINE");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("errors").get(0).get("field").asString()).isEqualTo("label");
        assertThat(afterwards.statusCode()).as("no refused label was recorded: %s", afterwards.body()).isEqualTo(200);
    }

    @Test
    void aFeatureServiceThatIsDownIsA503WithRetryAfterAndNothingRecorded() throws InterruptedException {
        String id = scored();
        FEATURES.stop();

        HttpResponse<String> down = post("/fraud-feedback", feedback(id, "FRAUD", now()));
        FEATURES.restart();
        awaitFeatureChannel();
        HttpResponse<String> later = post("/fraud-feedback", feedback(id, "GENUINE", now()));

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(down).get("detail").asString()).isEqualTo("The label store cannot be reached right now;"
                + " nothing was recorded. Retry after the Retry-After delay with the same body.");
        assertThat(later.statusCode()).as("the FRAUD sent while down was not recorded").isEqualTo(200);
    }

    private double counted(String outcome) {
        return meters.get("fraudscore.api.feedback").tag("outcome", outcome).counter().count();
    }

    private HttpResponse<String> post(String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
