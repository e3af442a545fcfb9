package dev.fraudscore.predictservice.web.torchserve;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The JSON shapes of TorchServe's REST API, with its member names, as predict-service fills them. */
final class TorchServeJson {

    private TorchServeJson() {
    }

    /** {@code /ping} and the management API's answers to changes. */
    record Status(String status) {
    }

    /** Every error: the HTTP status again, TorchServe's exception name, and a sentence. */
    record Error(int code, String type, String message) {
    }

    /** {@code GET /models}: the models, sorted, and where the next page starts when there is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ModelList(String nextPageToken, List<ModelEntry> models) {
    }

    record ModelEntry(String modelName, String modelUrl) {
    }

    /**
     * {@code GET /models/{model}[/{version}]}: one version. {@code status} and {@code reason} are predict-service's
     * state of the version (LOADING, READY, FAILED with its reason, UNLOADING); {@code workers} holds one entry for a
     * version that serves, standing for its batch queue.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ModelDescription(String modelName, String modelVersion, String modelUrl, String engine, String runtime,
            String deviceType, int minWorkers, int maxWorkers, int batchSize, long maxBatchDelay, String status,
            String reason, List<Worker> workers, JobQueueStatus jobQueueStatus) {
    }

    record Worker(String id, String status, long memoryUsage, long pid, boolean gpu, String gpuUsage) {
    }

    /** In rows, not requests: the batch queue counts rows. */
    record JobQueueStatus(int remainingCapacity, int pendingRequests) {
    }
}
