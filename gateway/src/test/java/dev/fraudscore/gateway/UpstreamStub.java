package dev.fraudscore.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for business-api: a real HTTP server on a free port that records every request it gets
 * and answers a fixed score, optionally only once {@link #release()} is called (to play a stuck upstream).
 */
public final class UpstreamStub implements AutoCloseable {

    public static final String ANSWER = "{\"transactionId\":\"tx-1\",\"decision\":\"APPROVE\",\"label\":\"NOT_FRAUD\","
            + "\"score\":0.01,\"reasons\":[],\"degraded\":false}";

    /** Request header asking the stub to answer with the X-Request-Id it received. */
    public static final String ECHO_REQUEST_ID = "X-Stub-Echo-Request-Id";

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Recorded> received = new ConcurrentLinkedQueue<>();
    private final CountDownLatch released;

    private UpstreamStub(boolean holdAnswers) {
        this.released = new CountDownLatch(holdAnswers ? 1 : 0);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** Answers at once. */
    public static UpstreamStub answering() {
        return new UpstreamStub(false);
    }

    /** Records requests but answers only after {@link #release()}. */
    public static UpstreamStub holdingAnswers() {
        return new UpstreamStub(true);
    }

    /** A URL where nothing listens: a stub's port, closed again. */
    public static String deadUrl() {
        try (UpstreamStub stub = answering()) {
            return stub.baseUrl();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Recorded> received() {
        return new ArrayList<>(received);
    }

    public void clear() {
        received.clear();
    }

    public void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                    new String(body, StandardCharsets.UTF_8)));
            awaitRelease();
            byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            // business-api echoes the request id; on request, so do we, to check the gateway does not send it twice
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null && exchange.getRequestHeaders().containsKey(ECHO_REQUEST_ID)) {
                exchange.getResponseHeaders().set("X-Request-Id", requestId);
            }
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void awaitRelease() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request as business-api saw it; header names are case-insensitive. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {

        public List<String> header(String name) {
            return headers.getOrDefault(name, List.of());
        }
    }
}
