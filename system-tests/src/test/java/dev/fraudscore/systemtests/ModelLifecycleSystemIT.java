package dev.fraudscore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import dev.fraudscore.contracts.predict.v1.Row;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.systemtests.ApiClient.Answer;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Model versions arriving in the running system's repository, as data scientists deploy them: a new version
 * of the default model serves the public API within 30 s without a restart, and a TorchScript model trained
 * in PyTorch on the trainer's export is picked up and scores exactly as PyTorch does.
 */
class ModelLifecycleSystemIT {

    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(12, ChronoUnit.HOURS);
    private static final Duration PICK_UP = Duration.ofSeconds(30);

    private static Pipeline pipeline;
    private static ApiClient api;
    private static ManagedChannel predict;

    @BeforeAll
    static void startSystem() {
        pipeline = Pipeline.get();
        api = new ApiClient(pipeline.gatewayUrl());
        predict = NettyChannelBuilder.forAddress("127.0.0.1", pipeline.predictGrpcPort).usePlaintext().build();
    }

    @AfterAll
    static void disconnect() {
        predict.shutdownNow();
    }

    @Test
    void aNewVersionInTheRepositoryAnswersThePublicApiWithinThirtySecondsWithoutARestart() throws Exception {
        String served = pipeline.model.version();
        String next = String.valueOf(Integer.parseInt(served) + 1);
        Path nextDir = ModelVersions.copyAs(pipeline.models(), pipeline.model.name(), served, next);
        try {
            long start = System.nanoTime();
            await().atMost(PICK_UP).pollInterval(Duration.ofMillis(250))
                    .until(() -> publicAnswerVersion().equals(next));
            System.out.printf("version %s answered the public API %d ms after it was written%n", next,
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            ModelVersions.delete(nextDir);
        }
        await().atMost(PICK_UP).pollInterval(Duration.ofMillis(250)).until(() -> publicAnswerVersion().equals(served));
    }

    @Test
    void aTorchScriptModelTrainedInPyTorchOnTheExportScoresAsPyTorchDoes() throws Exception {
        Path work = Files.createDirectories(pipeline.work.resolve("datascience"));
        Path export = work.resolve("fraud.csv");
        Path reference = work.resolve("reference.csv");
        DataScientist.export(pipeline.root, export);
        DataScientist.trainTorchScript(pipeline.root, export, pipeline.models(), "fraud-torch", reference);
        ModelManifest manifest = new ModelRepository(pipeline.models()).readManifest("fraud-torch",
                new ModelRepository(pipeline.models()).newestVersion("fraud-torch").orElseThrow());
        Map<String, Float> pytorch = DataScientist.referenceScores(reference);
        Map<String, float[]> rows = DataScientist.rows(export, pytorch.keySet());

        PredictServiceGrpc.PredictServiceBlockingStub stub = PredictServiceGrpc.newBlockingStub(predict);
        PredictRequest.Builder request = PredictRequest.newBuilder().setModelName("fraud-torch")
                .setFeatureSet(FeatureSetRef.newBuilder().setName(manifest.featureSet().name())
                        .setVersion(manifest.featureSet().version()).setFingerprint(manifest.featureSet().fingerprint()));
        List<String> ids = List.copyOf(rows.keySet());
        for (String id : ids) {
            Row.Builder row = Row.newBuilder();
            for (float value : rows.get(id)) {
                row.addValues(value);
            }
            request.addRows(row);
        }
        PredictResponse served = await().atMost(PICK_UP).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> stub.withDeadlineAfter(5, TimeUnit.SECONDS).predict(request.build()), r -> true);

        assertThat(served.getModel().getName()).isEqualTo("fraud-torch");
        assertThat(served.getScoresCount()).isEqualTo(ids.size()).isGreaterThanOrEqualTo(32);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(served.getScores(i)).as("score of %s", ids.get(i)).isCloseTo(pytorch.get(ids.get(i)), within(1e-5f));
        }
    }

    private static String publicAnswerVersion() {
        Answer answer = api.score(Transactions.everyday(Transactions.newCard(), AT, "21.00", "m-lifecycle"), Pipeline.API_KEY);
        return answer.body().path("model").path("version").asString();
    }
}
