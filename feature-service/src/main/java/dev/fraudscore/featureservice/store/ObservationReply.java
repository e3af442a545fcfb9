package dev.fraudscore.featureservice.store;

import dev.fraudscore.features.CardHistory;
import dev.fraudscore.features.HistoryStore.Observation;
import java.nio.charset.StandardCharsets;

/**
 * Parses the reply of {@code observe-card-history.lua}: {@code '0'} (first time) or {@code '1'} (replayed)
 * followed by a {@link PackedHistory}, or {@code 'L'} followed by a replayed history in the text format before,
 * {@code count1h|count24h|amountSum24hMinor|lastSeenMillis|merchantSeen}.
 */
final class ObservationReply {

    private ObservationReply() {
    }

    static Observation parse(byte[] reply) {
        if (reply == null || reply.length == 0) {
            throw new IllegalStateException("the history script returned nothing");
        }
        return switch (reply[0]) {
            case '0' -> new Observation(PackedHistory.read(reply, 1), false);
            case '1' -> new Observation(PackedHistory.read(reply, 1), true);
            case 'L' -> new Observation(text(new String(reply, 1, reply.length - 1, StandardCharsets.US_ASCII)), true);
            default -> throw new IllegalStateException("the history script returned a reply starting with byte "
                    + (reply[0] & 0xFF));
        };
    }

    private static CardHistory text(String history) {
        String[] parts = history.split("\\|", -1);
        if (parts.length != 5) {
            throw new IllegalStateException("the history script returned '" + history + "', expected 5 fields");
        }
        return new CardHistory(
                Long.parseLong(parts[0]),
                Long.parseLong(parts[1]),
                Long.parseLong(parts[2]),
                Long.parseLong(parts[3]),
                flag(parts[4]));
    }

    private static boolean flag(String value) {
        return switch (value) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new IllegalStateException("the history script returned '" + value + "' for a flag");
        };
    }
}
