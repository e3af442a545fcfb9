package dev.fraudscore.predictservice.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.common.util.concurrent.ListenableFuture;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.predictservice.GatedModelVersion;
import dev.fraudscore.predictservice.GrpcTestClient;
import dev.fraudscore.predictservice.Prometheus;
import dev.fraudscore.predictservice.RunningService;
import dev.fraudscore.predictservice.TestManifests;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A version whose batch queue holds one row, and whose model is kept busy by a held forward pass. */
class OverloadIT extends RunningService {

    private static final String MODEL = "tiny-queue-mlp";

    @Test
    void aFullBatchQueueRefusesAtOnceAndTheQueuedRequestsAreStillAnswered() throws Exception {
        repository().publish(MODEL, "1", 1);
        repository().writeFile(MODEL, "config.yaml", "batching: {maxBatchSize: 1, maxQueueDelay: 0ms, maxQueuedRows: 1}\n");
        client.load(MODEL);
        GatedModelVersion model = opener().version(MODEL + "/1");
        model.hold();
        ListenableFuture<PredictResponse> inFlight = predict("card-1");
        await().atMost(Duration.ofSeconds(10)).until(model::busy);

        // one of the two finds the queue empty and waits in it; the other finds it full
        List<ListenableFuture<PredictResponse>> next = List.of(predict("card-2"), predict("card-3"));
        await().atMost(Duration.ofSeconds(10)).until(() -> next.stream().anyMatch(ListenableFuture::isDone));
        model.open();

        assertThat(next).filteredOn(f -> outcome(f) == Status.Code.RESOURCE_EXHAUSTED).singleElement()
                .satisfies(refused -> assertThat(Status.fromThrowable(failure(refused)).getDescription()).isEqualTo(
                        "predict-service's batch queue for tiny-queue-mlp/1 holds 1 rows, its limit; retry later or add capacity"));
        assertThat(next).filteredOn(f -> outcome(f) == Status.Code.OK).hasSize(1);
        assertThat(inFlight.get(10, TimeUnit.SECONDS).getModel().getVersion()).isEqualTo("1");
        assertThat(Prometheus.sum(client.prometheus(), "fraudscore_predict_requests_total", "model=\"tiny-queue-mlp\"",
                "outcome=\"RESOURCE_EXHAUSTED\"")).isEqualTo(1.0);
    }

    private ListenableFuture<PredictResponse> predict(String card) {
        return client.predictAsync().predict(GrpcTestClient.request(MODEL, "", card, TestManifests.rows(1, 1)));
    }

    private static Status.Code outcome(ListenableFuture<PredictResponse> answer) {
        Throwable failure = failure(answer);
        return failure == null ? Status.Code.OK : Status.fromThrowable(failure).getCode();
    }

    private static Throwable failure(ListenableFuture<PredictResponse> answer) {
        try {
            answer.get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
