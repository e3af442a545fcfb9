package dev.fraudscore.featureservice.store;

import dev.fraudscore.features.HistoryStore.Observation;

/**
 * Parses the reply of {@code observe-card-history.lua}: {@code '0'} (first time) or {@code '1'} (replayed) followed
 * by a {@link PackedHistory}.
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
            default -> throw new IllegalStateException("the history script returned a reply starting with byte "
                    + (reply[0] & 0xFF));
        };
    }
}
