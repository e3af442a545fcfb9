package dev.fraudscore.predictservice.remote.bench;

import static org.awaitility.Awaitility.await;

import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import dev.fraudscore.predictservice.GrpcTestClient;
import dev.fraudscore.predictservice.TestManifests;
import dev.fraudscore.predictservice.TestModelVersions;
import dev.fraudscore.testsupport.FreePorts;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The price of the torchserve backend, measured: two predict-service JVMs serving the same model version, A with
 * DJL in-process and B with {@code backend: torchserve} pointing at C, a third predict-service whose TorchServe face
 * (its HTTP port) serves the same weights with DJL, under the same sequential and concurrent load through gRPC
 * Predict, in turns, in one run.
 *
 * <p>Arguments (all optional): {@code seconds} per measurement (10), {@code rounds} (2), concurrent callers (16).
 * Writes logs under {@code target/remote-overhead/}. Run with {@code predict-service/bench/remote-overhead.sh}.
 */
public final class RemoteOverheadBench {

    private static final String MODEL = "fraud-mlp";

    private RemoteOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int callers = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        Path work = Files.createTempDirectory("remote-overhead");
        Path logs = Path.of("target", "remote-overhead").toAbsolutePath();
        Path local = work.resolve("local");
        Path remote = work.resolve("remote");
        TestModelVersions.write(local, MODEL, "1", 42);
        TestModelVersions.write(remote, MODEL, "1", 42);
        int faceC = FreePorts.next();
        Files.writeString(remote.resolve(MODEL).resolve("config.yaml"), "backend:\n  type: torchserve\n"
                + "  url: http://127.0.0.1:" + faceC + "\n  model: " + MODEL + "\n  version: \"1\"\n"
                + "  maxIdleConnections: 16\n");

        int portC = FreePorts.next();
        try (ServiceProcess c = predictService("C-face", logs, local, portC, faceC)) {
            ManagedChannel channelC = channel(portC);
            awaitServing(channelC);
            channelC.shutdownNow();
            int portA = FreePorts.next();
            int portB = FreePorts.next();
            try (ServiceProcess a = predictService("A-local", logs, local, portA, FreePorts.next());
                 ServiceProcess b = predictService("B-torchserve", logs, remote, portB, FreePorts.next())) {
                ManagedChannel channelA = channel(portA);
                ManagedChannel channelB = channel(portB);
                awaitServing(channelA);
                awaitServing(channelB);
                System.out.printf(Locale.ROOT, "same scores from A and B: largest difference %.2e%n",
                        largestDifference(channelA, channelB));
                List<String> lines = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    for (int threads : List.of(1, callers)) {
                        boolean aFirst = round % 2 == 1;
                        for (ServiceProcess target : aFirst ? List.of(a, b) : List.of(b, a)) {
                            ManagedChannel channel = target == a ? channelA : channelB;
                            LoadRun.run(channel, threads, Duration.ofSeconds(5), target, null);
                            LoadRun.Result result = LoadRun.run(channel, threads, measure, target,
                                    target == b ? c : null);
                            String line = describe(round, threads, target.name(), result);
                            System.out.println(line);
                            lines.add(line);
                        }
                    }
                }
                Files.createDirectories(logs);
                Files.write(logs.resolve("results.txt"), lines);
                channelA.shutdownNow();
                channelB.shutdownNow();
            }
        }
    }

    private static ServiceProcess predictService(String name, Path logs, Path repository, int grpcPort, int httpPort)
            throws java.io.IOException {
        return ServiceProcess.start(name, logs, "dev.fraudscore.predictservice.PredictServiceApplication", List.of(),
                List.of("--spring.grpc.server.port=" + grpcPort, "--server.port=" + httpPort,
                        "--fraudscore.predict.model-repository=" + repository, "--fraudscore.predict.model-name=" + MODEL,
                        "--fraudscore.predict.warmup.rounds=1", "--logging.level.root=WARN"));
    }

    private static ManagedChannel channel(int port) {
        return ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    private static void awaitServing(ManagedChannel channel) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> HealthGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.getDefaultInstance()).getStatus() == ServingStatus.SERVING);
    }

    private static double largestDifference(ManagedChannel a, ManagedChannel b) {
        float[][] rows = TestManifests.rows(64, 5);
        PredictResponse fromA = PredictServiceGrpc.newBlockingStub(a).withDeadlineAfter(5, TimeUnit.SECONDS)
                .predict(GrpcTestClient.request(TestManifests.fraudV1(), rows));
        PredictResponse fromB = PredictServiceGrpc.newBlockingStub(b).withDeadlineAfter(5, TimeUnit.SECONDS)
                .predict(GrpcTestClient.request(TestManifests.fraudV1(), rows));
        double largest = 0;
        for (int r = 0; r < rows.length; r++) {
            largest = Math.max(largest, Math.abs(fromA.getScores(r) - fromB.getScores(r)));
        }
        return largest;
    }

    private static String describe(int round, int callers, String target, LoadRun.Result result) {
        double requests = Math.max(1, result.requests());
        return String.format(Locale.ROOT, "round %d | %2d caller(s) | %-12s | %7.0f req/s | p50 %6d us | p90 %6d us"
                        + " | p99 %6d us | predict-service CPU %5.0f us/req | remote (C) CPU %5.0f us/req | errors %d",
                round, callers, target, result.perSecond(), result.micros().getValueAtPercentile(50),
                result.micros().getValueAtPercentile(90), result.micros().getValueAtPercentile(99),
                result.serviceCpuMicros() / requests, result.remoteCpuMicros() / requests, result.errors());
    }
}
