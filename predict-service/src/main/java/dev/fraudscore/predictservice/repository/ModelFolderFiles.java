package dev.fraudscore.predictservice.repository;

import java.util.List;

/**
 * The shapes of the two optional files of a model's folder, as YAML binds them. Every field is optional;
 * what is left out takes the service's default.
 *
 * <pre>
 * models/fraud-mlp/config.yaml             models/fraud-mlp/routing.yaml
 *   versionPolicy: {latest: 2}                primary: 3
 *   batching: {maxBatchSize: 32,              canary: {version: 4, percent: 10}
 *              maxQueueDelay: 1ms,            shadows: [5]
 *              maxQueuedRows: 512}
 *   device: auto
 *   backend: {type: torchserve, url: http://gpu-pool:8080, model: fraud-mlp, version: 3}
 * </pre>
 */
final class ModelFolderFiles {

    private ModelFolderFiles() {
    }

    /** {@code config.yaml}. */
    record Config(Policy versionPolicy, Batching batching, String device, Backend backend) {
    }

    /** Exactly one of: the latest N, the versions listed, or all. */
    record Policy(Integer latest, List<String> specific, Boolean all) {
    }

    /** {@code maxQueueDelay} as Spring writes durations: {@code 2ms}, {@code 500us}, {@code 0}. */
    record Batching(Integer maxBatchSize, String maxQueueDelay, Integer maxQueuedRows) {
    }

    /** Where the forward pass runs: {@code local} (DJL, the default) or {@code torchserve} (a remote server). */
    record Backend(String type, String url, String model, String version, String connectTimeout, String callTimeout,
            Integer maxIdleConnections, String keepAlive) {
    }

    /** {@code routing.yaml}. */
    record Routing(String primary, Canary canary, List<String> shadows) {
    }

    record Canary(String version, Double percent) {
    }
}
