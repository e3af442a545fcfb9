package dev.fraudscore.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the benchmarks of one invocation share: the host description, the model version to serve (trained once),
 * a temporary work folder, how to start predict-service, and where results go.
 */
final class Workbench implements AutoCloseable {

    private final CommonOptions options;
    private final HostInfo host = HostInfo.read();
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Path work;
    private Path sourceVersion;

    private Workbench(CommonOptions options, Path work) {
        this.options = options;
        this.work = work;
    }

    static Workbench open(CommonOptions options) {
        if (!Files.isRegularFile(options.serverJar)) {
            throw new IllegalArgumentException("no predict-service jar at " + options.serverJar.toAbsolutePath()
                    + "; build it: mvn -pl predict-service -am package -DskipTests (./fraudscore bench-predict does)");
        }
        try {
            Workbench bench = new Workbench(options, Files.createTempDirectory("fraudscore-bench-"));
            System.out.println("host: " + bench.host.describe());
            System.out.println("setup: " + bench.setup());
            return bench;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    String model() {
        return options.model;
    }

    HostInfo host() {
        return host;
    }

    Duration deadline() {
        return Duration.ofMillis(options.deadlineMillis);
    }

    String setup() {
        return "predict-service runs in its own JVM (" + options.serverJvmOptions + ", started by this tool on free "
                + "ports); the load generator runs in this JVM (pid " + ProcessHandle.current().pid() + "), on the same "
                + "host, over gRPC (grpc-netty, plaintext, loopback)";
    }

    /** A fresh repository holding the served version as version 1. */
    BenchRepository newRepository() {
        if (sourceVersion == null) {
            sourceVersion = ModelSource.resolve(options.modelsDir, options.model, options.trainerJar, java, work);
            System.out.println("serving a copy of " + sourceVersion);
        }
        return BenchRepository.seed(sourceVersion, options.model, work);
    }

    /** predict-service on {@code repository}, ready; {@code arguments} add to the common ones. */
    ServerProcess startServer(String tag, BenchRepository repository, List<String> arguments) {
        return startServer(tag, repository, arguments, List.of());
    }

    /** The same with JVM options added to the common ones. */
    ServerProcess startServer(String tag, BenchRepository repository, List<String> arguments, List<String> jvmOptions) {
        List<String> jvm = new ArrayList<>(Arrays.stream(options.serverJvmOptions.trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList());
        jvm.addAll(jvmOptions);
        ServerSpec spec = new ServerSpec(java, options.serverJar, jvm, options.serverArguments, options.out.resolve("logs"));
        ServerProcess server = ServerProcess.start(spec, tag, repository.root(), arguments);
        System.out.printf("predict-service %s: pid %d, ready in %.1f s (log %s)%n", tag, server.pid(),
                server.startup().toMillis() / 1000.0, server.log());
        return server;
    }

    Path write(String benchmark, Map<String, Object> settings, List<?> runs, List<Goal> goals) {
        BenchResult result = new BenchResult(benchmark, Instant.now().toString(), host, setup(),
                Map.of("scenario", settings, "serverArguments", options.serverArguments, "serverJvmOptions",
                        options.serverJvmOptions, "deadlineMillis", options.deadlineMillis), runs, goals);
        Path file = ResultFile.write(options.out, result);
        goals.forEach(goal -> System.out.println(goal.describe()));
        System.out.println("result: " + file);
        return file;
    }

    @Override
    public void close() {
        BenchRepository.deleteTree(work);
    }
}
