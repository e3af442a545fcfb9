package dev.fraudscore.featureservice.store;

import java.time.Duration;
import java.util.Random;

/** Gaps and amounts of the random streams the Redis stores are checked on against the training stores. */
final class RandomStreams {

    private RandomStreams() {
    }

    /** Mostly minutes apart; some in the same millisecond, some hours, a few more than a day. */
    static long nextGap(Random random) {
        int kind = random.nextInt(100);
        if (kind < 15) {
            return 0;
        }
        if (kind < 70) {
            return 1_000 + random.nextInt((int) Duration.ofMinutes(20).toMillis());
        }
        if (kind < 95) {
            return Duration.ofMinutes(30).toMillis() + random.nextInt((int) Duration.ofHours(6).toMillis());
        }
        return Duration.ofHours(24).toMillis() + random.nextInt((int) Duration.ofHours(20).toMillis());
    }

    static long nextAmount(Random random) {
        if (random.nextInt(50) == 0) {
            return (1L << 53) + random.nextInt(1_000); // beyond what a double holds exactly
        }
        return random.nextInt(500_000);
    }
}
