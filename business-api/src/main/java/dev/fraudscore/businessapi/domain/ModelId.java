package dev.fraudscore.businessapi.domain;

/** A model version: the model that scored a transaction, or was meant to. */
public record ModelId(String name, String version) {
}
