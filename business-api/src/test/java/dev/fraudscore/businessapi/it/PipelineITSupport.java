package dev.fraudscore.businessapi.it;

import static org.awaitility.Awaitility.await;

import dev.fraudscore.businessapi.grpc.DownstreamChannels;
import dev.fraudscore.businessapi.grpc.ModelMetadataCache;
import dev.fraudscore.businessapi.store.IdempotencyStore;
import dev.fraudscore.businessapi.store.RedisIdempotencyStore;
import dev.fraudscore.businessapi.store.RedisIdempotencyStore.Place;
import dev.fraudscore.testsupport.TestRedis;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * business-api on a random port against three real gRPC fixture servers and a real Redis. The IT
 * classes share this one configuration, hence one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PipelineITSupport {

    /** Deadline of the tests: roomy enough for a cold JVM on a busy machine, short enough to wait for. */
    static final Duration DEADLINE = Duration.ofMillis(1000);
    static final String PREFIX = TestRedis.uniquePrefix();
    static final FixtureServers FIXTURES = FixtureServers.start();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ModelMetadataCache models;
    @Autowired
    DownstreamChannels channels;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    IdempotencyStore idempotency;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void wire(DynamicPropertyRegistry registry) {
        TestRedis testRedis = TestRedis.get();
        registry.add("spring.data.redis.host", testRedis::host);
        registry.add("spring.data.redis.port", testRedis::port);
        registry.add("spring.data.redis.timeout", () -> "2s");
        registry.add("fraudscore.api.idempotency.key-prefix", () -> PREFIX);
        registry.add("fraudscore.api.downstream.features", FIXTURES::featuresTarget);
        registry.add("fraudscore.api.downstream.predict", FIXTURES::predictTarget);
        registry.add("fraudscore.api.downstream.postprocess", FIXTURES::postprocessTarget);
        registry.add("fraudscore.api.deadline", () -> DEADLINE.toMillis() + "ms");
        // the policy's share of the deadline, roomy enough for a loaded machine
        registry.add("fraudscore.api.postprocess-reserve", () -> "300ms");
        // only FAILED_PRECONDITION may refresh the model during a test, never the timer
        registry.add("fraudscore.api.metadata-refresh", () -> "1h");
        // the features timeout is longer than the deadline, so the deadline is what bounds a hanging call
        registry.add("resilience4j.timelimiter.instances.features.timeout-duration", () -> "5s");
        registry.add("resilience4j.timelimiter.instances.predict.timeout-duration", () -> "500ms");
        registry.add("resilience4j.timelimiter.instances.postprocess.timeout-duration", () -> "500ms");
        // outages staged by one test must not leave a breaker open for the next
        registry.add("resilience4j.circuitbreaker.configs.default.minimum-number-of-calls", () -> "1000");
    }

    @BeforeEach
    void backToNormal() {
        FIXTURES.reset();
        awaitReady(channels.features());
        awaitReady(channels.predict());
        awaitReady(channels.postprocess());
        String served = FIXTURES.predict.metadata.getModel().getVersion();
        if (models.current().map(m -> !m.model().version().equals(served)).orElse(true)) {
            models.refreshSoon();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> models.current()
                .map(m -> m.model().version().equals(served)).orElse(false));
    }

    static void awaitReady(ManagedChannel channel) {
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.getState(true) == ConnectivityState.READY);
    }

    static String newId() {
        return "tx-" + UUID.randomUUID();
    }

    static String transaction(String id) {
        return transaction(id, "129.99");
    }

    static String transaction(String id, String amount) {
        return """
                {"transactionId": "%s", "occurredAt": "2026-01-22T10:15:30Z",
                 "amount": {"value": "%s", "currency": "EUR"},
                 "card": {"token": "tok_4f9a2c", "bin": "424242", "country": "FR"},
                 "customer": {"id": "cust-77", "accountCreatedAt": "2024-03-01T00:00:00Z", "emailDomain": "example.com"},
                 "merchant": {"id": "m-1001", "categoryCode": "5411", "country": "FR"},
                 "channel": "ECOMMERCE",
                 "device": {"id": "dev-9", "ip": "203.0.113.7"},
                 "location": {"lat": 48.8566, "lon": 2.3522}}""".formatted(id, amount);
    }

    HttpResponse<String> post(String body) {
        return post(body, "application/json", "req-" + UUID.randomUUID());
    }

    HttpResponse<String> post(String body, String contentType, String requestId) {
        return send(HttpRequest.newBuilder(uri("/fraud-score"))
                .header("Content-Type", contentType)
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** As the gateway forwards it: with the authenticated caller's name. */
    HttpResponse<String> post(String body, String caller) {
        return send(HttpRequest.newBuilder(uri("/fraud-score"))
                .header("Content-Type", "application/json")
                .header("X-Caller", caller)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /**
     * Where the idempotency store keeps a caller's transaction id, if it does: in today's bucket or, for a test that
     * ran across midnight, yesterday's.
     */
    Optional<Place> idempotencyPlace(String caller, String transactionId) {
        RedisIdempotencyStore store = (RedisIdempotencyStore) idempotency;
        Instant now = Instant.now();
        return Stream.of(now, now.minus(Duration.ofDays(1)))
                .map(at -> store.placeOf(new IdempotencyStore.Key(caller, transactionId), at))
                .filter(place -> redis.opsForHash().hasKey(place.bucket(), place.field()))
                .findFirst();
    }

    /** Where the idempotency store keeps the id of a request sent straight to business-api (no gateway, so no X-Caller). */
    Optional<Place> idempotencyPlace(String transactionId) {
        return idempotencyPlace("direct", transactionId);
    }

    /** How many bytes the idempotency store keeps for that id: 16 for a claim, a few more with its answer, 0 for none. */
    long storedBytes(String transactionId) {
        return idempotencyPlace(transactionId)
                .map(place -> redis.<String, String>opsForHash().lengthOfValue(place.bucket(), place.field()))
                .orElse(0L);
    }
}
