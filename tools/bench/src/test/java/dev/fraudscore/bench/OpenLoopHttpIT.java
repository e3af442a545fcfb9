package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The open-loop run over real HTTP (Reactor Netty) against a stand-in for the public port, on a free port. */
class OpenLoopHttpIT {

    private HttpServer server;
    private final Set<String> transactionIds = ConcurrentHashMap.newKeySet();
    private final Set<String> apiKeys = ConcurrentHashMap.newKeySet();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile int status = 200;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/fraud-score", exchange -> {
            JsonNode body = ResultFile.JSON.readTree(exchange.getRequestBody().readAllBytes());
            transactionIds.add(body.get("transactionId").asString());
            apiKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-API-Key")));
            // every fourth answer degraded
            boolean degraded = answered.incrementAndGet() % 4 == 0;
            byte[] answer = ("{\"decision\":\"APPROVE\",\"degraded\":" + degraded + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private OpenLoopRun.Windows run(double rate) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        try (HttpScoreTarget target = new HttpScoreTarget(url, Map.of("X-API-Key", "k1"),
                new SyntheticPayments("it", 20, Clock.systemUTC(), 1), 64, Duration.ofSeconds(5))) {
            return new OpenLoopRun(Ticker.SYSTEM, Duration.ofSeconds(11)).run(target,
                    new ArrivalSchedule(rate, Duration.ofMillis(500), Duration.ofSeconds(2)), OpenLoopRun.Boundaries.NONE);
        }
    }

    @Test
    void sendsEveryScheduledRequestAsANewTransactionAndCountsDegradedAnswers() {
        OpenLoopRun.Windows windows = run(100);

        LoadWindow.Summary measured = windows.measured().summary();
        assertThat(windows.sentMeasured()).isEqualTo(200);
        assertThat(windows.unanswered()).isZero();
        assertThat(measured.failed()).isZero();
        assertThat(measured.ok()).isEqualTo(200);
        assertThat(measured.throughput()).isEqualTo(100.0);
        assertThat(windows.warmup().summary().ok()).isEqualTo(50);
        assertThat(transactionIds).hasSize(250);
        assertThat(apiKeys).containsExactly("k1");
        // 250 answers in all, every fourth degraded: 62, split between warm-up and window by arrival order
        long degraded = measured.versions().getOrDefault("degraded", 0L)
                + windows.warmup().summary().versions().getOrDefault("degraded", 0L);
        assertThat(degraded).isEqualTo(62);
    }

    @Test
    void countsAnswersOtherThan200AsErrors() {
        status = 503;

        OpenLoopRun.Windows windows = run(50);

        assertThat(windows.measured().summary().failures()).containsExactly(Map.entry("http 503", 100L));
        assertThat(windows.measured().summary().ok()).isZero();
    }
}
