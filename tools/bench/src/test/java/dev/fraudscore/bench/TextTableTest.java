package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsTextLeftAndNumbersRight() {
        String table = new TextTable("batching", "req/s").row("maxBatchSize 1", "3,955").row("batch 32", "12,000")
                .row("x", "-7").render();

        assertThat(table.split(System.lineSeparator())).containsExactly(
                "batching        req/s",
                "--------------  ------",
                "maxBatchSize 1   3,955",
                "batch 32        12,000",
                "x                   -7");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThatThrownBy(() -> new TextTable("a", "b").row("only one")).hasMessageContaining("1 cells in a table of 2");
    }
}
