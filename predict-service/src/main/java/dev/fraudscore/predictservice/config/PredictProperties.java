package dev.fraudscore.predictservice.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fraudscore.predict.*}: where the models come from and how they are served. A model's own
 * {@code config.yaml} in its repository folder overrides {@code defaults} for that model.
 *
 * @param modelRepository    the repository, {@code <dir>/<name>/<version>/manifest.json}
 * @param modelName          the default model: the one that answers a request that names none
 * @param pollPeriod         how often the repository is scanned for new, changed and removed versions
 * @param maxRowsPerRequest  rows one Predict call may carry
 * @param servedFeatureSets  the feature sets your feature-service serves ({@code fraud_v1}): a version trained
 *                           on another one (by fingerprint) is refused at load
 * @param defaults           what a model without {@code config.yaml} gets
 * @param warmup             predictions run on each version before it is served
 */
@Validated
@ConfigurationProperties("fraudscore.predict")
public record PredictProperties(
        @DefaultValue("models") @NotNull Path modelRepository,
        @DefaultValue("fraud-mlp") @NotBlank String modelName,
        @DefaultValue("5s") @NotNull Duration pollPeriod,
        @DefaultValue("1024") @Min(1) int maxRowsPerRequest,
        @DefaultValue("fraud_v1") @NotEmpty List<@NotBlank String> servedFeatureSets,
        @DefaultValue @Valid Defaults defaults,
        @DefaultValue @Valid Warmup warmup) {

    /**
     * @param latestVersions how many of the newest versions are served (Triton's "latest" policy)
     * @param maxBatchSize   rows merged into one forward pass; 1 turns merging off
     * @param maxQueueDelay  how long the oldest request may wait for others to join its batch
     * @param maxQueuedRows  rows that may wait; beyond, RESOURCE_EXHAUSTED at once
     * @param device         cpu, gpu or auto (a GPU when DJL sees one)
     */
    public record Defaults(
            @DefaultValue("1") @Min(1) int latestVersions,
            @DefaultValue("32") @Min(1) int maxBatchSize,
            @DefaultValue("0ms") @NotNull Duration maxQueueDelay,
            @DefaultValue("512") @Min(1) int maxQueuedRows,
            @DefaultValue("auto") @Pattern(regexp = "cpu|gpu|auto", message = "must be cpu, gpu or auto") String device) {
    }

    /**
     * @param batchSizes sizes scored during warm-up besides the batch sizes a version will run
     * @param rounds     how many times each size is scored
     */
    public record Warmup(@DefaultValue({"1", "1024"}) List<@Min(1) Integer> batchSizes, @DefaultValue("3") @Min(0) int rounds) {
    }
}
