package dev.fraudscore.predictservice.domain;

import dev.fraudscore.features.FeatureSetId;

/**
 * What the service knows of one version, for the metadata and the metrics.
 *
 * @param reason     why it failed, or {@code null}
 * @param device     where it runs, {@code null} until loaded
 * @param featureSet from its manifest, {@code null} when the manifest could not be read
 */
public record VersionStatus(String version, VersionState state, String reason, String device, FeatureSetId featureSet) {
}
