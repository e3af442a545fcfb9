package dev.fraudscore.gateway;

import static dev.fraudscore.gateway.GatewayClient.DEV_KEY;
import static dev.fraudscore.gateway.GatewayClient.TRANSACTION;
import static dev.fraudscore.gateway.GatewayClient.chunked;
import static dev.fraudscore.gateway.GatewayClient.json;
import static dev.fraudscore.gateway.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.gateway.UpstreamStub.Recorded;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class GatewayIT {

    static final UpstreamStub UPSTREAM = UpstreamStub.answering();
    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("fraudscore.gateway.upstream", UPSTREAM::baseUrl);
        GatewayRedis.privateBuckets(registry);
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    GatewayClient client;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(port);
        UPSTREAM.clear();
    }

    @Test
    void forwardsACallWithAnApiKeyAndHidesTheKey() {
        HttpResponse<String> response = client.send(client.score(json(TRANSACTION),
                "X-API-Key", DEV_KEY, "X-Caller", "admin"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(UpstreamStub.ANSWER);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().allValues("X-Request-Id")).singleElement().asString().matches(UUID_PATTERN);

        Recorded seen = onlyUpstreamRequest();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo("/fraud-score");
        assertThat(seen.body()).isEqualTo(TRANSACTION);
        assertThat(seen.header("X-Caller")).as("the caller cannot choose its name").containsExactly("dev");
        assertThat(seen.header("X-API-Key")).isEmpty();
        assertThat(seen.header("Authorization")).isEmpty();
        assertThat(seen.header("X-Request-Id")).containsExactly(response.headers().firstValue("X-Request-Id").get());
    }

    @Test
    void acceptsTheKeyAsABearerToken() {
        HttpResponse<String> response = client.send(client.score(json(TRANSACTION),
                "Authorization", "Bearer " + DEV_KEY));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(UpstreamStub.ANSWER);
        Recorded seen = onlyUpstreamRequest();
        assertThat(seen.header("X-Caller")).containsExactly("dev");
        assertThat(seen.header("Authorization")).isEmpty();
    }

    @Test
    void refusesACallWithoutKeyAndForwardsNothing() {
        HttpResponse<String> response = client.send(client.score(json(TRANSACTION)));

        JsonNode problem = assertProblem(response, 401);
        assertThat(problem.path("detail").asString()).contains("X-API-Key");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void refusesAnUnknownKey() {
        HttpResponse<String> viaHeader = client.send(client.score(json(TRANSACTION), "X-API-Key", "fsk_guess"));
        HttpResponse<String> viaBearer = client.send(client.score(json(TRANSACTION), "Authorization", "Bearer fsk_guess"));

        assertThat(assertProblem(viaHeader, 401).path("detail").asString()).contains("not recognised");
        assertProblem(viaBearer, 401);
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void refusesABodyOverTheLimitAndForwardsNothing() {
        byte[] seventyKb = new byte[70 * 1024];
        Arrays.fill(seventyKb, (byte) 'a');

        HttpResponse<String> declared = client.send(client.score(BodyPublishers.ofByteArray(seventyKb),
                "X-API-Key", DEV_KEY));
        HttpResponse<String> streamed = client.send(client.score(chunked(seventyKb), "X-API-Key", DEV_KEY));

        assertThat(assertProblem(declared, 413).path("detail").asString()).contains("65536");
        assertThat(assertProblem(streamed, 413).path("detail").asString()).contains("65536");
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void forwardsAChunkedBodyUnderTheLimitWhole() {
        HttpResponse<String> response = client.send(client.score(
                chunked(TRANSACTION.getBytes(StandardCharsets.UTF_8)), "X-API-Key", DEV_KEY));

        assertThat(response.statusCode()).isEqualTo(200);
        Recorded seen = onlyUpstreamRequest();
        assertThat(seen.body()).isEqualTo(TRANSACTION);
        assertThat(seen.header("Content-Length")).containsExactly(String.valueOf(TRANSACTION.length()));
    }

    @Test
    void keepsTheCallersValidRequestId() {
        HttpResponse<String> response = client.send(client.score(json(TRANSACTION),
                "X-API-Key", DEV_KEY, "X-Request-Id", "caller-req.42_A", UpstreamStub.ECHO_REQUEST_ID, "yes"));

        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("caller-req.42_A");
        assertThat(onlyUpstreamRequest().header("X-Request-Id")).containsExactly("caller-req.42_A");
    }

    @Test
    void replacesAnInvalidRequestId() {
        HttpResponse<String> response = client.send(client.score(json(TRANSACTION),
                "X-API-Key", DEV_KEY, "X-Request-Id", "not/valid id"));

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(requestId).matches(UUID_PATTERN);
        assertThat(onlyUpstreamRequest().header("X-Request-Id")).containsExactly(requestId);
    }

    @Test
    void putsTheCallersRequestIdOnRefusalsToo() {
        HttpResponse<String> response = client.send(client.score(json(TRANSACTION), "X-Request-Id", "abc-123"));

        assertThat(assertProblem(response, 401).path("requestId").asString()).isEqualTo("abc-123");
    }

    @Test
    void forwardsFeedbackWithTheSameProtectionAsScores() {
        String feedback = "{\"transactionId\":\"tx-1\",\"label\":\"FRAUD\",\"reportedAt\":\"2026-12-01T10:00:00Z\"}";
        byte[] seventyKb = new byte[70 * 1024];
        Arrays.fill(seventyKb, (byte) 'a');

        HttpResponse<String> forwarded = client.send(client.request("/fraud-feedback").POST(json(feedback))
                .header("X-API-Key", DEV_KEY).header("X-Request-Id", "fb-1"));
        Recorded seen = onlyUpstreamRequest();
        HttpResponse<String> noKey = client.send(client.request("/fraud-feedback").POST(json(feedback)));
        HttpResponse<String> get = client.send(client.request("/fraud-feedback").GET().header("X-API-Key", DEV_KEY));
        HttpResponse<String> tooLarge = client.send(client.request("/fraud-feedback")
                .POST(BodyPublishers.ofByteArray(seventyKb)).header("X-API-Key", DEV_KEY));

        assertThat(forwarded.statusCode()).isEqualTo(200);
        assertThat(forwarded.headers().firstValue("X-Request-Id")).hasValue("fb-1");
        assertThat(seen.path()).isEqualTo("/fraud-feedback");
        assertThat(seen.body()).isEqualTo(feedback);
        assertThat(seen.header("X-Caller")).containsExactly("dev");
        assertThat(seen.header("X-API-Key")).isEmpty();
        assertProblem(noKey, 401);
        assertThat(assertProblem(get, 405).path("detail").asString()).isEqualTo(
                "Method GET is not supported at /fraud-feedback; use POST.");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(assertProblem(tooLarge, 413).path("detail").asString()).contains("65536");
        assertThat(UPSTREAM.received()).as("only the call with a key and a small body").hasSize(1);
    }

    @Test
    void offersNothingButPostFraudScore() {
        HttpResponse<String> get = client.send(client.request("/fraud-score").GET().header("X-API-Key", DEV_KEY));
        HttpResponse<String> otherPath = client.send(client.request("/score").POST(json(TRANSACTION))
                .header("X-API-Key", DEV_KEY));
        HttpResponse<String> actuator = client.send(client.request("/actuator/health").GET());
        HttpResponse<String> internal = client.send(client.request("/fraud-score/../actuator/health").GET());

        assertThat(assertProblem(get, 405).path("detail").asString()).isEqualTo(
                "Method GET is not supported at /fraud-score; use POST.");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertProblem(otherPath, 404);
        assertThat(assertProblem(actuator, 404).path("detail").asString()).contains("POST /fraud-score")
                .contains("POST /fraud-feedback");
        assertThat(internal.statusCode()).isNotEqualTo(200);
        assertThat(UPSTREAM.received()).isEmpty();
    }

    @Test
    void servesHealthAndMetricsOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(port);
        GatewayClient management = new GatewayClient(managementPort);

        HttpResponse<String> health = management.send(management.request("/actuator/health").GET());
        HttpResponse<String> metrics = management.send(management.request("/actuator/prometheus").GET());
        HttpResponse<String> publicMetrics = client.send(client.request("/actuator/prometheus").GET());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertProblem(publicMetrics, 404);
    }

    private static Recorded onlyUpstreamRequest() {
        assertThat(UPSTREAM.received()).hasSize(1);
        return UPSTREAM.received().get(0);
    }
}
