package dev.fraudscore.bench;

import ai.djl.Device;
import dev.fraudscore.contracts.predict.v1.GetModelMetadataRequest;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc.PredictServiceBlockingStub;
import dev.fraudscore.model.LoadedModel;
import dev.fraudscore.model.ModelRepository;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One caller, sequential: one-row Predict calls to predict-service end to end, interleaved in rounds with the
 * raw forward pass of the same version in this JVM ({@code LoadedModel.score} on one row), and with
 * GetModelMetadata calls (a gRPC round trip that scores nothing). The overhead is the difference of the medians.
 *
 * @param overheadP50Micros p50 of Predict over gRPC minus p50 of the raw forward pass
 * @param batches           what the server's batcher reported over the measured calls (queue wait, forward pass)
 */
record OverheadRun(int run, String loadAverageBefore, Latencies predictOverGrpc, Latencies rawForwardPass,
        Latencies metadataRoundTrip, double overheadP50Micros, BatchStats batches) {

    record Plan(int warmupRequests, int requestsPerRound, int rounds) {
    }

    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final GetModelMetadataRequest METADATA = GetModelMetadataRequest.getDefaultInstance();

    static OverheadRun measure(Workbench bench, int run, Plan plan) {
        String loadAverage = HostInfo.loadAverageNow();
        try (BenchRepository repository = bench.newRepository();
             ServerProcess server = bench.startServer("overhead-run" + run, repository, List.of());
             LoadedModel raw = LoadedModel.load(new ModelRepository(repository.root()), bench.model(), "1", Device.cpu())) {
            Requests requests = Requests.forModel(server.metadata(bench.deadline()));
            PredictServiceBlockingStub stub = PredictServiceGrpc.newBlockingStub(server.channel());
            long deadline = bench.deadline().toMillis();
            Histogram grpc = new Histogram(HIGHEST_NANOS, 3);
            Histogram forward = new Histogram(HIGHEST_NANOS, 3);
            Histogram roundTrip = new Histogram(HIGHEST_NANOS, 3);
            long n = 0;
            for (int i = 0; i < plan.warmupRequests(); i++, n++) {
                stub.withDeadlineAfter(deadline, TimeUnit.MILLISECONDS).predict(requests.get(n));
                raw.score(new float[][] {requests.row(n)});
                stub.withDeadlineAfter(deadline, TimeUnit.MILLISECONDS).getModelMetadata(METADATA);
            }
            PrometheusText before = server.metrics();
            for (int round = 0; round < plan.rounds(); round++) {
                for (int i = 0; i < plan.requestsPerRound(); i++, n++) {
                    long t0 = System.nanoTime();
                    stub.withDeadlineAfter(deadline, TimeUnit.MILLISECONDS).predict(requests.get(n));
                    grpc.recordValue(Math.min(System.nanoTime() - t0, HIGHEST_NANOS));
                }
                for (int i = 0; i < plan.requestsPerRound(); i++, n++) {
                    float[][] row = {requests.row(n)};
                    long t0 = System.nanoTime();
                    raw.score(row);
                    forward.recordValue(Math.min(System.nanoTime() - t0, HIGHEST_NANOS));
                }
                for (int i = 0; i < plan.requestsPerRound() / 4; i++) {
                    long t0 = System.nanoTime();
                    stub.withDeadlineAfter(deadline, TimeUnit.MILLISECONDS).getModelMetadata(METADATA);
                    roundTrip.recordValue(Math.min(System.nanoTime() - t0, HIGHEST_NANOS));
                }
            }
            BatchStats batches = BatchStats.between(before, server.metrics());
            Latencies overGrpc = Latencies.of(grpc);
            Latencies rawPass = Latencies.of(forward);
            return new OverheadRun(run, loadAverage, overGrpc, rawPass, Latencies.of(roundTrip),
                    overGrpc.p50Micros() - rawPass.p50Micros(), batches);
        }
    }
}
