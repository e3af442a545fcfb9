package dev.fraudscore.predictservice.config;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the model comes from and how requests are bounded ({@code fraudscore.predict.*}).
 *
 * @param modelRepository    the model repository directory, {@code <dir>/<name>/<version>/manifest.json}
 * @param modelName          the model whose newest version is served
 * @param maxRowsPerRequest  rows one Predict call may carry
 * @param warmup             predictions run before the service reports ready
 */
@ConfigurationProperties("fraudscore.predict")
public record PredictProperties(
        @DefaultValue("models") Path modelRepository,
        @DefaultValue("fraud-mlp") String modelName,
        @DefaultValue("1024") int maxRowsPerRequest,
        @DefaultValue Warmup warmup) {

    public PredictProperties {
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("fraudscore.predict.model-name must name a model, e.g. fraud-mlp");
        }
        if (maxRowsPerRequest < 1) {
            throw new IllegalArgumentException("fraudscore.predict.max-rows-per-request must be at least 1, not "
                    + maxRowsPerRequest);
        }
    }

    /**
     * @param batchSizes batch sizes scored during warm-up (sizes above max-rows-per-request are skipped)
     * @param rounds     how many times each batch size is scored
     */
    public record Warmup(@DefaultValue({"1", "16", "128", "1024"}) List<Integer> batchSizes,
                         @DefaultValue("3") int rounds) {

        public Warmup {
            if (batchSizes.stream().anyMatch(size -> size == null || size < 1)) {
                throw new IllegalArgumentException("fraudscore.predict.warmup.batch-sizes must all be at least 1, not "
                        + batchSizes);
            }
            if (rounds < 0) {
                throw new IllegalArgumentException("fraudscore.predict.warmup.rounds cannot be negative, not " + rounds);
            }
            batchSizes = List.copyOf(batchSizes);
        }
    }
}
