package dev.fraudscore.predictservice.remote.internal;

import static dev.fraudscore.predictservice.remote.RemoteAnswers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.DomainException.Kind;
import dev.fraudscore.predictservice.HandClock;
import dev.fraudscore.predictservice.remote.RemoteBackendException;
import dev.fraudscore.predictservice.remote.RemotePolicy;
import dev.fraudscore.predictservice.remote.TorchServeBackend;
import dev.fraudscore.testsupport.FreePorts;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One backend against a real HTTP server that answers as the remote third party would (MockWebServer counts what
 * reached it): the wire, the deadline, what is retried and what is not, the breaker, and each error's refusal.
 */
class RemoteBackendIT {

    private static final float[][] ROWS = {{1f, 2f}, {3f, 4f}};
    private static final RemotePolicy NO_WAIT = new RemotePolicy(3, Duration.ofMillis(1), 50, 20, 10,
            Duration.ofSeconds(5), 3);

    private final HandClock clock = HandClock.realTime();
    private MockWebServer server;
    private RemoteBackend backend;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
        server.close();
    }

    @Test
    void theRowsArePostedAsJsonAndTheScoresAreTheRemotes() throws InterruptedException {
        server.enqueue(json(200, "[0.25, 0.75]"));
        backend = backend(remote("3"), NO_WAIT);

        float[] scores = backend.predict(ROWS, Instant.MAX);

        assertThat(scores).containsExactly(0.25f, 0.75f);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/predictions/fraud-remote/3");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().utf8()).isEqualTo("[[1.0,2.0],[3.0,4.0]]");
    }

    @Test
    void withoutAVersionTheRemotesDefaultVersionIsCalledUnderTheUrlsPath() throws InterruptedException {
        server.enqueue(json(200, "[0.5, 0.5]"));
        backend = backend(TorchServeBackend.of(URI.create(base() + "/serving"), "fraud-remote", null), NO_WAIT);

        backend.predict(ROWS, Instant.MAX);

        assertThat(server.takeRequest().getTarget()).isEqualTo("/serving/predictions/fraud-remote");
    }

    @Test
    void callsShareOneKeptAliveConnection() throws InterruptedException {
        server.enqueue(json(200, "[0.1, 0.2]"));
        server.enqueue(json(200, "[0.3, 0.4]"));
        backend = backend(remote("3"), NO_WAIT);

        backend.predict(ROWS, Instant.MAX);
        backend.predict(ROWS, Instant.MAX);

        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
        assertThat(second.getExchangeIndex()).isEqualTo(first.getExchangeIndex() + 1);
    }

    @Test
    void aRemoteThatStallsIsCutAtTheRequestsDeadlineNotAtTheCallTimeout() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        backend = backend(remote(Duration.ofSeconds(30)), NO_WAIT);
        Instant deadline = clock.instant().plusMillis(300);

        long start = System.nanoTime();
        assertThatThrownBy(() -> backend.predict(ROWS, deadline)).isInstanceOfSatisfying(RemoteBackendException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TOO_LATE);
                    assertThat(e).hasMessageStartingWith(remote("3").describe() + " did not answer within the ")
                            .hasMessageEndingWith(" ms left before the request's deadline; the call was cut there");
                });
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCallWithoutDeadlineIsCutAtTheCallTimeout() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        backend = backend(remote(Duration.ofMillis(200)), NO_WAIT);

        assertThatThrownBy(() -> backend.predict(ROWS, Instant.MAX)).isInstanceOfSatisfying(RemoteBackendException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e).hasMessage(remote("3").describe() + " did not answer within 200 ms (backend.callTimeout)");
                });
    }

    @Test
    void aDeadlineAlreadyPassedCallsNothing() {
        backend = backend(remote("3"), NO_WAIT);

        assertThatThrownBy(() -> backend.predict(ROWS, clock.instant().minusMillis(1)))
                .isInstanceOfSatisfying(RemoteBackendException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LATE));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void a503IsNotRetried() {
        server.enqueue(json(503, "{\"code\": 503, \"message\": \"no worker\"}"));
        server.enqueue(json(200, "[0.1, 0.2]"));
        backend = backend(remote("3"), NO_WAIT);

        assertThatThrownBy(() -> backend.predict(ROWS, Instant.MAX)).isInstanceOfSatisfying(RemoteBackendException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aConnectionDroppedAfterTheBodyWasSentIsNotRetried() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(200, "[0.1, 0.2]"));
        backend = backend(remote("3"), NO_WAIT);

        assertThatThrownBy(() -> backend.predict(ROWS, Instant.MAX)).isInstanceOfSatisfying(RemoteBackendException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).startsWith("the connection to " + remote("3").describe()
                            + " failed during the call (").endsWith("); not retried, since the remote may have scored the batch");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(server.takeRequest().getBody().utf8()).isEqualTo("[[1.0,2.0],[3.0,4.0]]");
    }

    @Test
    void aRefusedConnectionIsRetriedAndThenRefused() {
        int port = FreePorts.next();
        backend = backend(TorchServeBackend.of(URI.create("http://127.0.0.1:" + port), "fraud-remote", "3"), NO_WAIT);
        AtomicInteger retries = new AtomicInteger();
        backend.retry().getEventPublisher().onRetry(event -> retries.incrementAndGet());

        assertThatThrownBy(() -> backend.predict(ROWS, Instant.MAX)).isInstanceOfSatisfying(RemoteBackendException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e).hasMessage("the TorchServe-compatible server at http://127.0.0.1:" + port
                            + " (model fraud-remote/3) refused the connection (3 attempts); is it running?");
                });
        assertThat(retries).hasValue(2);
    }

    @Test
    void aRefusedConnectionIsRetriedAndScoredOnceTheServerListens() throws IOException {
        // a second server on a port nobody listens on yet: it starts between the refusal and the retry
        MockWebServer late = new MockWebServer();
        int port = FreePorts.next();
        late.enqueue(json(200, "[0.1, 0.2]"));
        backend = backend(TorchServeBackend.of(URI.create("http://127.0.0.1:" + port), "fraud-remote", "3"), NO_WAIT);
        backend.retry().getEventPublisher().onRetry(event -> {
            try {
                late.start(InetAddress.getLoopbackAddress(), port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        try (late) {
            assertThat(backend.predict(ROWS, Instant.MAX)).containsExactly(0.1f, 0.2f);
            assertThat(late.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void theBreakerOpensAfterFailuresFailsFastAndClosesAfterASuccessfulTrial() {
        HandClock frozen = HandClock.frozen();
        RemotePolicy policy = new RemotePolicy(1, Duration.ofMillis(1), 50, 4, 4, Duration.ofSeconds(10), 1);
        backend = new RemoteBackend(remote("3"), policy, frozen);
        for (int call = 0; call < 4; call++) {
            server.enqueue(json(500, "{\"message\": \"worker died\"}"));
            assertThatThrownBy(() -> backend.predict(ROWS, Instant.MAX)).isInstanceOf(RemoteBackendException.class);
        }

        assertThatThrownBy(() -> backend.predict(ROWS, Instant.MAX)).isInstanceOfSatisfying(RemoteBackendException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e).hasMessage("the circuit breaker for " + remote("3").describe() + " is open (100 % of"
                            + " its recent calls failed): predict-service fails fast without calling it, and lets trial"
                            + " calls through 10 s after it opened");
                });
        assertThat(server.getRequestCount()).isEqualTo(4);

        frozen.advance(Duration.ofSeconds(10).plusMillis(1));
        server.enqueue(json(200, "[0.1, 0.2]"));
        assertThat(backend.predict(ROWS, Instant.MAX)).containsExactly(0.1f, 0.2f);
        assertThat(backend.breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "503 | {\"code\": 503, \"type\": \"ServiceUnavailableException\"} | UNAVAILABLE        | answered 503 (",
            "507 | {\"code\": 507, \"type\": \"WorkerOOM\"}                    | OVERLOADED         | answered 507 (",
            "500 | {\"code\": 500, \"type\": \"InternalServerException\"}      | UNAVAILABLE        | answered 500 (",
            "404 | {\"code\": 404, \"type\": \"ModelNotFoundException\"}      | MISMATCH           | answered 404 (",
            "400 | {\"code\": 400, \"type\": \"BadRequestException\"}        | MISMATCH           | answered 400 (",
            "200 | <html>maintenance</html>                                  | MISMATCH           | answered something that is not JSON",
            "200 | [0.5]                                                     | MISMATCH           | answered 1 scores for 2 rows"})
    void eachRemoteErrorIsOneRefusalNamingTheRemote(int status, String body, Kind kind, String what) {
        server.enqueue(json(status, body));
        backend = backend(remote("3"), NO_WAIT);

        assertThatThrownBy(() -> backend.predict(ROWS, Instant.MAX)).isInstanceOfSatisfying(RemoteBackendException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e).hasMessageStartingWith("the TorchServe-compatible server at " + base()
                            + " (model fraud-remote/3) " + what);
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void pingSaysWhetherTheRemoteIsHealthy() {
        backend = backend(remote("3"), NO_WAIT);

        server.enqueue(json(200, "{\"status\": \"Healthy\"}"));
        assertThat(backend.unhealthy()).isEmpty();
        server.enqueue(json(500, "{\"status\": \"Unhealthy\"}"));
        assertThat(backend.unhealthy()).contains("GET " + base() + "/ping answered 500 ({\"status\": \"Unhealthy\"})");
        server.enqueue(json(200, "{\"status\": \"Partial Healthy\"}"));
        assertThat(backend.unhealthy()).contains("GET " + base() + "/ping says its status is Partial Healthy");
    }

    private RemoteBackend backend(TorchServeBackend remote, RemotePolicy policy) {
        return new RemoteBackend(remote, policy, clock);
    }

    private TorchServeBackend remote(String version) {
        return TorchServeBackend.of(URI.create(base()), "fraud-remote", version);
    }

    private TorchServeBackend remote(Duration callTimeout) {
        TorchServeBackend remote = remote("3");
        return new TorchServeBackend(remote.url(), remote.model(), remote.version(), remote.connectTimeout(), callTimeout,
                remote.maxIdleConnections(), remote.keepAlive());
    }

    private String base() {
        return "http://127.0.0.1:" + server.getPort();
    }
}
