package dev.fraudscore.bench;

import dev.fraudscore.contracts.predict.v1.GetModelMetadataRequest;
import dev.fraudscore.contracts.predict.v1.GetModelMetadataResponse;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * predict-service as a JVM of its own on free ports, started on a model repository and ready (its default model
 * loaded and warmed up) when {@link #start} returns, with one gRPC channel to it. Closing stops it.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final ManagedChannel channel;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread killOnExit;
    private Duration startup;

    private ServerProcess(Process process, Path log, int httpPort, int grpcPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        // directExecutor: answers are handled on the event loop, the lightest client the loader can be
        this.channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().directExecutor().build();
        this.killOnExit = new Thread(process::destroyForcibly, "stop predict-service");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** @param tag names the log file, {@code predict-service-<tag>.log} */
    static ServerProcess start(ServerSpec spec, String tag, Path repository, List<String> arguments) {
        int http = FreePort.pick();
        int grpc = FreePort.pick();
        List<String> command = new ArrayList<>();
        command.add(spec.java().toString());
        command.addAll(spec.jvmOptions());
        command.add("-Dai.djl.offline=true");
        command.addAll(List.of("-jar", spec.jar().toString(), "--server.port=" + http, "--spring.grpc.server.port=" + grpc,
                "--fraudscore.predict.model-repository=" + repository.toAbsolutePath()));
        command.addAll(spec.arguments());
        command.addAll(arguments);
        Path log = spec.logDir().resolve("predict-service-" + tag + ".log");
        try {
            Files.createDirectories(spec.logDir());
            long begin = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ServerProcess server = new ServerProcess(process, log, http, grpc);
            server.awaitReady();
            server.startup = Duration.ofNanos(System.nanoTime() - begin);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start predict-service with " + String.join(" ", command), e);
        }
    }

    long pid() {
        return process.pid();
    }

    ManagedChannel channel() {
        return channel;
    }

    Duration startup() {
        return startup;
    }

    Path log() {
        return log;
    }

    /** The default model's metadata: its feature set and inputs, for building requests. */
    GetModelMetadataResponse metadata(Duration deadline) {
        return PredictServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .getModelMetadata(GetModelMetadataRequest.getDefaultInstance());
    }

    /** The service's metrics now; {@link PrometheusText#EMPTY} if they cannot be read. */
    PrometheusText metrics() {
        try {
            HttpResponse<String> answer = http.send(get("/actuator/prometheus"), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? new PrometheusText(answer.body()) : PrometheusText.EMPTY;
        } catch (IOException e) {
            return PrometheusText.EMPTY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PrometheusText.EMPTY;
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway, on a process already stopped
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("predict-service exited with " + process.exitValue()
                        + " while starting; its log: " + log + tail());
            }
            if (answers200("/actuator/health/readiness")) {
                return;
            }
            pause(Duration.ofMillis(200));
        }
        close();
        throw new IllegalStateException("predict-service was not ready within " + READY_WITHIN.toSeconds()
                + " s; its log: " + log + tail());
    }

    private boolean answers200(String path) {
        try {
            return http.send(get(path), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for predict-service", e);
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(5))
                .GET().build();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return System.lineSeparator() + String.join(System.lineSeparator(),
                    lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
