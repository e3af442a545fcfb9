package dev.fraudscore.systemtests;

import static org.awaitility.Awaitility.await;

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
import java.util.jar.JarFile;

/** One service of the system running as its own JVM from the jar the build made. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    /** What Spring AOT's {@code process-aot} generates for an application, in a jar built with it. */
    private static final String AOT_INITIALIZER = "__ApplicationContextInitializer.class";

    private final String name;
    private final Path jar;
    private final List<String> args;
    private final int healthPort;
    private final Path log;
    private Process process;

    ServiceProcess(String name, Path jar, List<String> args, int healthPort, Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the jar of " + name + " is missing at " + jar
                    + "; run the build from the repository root (mvn verify) so every module is packaged first");
        }
        this.name = name;
        this.jar = jar;
        this.args = List.copyOf(args);
        this.healthPort = healthPort;
        this.log = logDir.resolve(name + ".log");
    }

    String name() {
        return name;
    }

    void start() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dai.djl.offline=true"));
        if (builtWithSpringAot(jar)) { // run from it, as ./fraudscore up runs such a jar
            command.add("-Dspring.aot.enabled=true");
        }
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    static boolean builtWithSpringAot(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/classes/")
                    && e.getName().endsWith(AOT_INITIALIZER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    void awaitHealthy(Duration timeout) {
        await(name + " healthy on :" + healthPort + " (log: " + log + ")")
                .atMost(timeout).pollInterval(Duration.ofMillis(250))
                .failFast(name + " exited; see " + log, () -> !process.isAlive())
                .until(this::healthy);
    }

    boolean healthy() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + healthPort + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Ends the process at once, as {@code kill -9} does: no shutdown hook, no graceful close of its connections. */
    void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
