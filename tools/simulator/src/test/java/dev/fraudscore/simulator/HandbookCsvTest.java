package dev.fraudscore.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.Channel;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandbookCsvTest {

    private static final String HEADER = "TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_FRAUD\n";

    private static List<LabelledTransaction> read(String csv) {
        return HandbookCsv.read(new StringReader(csv), "tx.csv");
    }

    @Test
    void readsTheHandbookLayoutWithItsDefaultsAndIgnoresExtraColumns() {
        List<LabelledTransaction> rows = read("EXTRA,TX_FRAUD,TX_AMOUNT,TERMINAL_ID,CUSTOMER_ID,TX_DATETIME,TRANSACTION_ID\n"
                + "x,0,57.16,3156,596,2018-04-01 00:00:31,0\n"
                + "y,1,226.5,1010,12,2018-04-01 00:02:10,1\n");
        assertThat(rows).hasSize(2);
        LabelledTransaction first = rows.get(0);
        assertThat(first.transaction().transactionId()).isEqualTo("0");
        assertThat(first.transaction().occurredAt()).isEqualTo(Instant.parse("2018-04-01T00:00:31Z"));
        assertThat(first.transaction().amountMinor()).isEqualTo(5716);
        assertThat(first.transaction().cardKey()).isEqualTo("596");
        assertThat(first.customerId()).isEqualTo("596");
        assertThat(first.transaction().merchantKey()).isEqualTo("3156");
        assertThat(first.transaction().channel()).isEqualTo(Channel.POS);
        assertThat(first.transaction().cardCountry()).isEqualTo(first.transaction().merchantCountry());
        assertThat(first.fraud()).isFalse();
        assertThat(rows.get(1).transaction().amountMinor()).isEqualTo(22650);
        assertThat(rows.get(1).pattern()).isEqualTo(FraudPattern.REPORTED);
    }

    @Test
    void writtenDataReadsBackWithItsScenarios() {
        List<LabelledTransaction> generated = HandbookProfile.generate(3, 50, 100, 10, LocalDate.of(2018, 4, 1));
        StringWriter csv = new StringWriter();
        HandbookCsv.write(generated, Instant.parse("2018-04-01T00:00:00Z"), csv);
        assertThat(read(csv.toString())).isEqualTo(generated);
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> read("TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TX_AMOUNT,TX_FRAUD\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tx.csv").hasMessageContaining("missing column(s) [TERMINAL_ID]");
    }

    @Test
    void aBadValueNamesItsRowAndField() {
        assertThatThrownBy(() -> read(HEADER + "0,2018-04-01 00:00:31,596,3156,57.16,0\n"
                + "1,2018-04-01 00:00:40,596,3156,lots,0\n"))
                .hasMessage("tx.csv row 2, field TX_AMOUNT: 'lots' is not an amount in EUR like 57.16");
        assertThatThrownBy(() -> read(HEADER + "0,01/04/2018,596,3156,57.16,0\n"))
                .hasMessageContaining("tx.csv row 1, field TX_DATETIME");
        assertThatThrownBy(() -> read(HEADER + "0,2018-04-01 00:00:31,596,3156,57.16,2\n"))
                .hasMessageContaining("tx.csv row 1, field TX_FRAUD: '2' is not an integer from 0 to 1");
        assertThatThrownBy(() -> read(HEADER + "0,2018-04-01 00:00:31,596,3156\n"))
                .hasMessageContaining("tx.csv row 1: 4 fields where the header has 6");
    }

    @Test
    void somethingElseThanCsvSaysSo() {
        assertThatThrownBy(() -> read("{\"transactionId\":\"tx-1\",\"occurredAt\":\"2025-01-06T00:00:00Z\"}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tx.csv: not CSV in the Handbook layout");
    }

    @Test
    void timesOutOfOrderAreRefusedAtTheFirstLateRow() {
        assertThatThrownBy(() -> read(HEADER + "0,2018-04-01 00:10:00,596,3156,57.16,0\n"
                + "1,2018-04-01 00:09:59,12,1010,10.00,0\n"))
                .hasMessageContaining("tx.csv row 2, field TX_DATETIME")
                .hasMessageContaining("sorted by time");
    }

    @Test
    void simulatorOutputReadsBackAndABadLineIsNamed() {
        List<LabelledTransaction> run = Simulator.generate(SimulationConfig.of(5, 40, 3));
        StringWriter jsonl = new StringWriter();
        JsonLines.write(run, jsonl);
        List<LabelledTransaction> back = JsonLines.read(new BufferedReader(new StringReader(jsonl.toString())), "s");
        assertThat(back).hasSize(run.size());
        assertThat(back.get(0).transaction()).isEqualTo(run.get(0).transaction());
        assertThat(back.get(0).pattern()).isEqualTo(run.get(0).pattern());
        String broken = jsonl.toString().replaceFirst("\"channel\":\"[A-Z]+\"", "\"channel\":\"PIGEON\"");
        assertThatThrownBy(() -> JsonLines.read(new BufferedReader(new StringReader(broken)), "s.jsonl"))
                .hasMessageContaining("s.jsonl line 1, field channel: unknown value 'PIGEON'");
    }
}
