package dev.fraudscore.bench;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /fraud-score} over Reactor Netty's non-blocking client: a pool of keep-alive connections that grows
 * to {@code maxConnections}, past which requests wait for a connection (their latency still counts from their
 * intended time). Every request is a new payment.
 */
final class HttpScoreTarget implements LoadTarget {

    private final String url;
    private final SyntheticPayments payments;
    private final ConnectionProvider pool;
    private final HttpClient client;

    HttpScoreTarget(String baseUrl, Map<String, String> headers, SyntheticPayments payments, int maxConnections,
            Duration timeout) {
        this.url = baseUrl + "/fraud-score";
        this.payments = payments;
        this.pool = ConnectionProvider.builder("fraudscore-bench").maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1).pendingAcquireTimeout(timeout).build();
        this.client = HttpClient.create(pool).responseTimeout(timeout).headers(h -> {
            h.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            headers.forEach(h::set);
        });
    }

    @Override
    public String describe() {
        return "POST " + url;
    }

    @Override
    public CompletionStage<Outcome> send(long n) {
        String body = payments.next(n).json();
        return client.post().uri(url).send(ByteBufFlux.fromString(Mono.just(body)))
                .responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(new byte[0])
                        .map(bytes -> classify(response.status().code(), bytes)))
                .toFuture();
    }

    /**
     * A 200 whose {@code degraded} member (the public contract's name, required in every answer) is true is a
     * degraded answer; any other status, or a 200 without that member, is an error.
     */
    static Outcome classify(int status, byte[] body) {
        if (status != 200) {
            return Outcome.failure("http " + status);
        }
        JsonNode degraded;
        try {
            degraded = ResultFile.JSON.readTree(body).get("degraded");
        } catch (RuntimeException notJson) {
            return Outcome.failure("answer not JSON");
        }
        if (degraded == null || !degraded.isBoolean()) {
            return Outcome.failure("answer without degraded");
        }
        return degraded.booleanValue() ? Outcome.DEGRADED : Outcome.ANSWERED;
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(5));
    }
}
