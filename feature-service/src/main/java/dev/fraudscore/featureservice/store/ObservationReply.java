package dev.fraudscore.featureservice.store;

import dev.fraudscore.features.CardHistory;
import dev.fraudscore.features.HistoryStore.Observation;

/**
 * Parses the reply of {@code observe-card-history.lua}:
 * {@code replayed|count1h|count24h|amountSum24hMinor|lastSeenMillis|merchantSeen}, all decimal integers.
 */
final class ObservationReply {

    private ObservationReply() {
    }

    static Observation parse(String reply) {
        if (reply == null) {
            throw new IllegalStateException("the history script returned nothing");
        }
        String[] parts = reply.split("\\|", -1);
        if (parts.length != 6) {
            throw new IllegalStateException("the history script returned '" + reply + "', expected 6 fields");
        }
        CardHistory history = new CardHistory(
                Long.parseLong(parts[1]),
                Long.parseLong(parts[2]),
                Long.parseLong(parts[3]),
                Long.parseLong(parts[4]),
                flag(parts[5]));
        return new Observation(history, flag(parts[0]));
    }

    private static boolean flag(String value) {
        return switch (value) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new IllegalStateException("the history script returned '" + value + "' for a flag");
        };
    }
}
