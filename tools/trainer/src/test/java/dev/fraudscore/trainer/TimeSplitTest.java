package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSplitTest {

    private static Instant day(String d) {
        return Instant.parse(d + "T00:00:00Z");
    }

    @Test
    void theHandbooksSingleSplitSkipsTheDelayBetweenTrainingAndTest() {
        TimeSplit split = new TimeSplit(LocalDate.of(2018, 7, 25), 7, 7, 7, 1, 1);
        TimeSplit.Fold f = split.all().get(0);
        assertThat(f.fitFrom()).isEqualTo(day("2018-07-25"));
        assertThat(f.validationFrom()).isEqualTo(day("2018-07-31"));
        assertThat(f.trainUntil(split)).isEqualTo(day("2018-08-01"));
        assertThat(f.testFrom()).isEqualTo(day("2018-08-08"));
        assertThat(f.testUntil()).isEqualTo(day("2018-08-15"));
    }

    @Test
    void prequentialFoldsMoveByTheTestPeriod() {
        TimeSplit split = new TimeSplit(LocalDate.of(2018, 7, 25), 7, 7, 7, 1, 4);
        List<TimeSplit.Fold> folds = split.all();
        assertThat(folds).extracting(TimeSplit.Fold::fitFrom).containsExactly(day("2018-07-25"), day("2018-08-01"),
                day("2018-08-08"), day("2018-08-15"));
        assertThat(split.end()).isEqualTo(day("2018-09-05"));
    }

    @Test
    void validationMustLeaveDaysToFitOn() {
        assertThatThrownBy(() -> new TimeSplit(LocalDate.of(2018, 7, 25), 1, 7, 7, 1, 1))
                .hasMessageContaining("--train-days must exceed --validation-days");
    }
}
