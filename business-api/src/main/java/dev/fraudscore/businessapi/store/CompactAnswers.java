package dev.fraudscore.businessapi.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How an answer is kept: the four-byte id of its skeleton followed by its numbers ({@link HoleNibbles}), or,
 * when it has no skeleton, its JSON whole. The two cannot be confused: a skeleton id starts above 0x7F, JSON
 * with '{'. Decoding gives back the answer's JSON character for character.
 */
final class CompactAnswers {

    private static final int ID_BYTES = Integer.BYTES;

    private final SkeletonDictionary skeletons;

    CompactAnswers(SkeletonDictionary skeletons) {
        this.skeletons = skeletons;
    }

    byte[] encode(String answerJson, String transactionId) {
        Optional<AnswerSkeleton> split = AnswerSkeleton.split(answerJson, transactionId);
        OptionalInt id = split.isPresent() ? skeletons.intern(split.get().text()) : OptionalInt.empty();
        if (id.isEmpty()) {
            return answerJson.getBytes(StandardCharsets.UTF_8);
        }
        byte[] holes = HoleNibbles.pack(split.get().holes());
        return ByteBuffer.allocate(ID_BYTES + holes.length).putInt(id.getAsInt()).put(holes).array();
    }

    /** The answer's JSON; none when its skeleton is no longer known, or the record does not fit it. */
    Optional<String> decode(byte[] stored, String transactionId) {
        if (stored.length > 0 && (stored[0] & 0x80) == 0) {
            return Optional.of(new String(stored, StandardCharsets.UTF_8));
        }
        if (stored.length < ID_BYTES) {
            return Optional.empty();
        }
        return skeletons.resolve(ByteBuffer.wrap(stored).getInt()).flatMap(text -> {
            try {
                return Optional.of(new AnswerSkeleton(text, HoleNibbles.unpack(stored, ID_BYTES, AnswerSkeleton.holesIn(text)))
                        .join(transactionId));
            } catch (IllegalArgumentException unfit) {
                return Optional.empty();
            }
        });
    }
}
