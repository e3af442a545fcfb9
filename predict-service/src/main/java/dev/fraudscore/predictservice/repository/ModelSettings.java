package dev.fraudscore.predictservice.repository;

import dev.fraudscore.predictservice.batching.BatchingConfig;
import dev.fraudscore.predictservice.domain.VersionPolicy;

/**
 * How one model is served: which versions, how its requests are batched, and on which device.
 *
 * @param device {@code cpu}, {@code gpu} or {@code auto} (a GPU when DJL sees one)
 */
public record ModelSettings(VersionPolicy versionPolicy, BatchingConfig batching, String device) {
}
