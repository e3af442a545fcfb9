package dev.fraudscore.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HistoryChunksTest {

    @Test
    void rowsComeBackAsTheyWentInChunksOfAboutEqualSize() {
        List<HistoryRow> rows = IntStream.range(0, 10).mapToObj(i -> new HistoryRow(i, "tx-" + i, 1_000L * i, 57 + i,
                "card-é" + i % 3, "m-" + i % 4, i % 5 == 0 ? 2_000L * i : HistoryRow.NOT_REPORTED)).toList();

        List<byte[]> chunks = HistoryChunks.pack(rows, 3);
        List<HistoryRow> back = new ArrayList<>();
        chunks.forEach(c -> HistoryChunks.unpack(c).forEachRemaining(back::add));

        assertThat(chunks).hasSize(3);
        assertThat(back).isEqualTo(rows);
        assertThat(HistoryChunks.pack(List.of(), 4)).isEmpty();
    }
}
