package dev.fraudscore.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * nginx on a free port of the loopback, proxying {@code /fraud-score} to business-api with the headers the gateway
 * adds (config: {@code tools/bench/nginx/front.conf.template}). Started in the foreground as a child of this JVM,
 * so its master and workers are this process's descendants; closing stops it.
 */
final class NginxFront implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path prefix;

    private NginxFront(Process process, int port, Path prefix) {
        this.process = process;
        this.port = port;
        this.prefix = prefix;
    }

    /** The template with its {@code @NAME@} placeholders filled; a placeholder left unfilled is an error. */
    static String render(String template, Map<String, String> values) {
        String config = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            config = config.replace("@" + value.getKey() + "@", value.getValue());
        }
        var left = java.util.regex.Pattern.compile("@[A-Z_]+@").matcher(config);
        if (left.find()) {
            throw new IllegalArgumentException("the nginx template names " + left.group() + ", which nothing fills");
        }
        return config;
    }

    static NginxFront start(String nginx, Path template, String upstream, String apiKey, String caller, Path workDir) {
        int port = FreePort.pick();
        try {
            Path prefix = Files.createDirectories(workDir.toAbsolutePath().resolve("nginx"));
            Map<String, String> values = new LinkedHashMap<>();
            values.put("WORKERS", "auto");
            values.put("PREFIX", prefix.toString());
            values.put("UPSTREAM", upstream);
            values.put("API_KEY", apiKey);
            values.put("CALLER", caller);
            values.put("PORT", Integer.toString(port));
            Path config = prefix.resolve("nginx.conf");
            Files.writeString(config, render(Files.readString(template), values));
            Process process = new ProcessBuilder(List.of(nginx, "-p", prefix.toString(), "-c", config.toString(),
                    "-e", prefix.resolve("error.log").toString()))
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.out").toFile()).start();
            NginxFront front = new NginxFront(process, port, prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop nginx"));
            front.awaitListening(Duration.ofSeconds(10));
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start nginx (" + nginx + "); install it: apt-get install -y "
                    + "nginx-light (./fraudscore bench --front nginx does when run as root)", e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    private void awaitListening(Duration within) throws IOException {
        long giveUp = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < giveUp) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited at start (status " + process.exitValue() + "); see "
                        + prefix.resolve("error.log") + " and " + prefix.resolve("nginx.out"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                ServerProcess.pause(Duration.ofMillis(100));
            }
        }
        throw new IOException("nginx did not listen on port " + port + " within " + within.toSeconds() + " s");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
