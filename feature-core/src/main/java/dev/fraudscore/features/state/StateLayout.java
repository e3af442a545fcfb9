package dev.fraudscore.features.state;

import java.util.Objects;

/**
 * Where a declared state ({@link StateSpec}) lives in Redis and how its values are spelled: the one layout that
 * feature-service's store and scripts serve from and the batch backfill writes. Each key carries its entity as the
 * Redis Cluster hash tag:
 *
 * <pre>
 * {prefix}{setId}:{cardKey}:{aggregate}        a card's aggregate (sorted set, string or hash by kind)
 * {prefix}{setId}:m:{merchantKey}:{aggregate}  a merchant's aggregate, shared by every card paying there
 * {prefix}{setId}:{cardKey}:t:{txId}           the state already returned to that transaction id
 * {prefix}{setId}:l:{txId}                     the transaction's label record (instant, card, merchant, label)
 * </pre>
 *
 * Values: an exact window is a sorted set of transaction ids by epoch millis; a last event the millis in decimal;
 * recent merchants a sorted set of merchant keys by the millis last paid; tiles a hash with {@link #TILE_HI} and a
 * ring of {@code keep} slots ({@link #tileField}); a label record a hash of {@link #RECORD_MILLIS},
 * {@link #RECORD_CARD}, {@link #RECORD_MERCHANT} and, once labelled, {@link #RECORD_LABEL} ({@link #labelCode})
 * and {@link #RECORD_REPORTED} (millis). observe-aggregates.lua and record-label.lua spell the same.
 */
public record StateLayout(String prefix, String featureSetId) {

    /** The tiles hash's field holding the latest tile written. */
    public static final String TILE_HI = "hi";
    public static final String RECORD_MILLIS = "t";
    public static final String RECORD_CARD = "c";
    public static final String RECORD_MERCHANT = "m";
    public static final String RECORD_LABEL = "l";
    public static final String RECORD_REPORTED = "r";

    public StateLayout {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(featureSetId, "featureSetId");
    }

    /** What every key of the set starts with. */
    public String namespace() {
        return prefix + featureSetId + ":";
    }

    public String aggregate(Aggregate aggregate, String entityKey) {
        String entity = aggregate.entity() == Entity.CARD ? "{" + entityKey + "}" : "m:{" + entityKey + "}";
        return namespace() + entity + ":" + aggregate.name();
    }

    public String transaction(String cardKey, String transactionId) {
        return namespace() + "{" + cardKey + "}:t:" + transactionId;
    }

    public String label(String transactionId) {
        return namespace() + "l:{" + transactionId + "}";
    }

    /** The hash field of {@code counter} for tile {@code tile}: tile x lives in ring slot x mod keep. */
    public static String tileField(Tiles tiles, long tile, Counter counter) {
        int c = tiles.counters().indexOf(counter);
        if (c < 0) {
            throw new IllegalArgumentException("tiles " + tiles.name() + " do not count " + counter);
        }
        return Long.toString(Math.floorMod(tile, tiles.keep()) * (long) tiles.counters().size() + c);
    }

    /** How a label record spells a label. */
    public static String labelCode(FraudLabel label) {
        return label == FraudLabel.FRAUD ? "F" : "G";
    }
}
