package dev.fraudscore.predictservice.domain;

/** Where a version is in its life in the service. */
public enum VersionState {
    /** being opened, validated and warmed up */
    LOADING,
    /** servable */
    READY,
    /** refused: its reason says why; never served */
    FAILED,
    /** no new requests; those in flight finish, then its memory is freed */
    UNLOADING
}
