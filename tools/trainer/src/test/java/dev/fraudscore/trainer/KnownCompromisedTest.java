package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.simulator.FraudPattern;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KnownCompromisedTest {

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void cardsWithAFraudKnownByTheTestDayLeaveTheTest() {
        // train 07-25..07-26 (validation 07-26), delay 1 day (07-27), test 07-28..07-29
        TimeSplit split = new TimeSplit(LocalDate.of(2018, 7, 25), 2, 1, 2, 1, 1);
        long[] millis = {at("2018-07-25T10:00:00Z"), at("2018-07-27T10:00:00Z"), at("2018-07-28T10:00:00Z"),
            at("2018-07-28T11:00:00Z"), at("2018-07-28T12:00:00Z"), at("2018-07-29T10:00:00Z"),
            at("2018-07-29T11:00:00Z")};
        String[] cards = {"A", "B", "A", "B", "C", "B", "C"};
        float[] labels = {1, 1, 0, 1, 1, 0, 0};
        FraudPattern[] patterns = new FraudPattern[labels.length];
        Arrays.fill(patterns, FraudPattern.NONE);
        LabelledRows all = new LabelledRows(new float[labels.length][1], labels, millis, patterns);
        // day 07-28: A is known (fraud while training); B's fraud of 07-27 is not known yet -> rows 3 (B), 4 (C)
        // day 07-29: B's fraud of 07-27 is known now; C's of 07-28 is not -> row 6 (C)
        assertThat(KnownCompromised.testRows(all, cards, split, split.all().get(0))).containsExactly(3, 4, 6);
    }
}
