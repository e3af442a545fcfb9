package dev.fraudscore.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP/1.1 calls to a running gateway, as an outside caller makes them. */
public final class GatewayClient {

    public static final String DEV_KEY = "fsk_dev_local_only";
    public static final String TRANSACTION = "{\"transactionId\":\"tx-1\",\"amount\":{\"value\":\"12.50\",\"currency\":\"EUR\"}}";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    public GatewayClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public static BodyPublisher json(String body) {
        return BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    /** A body sent chunked, without Content-Length. */
    public static BodyPublisher chunked(byte[] body) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
    }

    public HttpRequest.Builder score(BodyPublisher body, String... headers) {
        HttpRequest.Builder builder = request("/fraud-score").POST(body);
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
