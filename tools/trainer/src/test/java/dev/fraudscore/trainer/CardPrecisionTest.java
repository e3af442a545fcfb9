package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CardPrecisionTest {

    private static final long DAY = 86_400_000L;

    @Test
    void cardsRankByTheirBestScoreOfTheDayAndCardsCaughtLeaveTheFollowingDays() {
        // day 0: A 0.9 fraud (and a genuine 0.2), B 0.8 genuine, C 0.1 fraud -> top 2 = A, B: 1/2; A is blocked
        // day 1: A 0.99 fraud (blocked), C 0.95 fraud, B 0.7 genuine -> top 2 = C, B: 1/2 (not A, C: 1)
        float[] scores = {0.2f, 0.9f, 0.8f, 0.1f, 0.99f, 0.95f, 0.7f};
        float[] labels = {0, 1, 0, 1, 1, 1, 0};
        long[] millis = {10, 20, 30, 40, DAY + 10, DAY + 20, DAY + 30};
        String[] cards = {"A", "A", "B", "C", "A", "C", "B"};
        assertThat(CardPrecision.atK(scores, labels, millis, cards, 2)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aDayWithFewerCardsThanKStillDividesByK() {
        float[] scores = {0.9f, 0.1f};
        float[] labels = {1, 0};
        assertThat(CardPrecision.atK(scores, labels, new long[] {0, 1}, new String[] {"A", "B"}, 100))
                .isCloseTo(0.01, within(1e-12));
    }
}
