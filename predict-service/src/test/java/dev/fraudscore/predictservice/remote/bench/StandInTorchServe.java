package dev.fraudscore.predictservice.remote.bench;

import ai.djl.Device;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fraudscore.model.LoadedModel;
import dev.fraudscore.model.MlpNetwork;
import dev.fraudscore.model.ModelRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A STAND-IN for a TorchServe-compatible server, for the remote-backend benchmark only (test scope, never shipped):
 * the JDK's HTTP server answering {@code GET /ping} and {@code POST /predictions/<model>[/<version>]} in the wire
 * format predict-service sends, scoring with model-core's {@link LoadedModel} on the CPU. It has none of
 * TorchServe's batching, workers or management API; it only gives the benchmark a real HTTP hop and a real model.
 *
 * <p>Arguments: model repository, model, version, the file to write its port to, worker threads. Run it with
 * {@code -Dsun.net.httpserver.nodelay=true}, as a real server would turn Nagle's algorithm off.
 */
public final class StandInTorchServe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StandInTorchServe() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("ai.djl.offline", "true");
        MlpNetwork.preferSingleThread();
        LoadedModel model = LoadedModel.load(new ModelRepository(Path.of(args[0])), args[1], args[2], Device.cpu());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(args[4])));
        server.createContext("/ping", exchange -> answer(exchange, 200, "{\"status\": \"Healthy\"}"));
        server.createContext("/predictions/" + args[1], exchange -> predict(exchange, model));
        server.start();
        Files.writeString(Path.of(args[3]), String.valueOf(server.getAddress().getPort()));
    }

    private static void predict(HttpExchange exchange, LoadedModel model) throws IOException {
        float[][] rows;
        try (InputStream body = exchange.getRequestBody()) {
            rows = JSON.readValue(body, float[][].class);
        } catch (RuntimeException e) {
            answer(exchange, 400, "{\"code\": 400, \"message\": \"not a JSON list of rows\"}");
            return;
        }
        answer(exchange, 200, JSON.writeValueAsString(model.score(rows)));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
