package dev.fraudscore.features.state;

/** What a tile counts. Each is a 64-bit integer per tile (Redis {@code HINCRBY}), summed exactly. */
public enum Counter {
    /** 1 per transaction. */
    COUNT('n'),
    /** The transaction's amount in minor units. */
    AMOUNT('a'),
    /** 1 per transaction later labelled fraudulent, in the tile of the transaction's instant. */
    FRAUD('f');

    private final char field;

    Counter(char field) {
        this.field = field;
    }

    /** Its letter in the Redis script's arguments. */
    public char field() {
        return field;
    }
}
